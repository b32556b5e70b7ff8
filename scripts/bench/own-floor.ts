// The floor of our own page, one per view: the site as a visitor sees it once a query has filled the list, with its
// scripts taken out and its list cut to the results our page renders first for a new view (first-render.ts: 2 cards,
// or 8 compact rows). On every keystroke it puts fresh copies of those same results in the list, with no search and
// no framework. So a keystroke of ours costs over it what the search, Preact's update, the counts and taking the
// previous results away cost; what it costs to show our cards and rows on our page is in both. The baseline pages'
// floor (engine-pages.ts) inserts 4 simple cards on a bare page instead.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { firstOfNewView, PAGE_SIZE } from '../../src/components/first-render';
import type { Density } from '../../src/lib/model';
import { waitReady, withPage } from './browser';

/** The views with a floor of their own: the lanes are named `floor-<view>`. */
export const OWN_FLOOR_VIEWS = ['cards', 'compact'] as const satisfies readonly Density[];
export type OwnFloorView = (typeof OWN_FLOOR_VIEWS)[number];

/** The file of a view's floor page, under the baseline pages' folder. */
export const ownFloorFile = (view: OwnFloorView) => `own-floor-${view}.html`;

// Puts `count` (its URL's n) fresh copies of the list's results in its place on every input in the search box.
const FLOOR_SCRIPT = `const count = Number(new URL(import.meta.url).searchParams.get('n'));
const list = document.querySelector('main ol[data-density]');
const results = [...list.children].slice(0, count);
document.querySelector('#search').addEventListener('input', () => list.replaceChildren(...results.map((item) => item.cloneNode(true))));
window.__engineReady = true;
`;
const SCRIPT_FILE = 'own-floor.js';

/**
 * Writes each view's floor page into `dir` (the baseline pages' folder, served at its root), made from our site
 * served at `siteUrl` (built into `siteDir`) after typing `query`, which must find at least as many issues as a new
 * view renders. The stylesheets the page links are copied beside it.
 */
export async function writeOwnFloors(browser: Browser, siteUrl: string, siteDir: string, dir: string, query: string): Promise<void> {
  writeFileSync(join(dir, SCRIPT_FILE), FLOOR_SCRIPT);
  for (const view of OWN_FLOOR_VIEWS) {
    const count = firstOfNewView(view);
    const { html, stylesheets } = await withPage(browser, {}, async (page) => {
      await page.goto(`${siteUrl}/${view === 'compact' ? '?view=compact' : ''}`);
      await waitReady(page);
      await page.fill('#search', query);
      // The status says how many match once the query ran; the fill then renders the page of them (PAGE_SIZE, or all).
      const matches = await page.waitForFunction(
        () => /^([\d,]+) issues? match$/.exec(document.querySelector('main [role="status"]')?.textContent?.trim() ?? '')?.[1],
      );
      const found = Number((await matches.jsonValue())!.replaceAll(',', ''));
      if (found < count) throw new Error(`own floor: "${query}" finds ${found} issues, fewer than the ${count} a new view renders`);
      await page.waitForFunction((whole) => document.querySelectorAll('main ol[data-density] > li').length === whole, Math.min(found, PAGE_SIZE));
      await page.waitForLoadState('networkidle');
      return page.evaluate(
        ({ count, script }) => {
          for (const element of document.querySelectorAll('script[type="module"], script[src], link[rel="modulepreload"]')) element.remove();
          const list = document.querySelector('main ol[data-density]')!;
          while (list.children.length > count) list.lastElementChild!.remove();
          document.body.append(Object.assign(document.createElement('script'), { type: 'module', src: script }));
          const links = document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]');
          return { html: `<!DOCTYPE html>${document.documentElement.outerHTML}`, stylesheets: [...links].map((link) => new URL(link.href).pathname) };
        },
        { count, script: `/${SCRIPT_FILE}?n=${count}` },
      );
    });
    for (const path of stylesheets) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      copyFileSync(join(siteDir, path), join(dir, path));
    }
    writeFileSync(join(dir, ownFloorFile(view)), html);
  }
}
