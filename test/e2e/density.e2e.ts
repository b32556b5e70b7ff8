import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, open, option, pagePerTest, url, useBrowser, waitReady } from './support/browser';

const browser = useBrowser();
let page: Page;
pagePerTest(browser, (fresh) => (page = fresh));

/** The results list, which says the density it shows. */
const list = (page: Page) => page.locator('main ol[data-density]');
const shownDensity = (page: Page) => list(page).getAttribute('data-density');
const remembered = (page: Page) => page.evaluate(() => localStorage.getItem('density'));
const viewParam = (page: Page) => new URL(page.url()).searchParams.get('view');
const densityButton = (page: Page, name: 'Cards' | 'Compact') => page.getByRole('group', { name: 'View' }).getByRole('button', { name, exact: true });
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

async function expectShown(page: Page, density: 'cards' | 'compact'): Promise<void> {
  await expect.poll(() => shownDensity(page)).toBe(density);
  expect(await densityButton(page, density === 'cards' ? 'Cards' : 'Compact').getAttribute('aria-pressed')).toBe('true');
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

describe('the view toggle', () => {
  it('switches to compact rows and back by keyboard alone, keeping the focus and the history as they were', async () => {
    await open(page, '/?label=co-create');
    await expectShown(page, 'cards');
    const entries = await page.evaluate(() => history.length);
    const compact = densityButton(page, 'Compact');
    // From the search box, Tab passes the sort order and Cards on its way to Compact.
    await page.focus('#search');
    for (let i = 0; i < 5 && !(await isFocused(compact)); i++) await page.keyboard.press('Tab');
    expect(await isFocused(compact)).toBe(true);
    await page.keyboard.press('Enter');
    await expectShown(page, 'compact');
    expect(await focusedText(page)).toBe('Compact');
    expect(new URL(page.url()).search).toBe('?label=co-create&view=compact');
    expect(await remembered(page)).toBe('compact');
    // A row has no excerpt and no Apply link: those stay on the cards.
    expect(await list(page).locator('article').count()).toBeGreaterThan(0);
    expect(await list(page).getByRole('link', { name: /^Apply with this issue/ }).count()).toBe(0);

    await page.keyboard.press('Shift+Tab');
    expect(await focusedText(page)).toBe('Cards');
    await page.keyboard.press('Space');
    await expectShown(page, 'cards');
    expect(await focusedText(page)).toBe('Cards');
    expect(new URL(page.url()).search).toBe('?label=co-create');
    expect(await remembered(page)).toBe('cards');
    // The density changes the entry in place: Back goes to the previous filters, not to the other density.
    expect(await page.evaluate(() => history.length)).toBe(entries);
  });

  it('is remembered: a reload keeps it, and a page opened without view= shows it and says so in its URL', async () => {
    await open(page, '/');
    await densityButton(page, 'Compact').click();
    await expectShown(page, 'compact');
    await page.reload();
    await waitReady(page);
    await expectShown(page, 'compact');
    expect(viewParam(page)).toBe('compact');

    const other = await page.context().newPage();
    await open(other, '/?label=co-create');
    await expectShown(other, 'compact');
    expect(new URL(other.url()).search).toBe('?label=co-create&view=compact');
    // Rewritten in place, not as a step: Back from here leaves the page, as it would have.
    await other.goBack();
    expect(other.url()).toBe('about:blank');
  });

  it('a link naming cards wins over a remembered compact without changing what is remembered', async () => {
    await open(page, '/');
    await densityButton(page, 'Compact').click();
    await expectShown(page, 'compact');

    await open(page, '/?label=co-create&view=cards');
    await expectShown(page, 'cards');
    expect(await remembered(page)).toBe('compact');
    // For this visitor a URL without view= means compact, so the cards stay named as the view changes.
    await option(page, 'Curated label', 'quick win').check();
    await expect.poll(() => new URL(page.url()).search).toBe('?label=co-create&label=quick+win&view=cards');
    await page.goBack();
    await expectShown(page, 'cards');
    expect(await remembered(page)).toBe('compact');

    await open(page, '/');
    await expectShown(page, 'compact');
  });

  it('reads view= leniently, writes it as the page does, and remembers nothing for a link', async () => {
    await open(page, '/?view=%20Compact%20&label=co-create');
    await expectShown(page, 'compact');
    expect(new URL(page.url()).search).toBe('?label=co-create&view=compact');
    expect(await remembered(page)).toBeNull();
    await open(page, '/?view=tiles');
    await expectShown(page, 'cards');
    expect(viewParam(page)).toBeNull();
  });

  it('is no filter: Clear all keeps it, and neither the page title nor the GitLab link names it', async () => {
    await open(page, '/?label=co-create');
    const title = await page.title();
    const gitlab = await page.getByRole('link', { name: 'Open this view in GitLab' }).getAttribute('href');
    await open(page, '/?label=co-create&view=compact');
    await expectShown(page, 'compact');
    expect(await page.title()).toBe(title);
    expect(await page.getByRole('link', { name: 'Open this view in GitLab' }).getAttribute('href')).toBe(gitlab);
    await page.getByRole('button', { name: 'Clear all', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?view=compact');
    await expectShown(page, 'compact');
  });
});

describe('compact rows', () => {
  it('fit 8 to 10 issues on a 1280×800 screen, where cards fit 2', async () => {
    const small = await newPage(browser(), { viewport: { width: 1280, height: 800 } });
    try {
      // Rows (or cards) whose top is on the screen once the page has filled in its first page of results.
      const onScreen = () =>
        small.evaluate(() => [...document.querySelectorAll('main ol > li')].filter((item) => item.getBoundingClientRect().top < innerHeight).length);
      await open(small, '/?view=compact');
      await expect.poll(() => small.locator('main ol > li').count()).toBe(25);
      const rows = await onScreen();
      expect(rows).toBeGreaterThanOrEqual(8);
      expect(rows).toBeLessThanOrEqual(10);
      await open(small, '/');
      expect(await onScreen()).toBeLessThanOrEqual(2);
    } finally {
      await small.context().close();
    }
  });

  it('show the same status markers as the cards, with the title first and search matches marked', async () => {
    const markers = () =>
      list(page)
        .locator('article')
        .evaluateAll((articles) =>
          articles.map((article) => {
            const lines = (article as HTMLElement).innerText.split('\n').map((line) => line.trim()).filter(Boolean);
            return {
              id: article.getAttribute('aria-labelledby'),
              first: article.firstElementChild!.tagName,
              titleFirst: lines[0] === article.querySelector('h3')!.textContent!.trim(),
              markers: [...article.querySelectorAll('[data-marker]')].map((item) => `${item.getAttribute('data-marker')}: ${item.textContent}`),
            };
          }),
        );
    // Last updated mixes ready, taken, blocked and stale issues at the top.
    await open(page, '/?sort=updated');
    await expect.poll(() => list(page).locator('article').count()).toBe(25);
    const cards = await markers();
    await densityButton(page, 'Compact').click();
    await expectShown(page, 'compact');
    const rows = await markers();
    expect(rows.map(({ id, markers }) => ({ id, markers }))).toEqual(cards.map(({ id, markers }) => ({ id, markers })));
    expect(new Set(rows.map(({ first, titleFirst }) => `${first} ${titleFirst}`))).toEqual(new Set(['H3 true']));

    await open(page, '/?q=pipline&view=compact');
    const title = list(page).locator('article h3').first();
    expect((await title.locator('mark').allTextContents()).map((mark) => mark.toLowerCase())).toContain('pipeline');
  });

  it('take the place of the served cards smoothly: before the island runs, a remembered compact cuts them short', async () => {
    await page.goto(url('/'));
    await page.evaluate(() => localStorage.setItem('density', 'compact'));
    // Without the island's code the served cards stay; the inline head script and the stylesheet alone act on them.
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(url('/'));
    const served = page.locator('main ol[data-served] > li article');
    expect(await served.count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.dataset.density)).toBe('compact');
    const visible = await served.first().evaluate((article) => [...article.children].map((child) => getComputedStyle(child).display !== 'none'));
    expect(visible.slice(0, 2)).toEqual([true, true]);
    expect(visible.slice(2).some(Boolean)).toBe(false);
    // A link naming cards is shown as cards from the first paint.
    await page.goto(url('/?view=cards'));
    expect(await page.evaluate(() => document.documentElement.dataset.density)).toBeUndefined();
    expect(await served.first().evaluate((article) => [...article.children].every((child) => getComputedStyle(child).display !== 'none'))).toBe(true);
  });
});
