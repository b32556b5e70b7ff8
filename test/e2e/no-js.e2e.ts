import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PLAIN_PAGE_SIZE } from './fixture';
import { fixture, issues, newPage, recommended, url, useBrowser, waitReady } from './support/browser';
import { FIRST_CARDS } from '../../src/components/first-render';
import { labelSlug } from '../../src/lib/links/site-paths';
import { itemKey } from '../../src/lib/model';
import { exactTime, relativeTime } from '../../src/lib/text/time';

const browser = useBrowser();
let page: Page;
beforeAll(async () => {
  page = await newPage(browser(), { javaScriptEnabled: false });
});
afterAll(async () => {
  await page.context().close();
});

/** Keys of the cards on the current page (each card's title heading has the item's key, `issue-<id>` or `epic-<id>`). */
const cardIds = (page: Page) => page.locator('article h3[id]').evaluateAll((h3s) => h3s.map((h3) => h3.id));

/** Keys of the issues a plain list page lists: each one's title heading has its key too. */
const plainIds = (page: Page) => page.locator('main ol > li h3[id]').evaluateAll((h3s) => h3s.map((h3) => h3.id));

/** Follows "Next" links from the current page, collecting every listed issue's id and the pages visited. */
async function walkPages(page: Page): Promise<{ ids: string[]; pages: string[] }> {
  const ids: string[] = [];
  const pages: string[] = [];
  for (let i = 0; i < 50; i++) {
    pages.push(new URL(page.url()).pathname);
    ids.push(...(await plainIds(page)));
    const next = page.locator('nav[aria-label="Pages"] a[rel="next"]');
    if ((await next.count()) === 0) break;
    const href = await next.getAttribute('href');
    expect(href).toMatch(/^\//);
    await page.goto(url(href!));
  }
  return { ids, pages };
}

describe('without JavaScript', () => {
  it('the home page lists the first issues as cards', async () => {
    await page.goto(url('/'));
    const ids = await cardIds(page);
    // The page serves the first cards of the default view; the plain pages list the rest.
    expect(ids.length).toBe(Math.min(FIRST_CARDS, issues.length));
    expect(ids).toEqual(recommended.slice(0, ids.length).map(itemKey));
    expect(await page.locator('main [role="status"]').textContent()).toContain(`${issues.length}`);
  });

  it('the footer\'s plain links reach every issue of the snapshot', async () => {
    await page.goto(url('/'));
    const all = page.locator('footer a', { hasText: /^All issues/ });
    await page.goto(url((await all.getAttribute('href'))!));
    const { ids, pages } = await walkPages(page);
    expect(pages.length).toBe(Math.ceil(issues.length / FIXTURE_PLAIN_PAGE_SIZE));
    // More than one page, or the walk tests no "Next".
    expect(pages.length).toBeGreaterThan(1);
    // "Next" says /all/2, the numbered links /all/2/: both serve the same page.
    expect(pages.map((path) => path.replace(/\/?$/, '/'))).toEqual(pages.map((_, i) => (i === 0 ? '/all/' : `/all/${i + 1}/`)));
    // Each issue once, and all of them.
    expect(ids.length).toBe(issues.length);
    expect(new Set(ids)).toEqual(new Set(issues.map(itemKey)));
  });

  it('each curated label\'s plain pages list exactly that label\'s issues', async () => {
    await page.goto(url('/'));
    const links = await page.locator('footer a[href*="/label/"]').evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent ?? '' })),
    );
    const labels = [...new Set(issues.flatMap((issue) => issue.curated))];
    expect(links.length).toBe(labels.length);
    for (const link of links) {
      const label = labels.find((l) => link.text.startsWith(`${l} (`) && link.text === `${l} (${issues.filter((i) => i.curated.includes(l)).length})`);
      expect(label, `footer link "${link.text}"`).toBeDefined();
      await page.goto(url(link.href));
      const { ids } = await walkPages(page);
      expect(new Set(ids)).toEqual(new Set(issues.filter((issue) => issue.curated.includes(label!)).map(itemKey)));
      expect(ids.length).toBe(new Set(ids).size);
    }
  });
});

/** Every button and form field on the page (or in `within`) that is rendered (not hidden by display: none, its own or an ancestor's). */
const shownControls = (page: Page, within = 'html') =>
  page.locator(within).locator('button, input, select, textarea').evaluateAll((controls) =>
    controls.filter((control) => control.checkVisibility()).map((control) => control.outerHTML.slice(0, 120)),
  );

