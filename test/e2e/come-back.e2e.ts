// Coming back to where you were, and the focus after each action that moves the list: Show more, Enter in the search
// box, Back from another page, a reload.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { open, pagePerTest, recommended, useBrowser, waitReady } from './support/browser';

const browser = useBrowser();
let page: Page;
pagePerTest(browser, (fresh) => (page = fresh));

const cards = (page: Page) => page.locator('main ol > li article');
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? null);
const showMore = (page: Page) => page.getByRole('button', { name: /^Show more/ });

/** Shows more cards by keyboard and scrolls to the 40th card, as a reader deep in the list would be. */
async function readDeep(page: Page): Promise<number> {
  await open(page, '/');
  await showMore(page).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => cards(page).count()).toBe(75);
  await cards(page).nth(39).scrollIntoViewIfNeeded();
  // The page writes where the reader is once the scrolling settles, as a reader pauses before following a link.
  await expect.poll(() => page.evaluate(() => (history.state as { place?: { scrollY: number } } | null)?.place?.scrollY === window.scrollY)).toBe(true);
  return page.evaluate(() => window.scrollY);
}

describe('the focus', () => {
  it('goes to the first new card after Show more', async () => {
    await readDeep(page);
    expect(await focused(page)).toBe(recommended[25]!.title);
  });

  it('goes to the first result on Enter in the search box', async () => {
    await open(page, '/');
    const word = recommended[3]!.title.split(/\s+/).find((w) => /^[a-z]{6,}$/i.test(w))!;
    await page.locator('#search').fill(word);
    await page.locator('#search').press('Enter');
    await expect.poll(() => focused(page)).toBe(await cards(page).first().locator('h3').textContent());
    // Enter again, on an unchanged search: the focus still moves.
    await page.locator('#search').focus();
    await page.locator('#search').press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).not.toBe('search');
  });
});

describe('coming back', () => {
  it('a reload keeps the cards shown and the scroll position', async () => {
    const scrolled = await readDeep(page);
    expect(scrolled).toBeGreaterThan(2000);
    await page.reload();
    await waitReady(page);
    await expect.poll(() => cards(page).count()).toBe(75);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 50);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrolled + 50);
  });

  it('Back from the labels page comes back to the same card, after Show more', async () => {
    const scrolled = await readDeep(page);
    // A label pill of a card on screen leads to the labels page, in the same tab.
    const pill = cards(page).nth(40).getByRole('link', { name: /: why is this listed\?$/ }).first();
    await pill.click();
    await page.waitForURL(/\/labels\//);
    await page.goBack();
    await waitReady(page);
    await expect.poll(() => cards(page).count()).toBe(75);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 200);
  });

  it('a fresh visit starts at the top with the first page of cards', async () => {
    await readDeep(page);
    await open(page, '/?label=co-create');
    await open(page, '/');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect.poll(() => cards(page).count()).toBe(25);
  });
});
