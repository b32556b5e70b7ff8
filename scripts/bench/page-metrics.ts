// What a first visit costs: the bytes of HTML, CSS and JS it downloads before the issue data (gzip -9 of the
// built files, since the preview server does not compress), render-blocking resources, and the JS heap once
// the data is loaded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { waitReady } from './browser';

/** First-load figures of one site. */
export interface FirstLoad {
  /** gzip -9 bytes of each kind of file the page loaded, data excluded. */
  html: number;
  css: number;
  js: number;
  files: number;
  /** gzip -9 bytes of the issue data and any index fetched with it, and how many files they came in. */
  dataBytes: number;
  dataFiles: number;
  blockingCss: number;
  blockingScripts: number;
  /** Inline classic scripts in <head>: they block parsing but download nothing. */
  inlineHeadScripts: number;
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
// The data and whatever index comes with it: every file the page's scripts fetch (the issue data under /data/, or
// any search index shipped beside it), so a prebuilt index is counted wherever it is served from.
const isData = (path: string, type: string) => type === 'fetch' || type === 'xhr' || /\/data\/[^/]*\.json$/.test(path);

/** Loads the site's front page and measures what it downloaded, from the built files in `siteDir`. */
export async function measureFirstLoad(page: Page, url: string, siteDir: string): Promise<FirstLoad> {
  const seen = new Map<string, string>();
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (response.url().startsWith(url) && response.status() === 200) seen.set(pathname, response.request().resourceType());
  });
  await page.goto(`${url}/`);
  await waitReady(page);
  const result: FirstLoad = { html: 0, css: 0, js: 0, files: 0, dataBytes: 0, dataFiles: 0, blockingCss: 0, blockingScripts: 0, inlineHeadScripts: 0 };
  for (const [pathname, type] of seen) {
    const file = join(siteDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (isData(pathname, type)) {
      result.dataBytes += gzipBytes(file);
      result.dataFiles += 1;
    } else if (type === 'document') result.html += gzipBytes(file);
    else if (type === 'stylesheet' || pathname.endsWith('.css')) result.css += gzipBytes(file);
    else if (type === 'script' || /\.m?js$/.test(pathname)) result.js += gzipBytes(file);
    else continue; // images and icons are not part of the HTML + CSS + JS budget
    if (!isData(pathname, type)) result.files += 1;
  }
  // Counted on the HTML as served, before any script could add or remove anything.
  const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
  const head = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const scripts = [...doc.head.querySelectorAll('script')].filter((s) => !s.type || /^(text|application)\/(java|ecma)script$/i.test(s.type));
    return {
      css: [...doc.head.querySelectorAll('link[rel~="stylesheet"]')].filter((l) => !l.hasAttribute('disabled') && (l.getAttribute('media') ?? 'all') !== 'print').length,
      scripts: scripts.filter((s) => s.src && !s.async && !s.defer).length,
      inline: scripts.filter((s) => !s.src).length,
    };
  }, html);
  return { ...result, blockingCss: head.css, blockingScripts: head.scripts, inlineHeadScripts: head.inline };
}

/** The JS heap in bytes after the page has loaded its data and settled, measured after a forced GC. */
export async function measureHeap(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/`);
  await waitReady(page);
  const cdp = await page.context().newCDPSession(page);
  // Twice: the first collection can leave objects that only become garbage once finalizers ran.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}
