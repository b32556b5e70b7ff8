// Headless Chromium for the in-page figures: one browser per run, a fresh context per measurement.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The Chromium to drive: CHROME_PATH, else Debian's. */
export function chromePath(): string {
  const path = process.env.CHROME_PATH?.trim() || '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROME_PATH`);
  return path;
}

/** Launches the benchmark's browser. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), args: ARGS });
}

/** A page of a fresh context of its own; `close` closes the context. */
export interface OpenPage {
  page: Page;
  close(): Promise<void>;
}

/** Opens a page in a fresh context, for measurements that keep several pages open at once. */
export async function openPage(browser: Browser, options: BrowserContextOptions): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // tsx compiles with esbuild's keepNames, which wraps named functions in __name(); functions passed to the page
  // (evaluate, addInitScript) carry those calls along, so the page needs a do-nothing __name of its own.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
  return { page: await context.newPage(), close: () => context.close() };
}

/** Runs `work` on a page of a fresh context, closing the context afterwards whatever happens. */
export async function withPage<T>(browser: Browser, options: BrowserContextOptions, work: (page: Page) => Promise<T>): Promise<T> {
  const { page, close } = await openPage(browser, options);
  try {
    return await work(page);
  } finally {
    await close();
  }
}

/** Waits until the search island is hydrated: Astro drops its ssr attribute then; before that, input events go nowhere. */
export async function waitHydrated(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('#search') && !document.querySelector('astro-island[ssr]'), undefined, { timeout });
}

/**
 * Waits until the island is hydrated and can search: the served HTML already counts the issues in its status
 * line, and the data is fetched and indexed only once the page is idle, so a probe query must come back with
 * "N issues match" (not "Loading…") before anything is measured. The probe is cleared again afterwards.
 */
export async function waitReady(page: Page): Promise<void> {
  const timeout = 60_000;
  await waitHydrated(page, timeout);
  const status = (pattern: RegExp) =>
    page.waitForFunction(
      (source) => new RegExp(source).test((document.querySelector('main [role="status"]')?.textContent ?? '').trim()),
      pattern.source,
      { timeout },
    );
  await page.fill('#search', 'zq');
  await status(/^\d[\d,]* issues? match$/);
  await page.fill('#search', '');
  await status(/^\d[\d,]* issues?$/);
  await page.waitForLoadState('networkidle');
}
