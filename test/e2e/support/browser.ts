// What every e2e file shares: one Chromium per file, the server's address, the fixture, and page helpers.
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { toIssue, type Issue } from '../../../src/lib/model';
import { parseSnapshot, type Snapshot, type SnapshotIssue } from '../../../src/lib/snapshot';
import { sortIssues } from '../../../src/lib/view/sort';
import { chromePath } from './chrome-path';

export const baseUrl = inject('baseUrl');
export const fixture: Snapshot = parseSnapshot(readFileSync(inject('fixtureFile'), 'utf8'));
export const issues: readonly SnapshotIssue[] = fixture.issues;

/** The fixture's items in the page's default (recommended) order, by the site's own rules, as of the snapshot. */
export const recommended: readonly Issue[] = sortIssues(
  fixture.issues.map((issue) => toIssue(issue, fixture.previousGeneratedAt)),
  'recommended',
  Date.parse(fixture.generatedAt),
);

/** An absolute URL on the preview server for a path like `/?label=co-create`. */
export const url = (path = '/') => `${baseUrl}${path}`;

const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launches one browser for the calling test file and closes it afterwards. Playwright gives every launch a fresh
 * temporary profile (user-data dir), so nothing carries over between files or runs.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromePath(), args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not launched');
    return browser;
  };
}

/** A page in a fresh context; close the context (page.context().close()) when done. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  return context.newPage();
}

/** Gives each test of the file a fresh page (in a context of its own, closed after the test) through `set`. */
export function pagePerTest(browser: () => Browser, set: (page: Page) => void): void {
  let current: Page | undefined;
  beforeEach(async () => {
    current = await newPage(browser());
    set(current);
  });
  afterEach(async () => {
    await current?.context().close();
  });
}

/** The status line (`role=status` under main), e.g. "173 issues match". */
export const status = (page: Page) => page.locator('main [role="status"]');

/** Waits until the island has loaded its data: the status line says how many issues, not "Loading". */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const text = document.querySelector('main [role="status"]')?.textContent ?? '';
    return /^\d[\d,]* issues?( match)?$/.test(text.trim()) && !!document.querySelector('#search');
  });
  // The data arrives after first paint; the select only lists "Best match" once the island owns the page.
  await page.waitForLoadState('networkidle');
}

/** Opens a path and waits for the data to load. */
export async function open(page: Page, path = '/'): Promise<void> {
  await page.goto(url(path));
  await waitReady(page);
}

/** The number in the status line. */
export async function statusCount(page: Page): Promise<number> {
  const text = (await status(page).textContent()) ?? '';
  const match = /^([\d,]+) issues?/.exec(text.trim());
  expect(match, `status line "${text}"`).not.toBeNull();
  return Number(match![1]!.replace(/,/g, ''));
}

/** Waits until the status line shows `count` issues. */
export async function expectStatusCount(page: Page, count: number): Promise<void> {
  await expect.poll(() => statusCount(page), { timeout: 5000 }).toBe(count);
}

/** The fieldset of one facet, found by its legend. */
export const facet = (page: Page, legend: string) =>
  page.locator('aside[aria-label="Filters"] fieldset').filter({ has: page.locator('legend', { hasText: new RegExp(`^${legend}$`) }) });

/** Each option of a facet as shown: value, count and whether it is checked. */
export async function facetOptions(page: Page, legend: string): Promise<Array<{ value: string; count: number; checked: boolean }>> {
  return facet(page, legend)
    .locator('li')
    .evaluateAll((items) =>
      items.map((item) => {
        const spans = item.querySelectorAll('label span');
        return {
          value: spans[0]?.textContent ?? '',
          count: Number(spans[1]?.textContent ?? NaN),
          checked: (item.querySelector('input[type=checkbox]') as HTMLInputElement | null)?.checked ?? false,
        };
      }),
    );
}

/** The checkbox of one facet option. */
export const option = (page: Page, legend: string, value: string) =>
  facet(page, legend).locator('li').filter({ has: page.locator('label span', { hasText: new RegExp(`^${escapeRegExp(value)}$`) }) }).locator('input');

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Titles of the rendered cards, in order. */
export const cardTitles = (page: Page) => page.locator('main ol > li article h3').allTextContents();

/** Clicks "Show more" until every matching card is rendered. */
export async function showAll(page: Page): Promise<void> {
  const more = page.getByRole('button', { name: /^Show more/ });
  for (let i = 0; i < 100 && (await more.count()) > 0; i++) await more.click();
  expect(await more.count()).toBe(0);
}

/** Counts per value over the fixture's issues. */
export function countBy(list: readonly SnapshotIssue[], values: (issue: SnapshotIssue) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const issue of list) for (const value of values(issue)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