describe('without JavaScript, controls that need it are not there', () => {
  it.each(['/', '/?label=co-create&q=pipeline', '/all/', '/labels/', '/health/', '/no-such-page/'])('%s shows no button or form field', async (path) => {
    await page.goto(url(path));
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-js'))).toBe(false);
    expect(await shownControls(page)).toEqual([]);
  });

  it('the list page hides its search, sort, Copy link, filters and theme toggle, and keeps its cards and links', async () => {
    await page.goto(url('/'));
    // Hidden, not merely disabled: none of them takes space or the focus.
    for (const selector of ['#search', '#sort', 'aside[aria-label="Filters"]', 'button:has-text("Copy link")', 'button:has-text("Dark theme")']) {
      const element = page.locator(selector);
      expect(await element.count(), selector).toBe(1);
      expect(await element.isVisible(), selector).toBe(false);
      expect(await element.evaluate((el) => getComputedStyle(el.closest('.needs-js')!).display), selector).toBe('none');
    }
    // The list takes the whole width the filter panel would have shared.
    const main = await page.locator('main').boundingBox();
    const header = await page.locator('header > div').boundingBox();
    expect(Math.abs(main!.x - (header!.x + 16))).toBeLessThanOrEqual(1);
    expect(await page.locator('article').count()).toBe(FIRST_CARDS);
    expect(await page.getByRole('link', { name: 'plain pages' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Apply to Co-Create' }).isVisible()).toBe(true);
  });

  it('the 404 page keeps its links home and to the plain pages, without a search box the list could not apply', async () => {
    await page.goto(url('/no-such-page/'));
    expect(await page.locator('form[role="search"]').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: /^Go to the list of/ }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Browse every issue page by page' }).isVisible()).toBe(true);
  });

  it('with JavaScript, the same controls are there (the inline script that marks the page runs under the CSP)', async () => {
    const withJs = await newPage(browser());
    try {
      await withJs.goto(url('/'));
      await waitReady(withJs);
      expect(await withJs.evaluate(() => document.documentElement.dataset.js)).toBe('');
      for (const selector of ['#search', '#sort', 'aside[aria-label="Filters"]', 'button:has-text("Copy link")', 'button:has-text("Dark theme")']) {
        expect(await withJs.locator(selector).isVisible(), selector).toBe(true);
      }
    } finally {
      await withJs.context().close();
    }
  });

  it('with JavaScript, the plain list pages still show no button in their list: no script there would run one', async () => {
    const withJs = await newPage(browser());
    try {
      const label = issues[0]!.curated[0]!;
      for (const path of ['/all/', `/label/${labelSlug(label)}/`]) {
        await withJs.goto(url(path));
        expect(await withJs.evaluate(() => document.documentElement.dataset.js), path).toBe('');
        const listed = withJs.locator('main ol > li');
        expect(await listed.count(), path).toBeGreaterThan(0);
        // Each issue still says how to apply with it.
        expect(await listed.getByRole('link', { name: /^Apply with this issue/ }).count(), path).toBe(await listed.count());
        // The header's theme toggle is an island of its own, which works on every page.
        expect(await shownControls(withJs, 'main'), path).toEqual([]);
      }
    } finally {
      await withJs.context().close();
    }
  });
});

/** Each time of a page that is said relatively in the browser: where it is (header, or a card's key), when, and as what. */
const times = (page: Page) =>
  page.locator('time[datetime]').evaluateAll((elements) =>
    elements
      .filter((element) => element.closest('header') || element.closest('article'))
      .map((element) => ({
        where: element.closest('article')?.querySelector('h3')?.id ?? 'header',
        dateTime: element.getAttribute('datetime')!,
        text: element.textContent ?? '',
        title: element.getAttribute('title') ?? '',
      })),
  );

describe('times', () => {
  // The reader's clock, five hours after the snapshot: the header says "5 hours ago" with JavaScript.
  const clock = Date.parse(fixture.generatedAt) + 5 * 3_600_000;

  // The list page serves its first cards; a plain page lists issues without times, and has the header's.
  it.each([
    ['/', Math.min(FIRST_CARDS, issues.length)],
    ['/all/', 0],
  ])('on %s, without JavaScript, are dates, and agree with the ages the page gives with it', async (path, cards) => {
    await page.goto(url(path));
    // The header's and each card's Created and Updated, which carry the exact time as a tooltip (a milestone's due
    // date has none: it is a date either way).
    const relative = (await times(page)).filter(({ title }) => title !== '');
    expect(relative.filter(({ where }) => where === 'header')).toHaveLength(1);
    expect(relative.length).toBeGreaterThanOrEqual(1 + 2 * cards);
    for (const time of relative) {
      const ms = Date.parse(time.dateTime);
      // The build's clock is not the reader's: a date stays true however late the page is read.
      expect(time.text).toBe(time.where === 'header' ? exactTime(ms) : new Date(ms).toISOString().slice(0, 10));
      expect(time.title).toBe(exactTime(ms));
    }
    expect(relative.find(({ where }) => where === 'header')!.text).toBe(exactTime(Date.parse(fixture.generatedAt)));

    const withJs = await newPage(browser());
    try {
      await withJs.clock.setFixedTime(clock);
      await withJs.goto(url(path));
      if (path === '/') await waitReady(withJs);
      await expect.poll(async () => (await times(withJs)).find(({ where }) => where === 'header')?.text).toBe('5 hours ago');
      const aged = await times(withJs);
      // The browser's data gives times to the second (payload.ts): a loaded card's time is the served one's, rounded.
      const second = (dateTime: string) => Math.round(Date.parse(dateTime) / 1000);
      for (const time of relative) {
        const same = aged.find(({ where, dateTime, title }) => where === time.where && second(dateTime) === second(time.dateTime) && title !== '');
        expect(same, `${time.where} ${time.dateTime}`).toBeDefined();
        // The same instant: the age is counted from it on the reader's clock, and the tooltip names it exactly,
        // beginning with the date the page gives without JavaScript.
        expect(same!.text).toBe(relativeTime(Date.parse(same!.dateTime), clock));
        expect(same!.title.startsWith(time.text)).toBe(true);
      }
    } finally {
      await withJs.context().close();
    }
  });
});
