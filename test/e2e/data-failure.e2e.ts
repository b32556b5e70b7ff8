import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIRST_CARDS } from '../../src/components/first-render';
import { expectStatusCount, issues, pagePerTest, status, url, useBrowser, waitReady } from './support/browser';

const browser = useBrowser();
let page: Page;
pagePerTest(browser, (fresh) => (page = fresh));

// The data's index file and its files of rows (/data/issues-<hash>.json, /data/issues-<hash>-0.json, …).
const DATA = '**/data/issues-*.json';

// A filtered link that leaves some issues: chips above, and a count that differs from the whole list.
const type = issues.find((issue) => issue.type && issue.curated.includes('co-create'))!.type!;
const FILTERED = `/?label=co-create&type=${encodeURIComponent(type)}`;
const filteredCount = issues.filter((issue) => issue.curated.includes('co-create') && issue.type === type).length;

const alert = (page: Page) => page.getByRole('alert');
const tryAgain = (page: Page) => alert(page).getByRole('button', { name: 'Try again' });
const cards = (page: Page) => page.locator('main ol > li article');
const chips = (page: Page) => page.locator('[role="group"][aria-label="Active filters"] button[data-chip]');
/** Every filter checkbox, and whether each is disabled (by itself or by its fieldset). */
const filterBoxesDisabled = (page: Page) =>
  page.locator('aside[aria-label="Filters"] input[type="checkbox"]').evaluateAll((boxes) => boxes.map((box) => box.matches(':disabled')));
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedIsTryAgain = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent === 'Try again' && !!document.activeElement.closest('[role="alert"]'));

/** Answers every request for the issue data with a server error. */
const failData = (page: Page) => page.route(DATA, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));

/** Holds every request for the issue data until the returned function is called; then they go through. */
async function holdData(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(DATA, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** What each chip's description (aria-describedby) says. */
const chipDescriptions = (page: Page) =>
  chips(page).evaluateAll((buttons) =>
    buttons.map((button) => {
      const ids = button.getAttribute('aria-describedby')?.split(' ') ?? [];
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    }),
  );

/** Presses Tab until the focus is on Try again; fails if it never gets there. */
async function tabToTryAgain(page: Page): Promise<void> {
  for (let i = 0; i < 40 && !(await focusedIsTryAgain(page)); i++) await page.keyboard.press('Tab');
  expect(await focusedIsTryAgain(page), 'Try again reached by Tab').toBe(true);
}

describe('when the issue data cannot be loaded', () => {
  it('an alert says so, offers Try again and the plain pages, and the filter controls are disabled', async () => {
    await failData(page);
    await page.goto(url('/'));
    await alert(page).waitFor();
    expect(await alert(page).textContent()).toContain('The issue data could not be loaded.');
    expect(await alert(page).getByRole('link', { name: 'plain pages' }).getAttribute('href')).toBe('/all/');
    expect(await tryAgain(page).isVisible()).toBe(true);
    // The grey count line claims nothing: the alert says why there is no count.
    expect((await status(page).textContent())?.trim()).toBe('');
    // The unfiltered view: the served cards are its first ones, true as they stand.
    expect(await cards(page).count()).toBe(FIRST_CARDS);
    const disabled = await filterBoxesDisabled(page);
    expect(disabled.length).toBeGreaterThan(10);
    expect(disabled.every(Boolean)).toBe(true);
    expect(await page.locator('#search').isDisabled()).toBe(true);
    expect(await page.locator('#sort').isDisabled()).toBe(true);
  });

  it('a word index file that is not what the build wrote fails as missing data does, and Try again recovers', async () => {
    // The right length for nothing: a header that claims more words than the file holds.
    const corrupt = Buffer.alloc(64, 0xff);
    await page.route('**/data/issues-*-words.bin', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: corrupt }));
    await page.goto(url('/'));
    await alert(page).waitFor();
    expect(await alert(page).textContent()).toContain('The issue data could not be loaded.');
    expect(await page.locator('#search').isDisabled()).toBe(true);
    await page.unroute('**/data/issues-*-words.bin');
    await tryAgain(page).click();
    await alert(page).waitFor({ state: 'detached' });
    expect(await page.locator('#search').isDisabled()).toBe(false);
  });

  it('Try again, by keyboard, loads the data without reloading the page, and the search box takes the focus', async () => {
    await failData(page);
    await page.goto(url('/'));
    await alert(page).waitFor();
    await page.evaluate(() => ((window as { samePage?: boolean }).samePage = true));
    await page.unroute(DATA);
    const release = await holdData(page);

    await tabToTryAgain(page);
    await page.keyboard.press('Enter');
    // While it tries, the button keeps the focus (aria-disabled, not disabled) and the count line says so.
    await expect.poll(() => tryAgain(page).getAttribute('aria-disabled')).toBe('true');
    expect(await focusedIsTryAgain(page)).toBe(true);
    expect(await status(page).textContent()).toBe('Loading issues…');

    release();
    await waitReady(page);
    expect(await alert(page).count()).toBe(0);
    await expectStatusCount(page, issues.length);
    expect(await focusedId(page)).toBe('search');
    expect((await filterBoxesDisabled(page)).some(Boolean)).toBe(false);
    expect(await page.evaluate(() => (window as { samePage?: boolean }).samePage)).toBe(true);
  });

  it('a second failure says "still", and the focus stays on Try again', async () => {
    await failData(page);
    await page.goto(url('/'));
    await alert(page).waitFor();
    await tabToTryAgain(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => alert(page).textContent()).toContain('The issue data still could not be loaded.');
    expect(await tryAgain(page).getAttribute('aria-disabled')).toBe('false');
    expect(await focusedIsTryAgain(page)).toBe(true);
  });

  it('a filtered link shows its chips as pending and the alert, never the unfiltered list; Try again applies it', async () => {
    await failData(page);
    await page.goto(url(FILTERED));
    await alert(page).waitFor();
    expect(await chips(page).count()).toBe(2);
    expect(await chipDescriptions(page)).toEqual(['Not applied until the issues have loaded', 'Not applied until the issues have loaded']);
    expect(await chips(page).evaluateAll((buttons) => buttons.every((button) => button.hasAttribute('data-pending')))).toBe(true);
    expect(await cards(page).count()).toBe(0);
    expect((await status(page).textContent())?.trim()).toBe('');

    await page.unroute(DATA);
    await tryAgain(page).click();
    await expectStatusCount(page, filteredCount);
    expect(await alert(page).count()).toBe(0);
    expect(await chipDescriptions(page)).toEqual(['', '']);
    expect(await cards(page).count()).toBeGreaterThan(0);
  });
});

describe('a shortlist link, when the issue data cannot be loaded', () => {
  it('says so with Try again, which shows the shortlist and gives the focus to its first control', async () => {
    const picked = issues.slice(0, 2).map((issue) => issue.reference);
    await failData(page);
    await page.goto(url(`/?${picked.map((reference) => `ref=${encodeURIComponent(reference)}`).join('&')}&title=Picked`));
    await alert(page).waitFor();
    expect(await alert(page).textContent()).toContain('The shortlist needs it.');
    await page.unroute(DATA);
    await tabToTryAgain(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#shortlist-heading').textContent()).toBe('Picked');
    expect(await alert(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Apply with these issues');
  });
});

describe('while the issue data loads', () => {
  it('a filtered link shows its chips as pending and "Loading issues…", not the unfiltered list', async () => {
    const release = await holdData(page);
    await page.goto(url(FILTERED));
    await chips(page).first().waitFor();
    // The island has taken the URL's view: the served, unfiltered cards are gone.
    await expect.poll(() => cards(page).count()).toBe(0);
    expect(await status(page).textContent()).toBe('Loading issues…');
    expect(await page.locator('main').getAttribute('aria-busy')).toBe('true');
    expect(await chipDescriptions(page)).toEqual(['Not applied until the issues have loaded', 'Not applied until the issues have loaded']);
    expect((await filterBoxesDisabled(page)).every(Boolean)).toBe(true);
    // Typing ahead works: the search is not disabled while the data loads, only when it failed.
    expect(await page.locator('#search').isDisabled()).toBe(false);

    release();
    await expectStatusCount(page, filteredCount);
    expect(await chipDescriptions(page)).toEqual(['', '']);
    expect(await cards(page).count()).toBeGreaterThan(0);
    expect((await filterBoxesDisabled(page)).some(Boolean)).toBe(false);
  });
});
