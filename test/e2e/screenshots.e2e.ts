import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { newPage, open, url, useBrowser } from './support/browser';

// Git-ignored (test-results/); for people to look at, not compared against anything.
const DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

const browser = useBrowser();

it.each([
  [375, 'light', 'home', '/'],
  [375, 'dark', 'home', '/'],
  [1280, 'light', 'home', '/'],
  [1280, 'dark', 'home', '/'],
  [375, 'light', 'compact', '/?view=compact'],
  [375, 'dark', 'compact', '/?view=compact'],
  [1280, 'light', 'compact', '/?view=compact'],
  [1280, 'dark', 'compact', '/?view=compact'],
] as const)('full-page screenshot at %i px, %s: %s', async (width, colorScheme, name, path) => {
  mkdirSync(DIR, { recursive: true });
  const page = await newPage(browser(), { viewport: { width, height: 900 }, colorScheme });
  try {
    await open(page, path);
    // Nothing may stick out sideways: a horizontal scrollbar on a phone is a layout bug.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const file = `${DIR}${name}-${width}-${colorScheme}.png`;
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expect(overflow, 'horizontal overflow in px').toBe(0);
  } finally {
    await page.context().close();
  }
});

// The filters in their drawer on a phone, as it opens: the screen a visitor filtering there sees.
it.each(['light', 'dark'] as const)('screenshot of the filter drawer at 375 px, %s', async (colorScheme) => {
  mkdirSync(DIR, { recursive: true });
  const page = await newPage(browser(), { viewport: { width: 375, height: 800 }, colorScheme });
  try {
    await open(page, '/');
    await page.getByRole('button', { name: 'Show filters' }).click();
    await page.getByRole('dialog', { name: 'Filters' }).waitFor();
    await page.screenshot({ path: `${DIR}filters-drawer-375-${colorScheme}.png` });
  } finally {
    await page.context().close();
  }
});

it.each([1280, 375])('the filter panel\'s contents stay inside it at %i px, all options shown', async (width) => {
  const page = await newPage(browser(), { viewport: { width, height: 900 } });
  try {
    await open(page, '/');
    if (width < 768) await page.getByRole('button', { name: 'Show filters' }).click();
    const showAll = page.getByRole('button', { name: /^Show all \d+$/ });
    while ((await showAll.count()) > 0) await showAll.first().click();
    mkdirSync(DIR, { recursive: true });
    // On a phone the filters scroll inside their drawer: the page around them shows nothing more.
    await page.screenshot({ path: `${DIR}filters-expanded-${width}.png`, fullPage: width >= 768 });
    const overflowing = await page.evaluate(() => {
      // The sidebar, or on a phone the drawer the filters open in.
      const aside = (document.querySelector('aside[aria-label="Filters"] dialog') ?? document.querySelector('aside[aria-label="Filters"]'))!.getBoundingClientRect();
      return [...document.querySelectorAll('aside[aria-label="Filters"] fieldset, #filter-panel > div')]
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.right > aside.right + 0.5 || box.left < aside.left - 0.5)
        .map(({ el, box }) => `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 40)}" ends at ${Math.round(box.right)} px, the panel at ${Math.round(aside.right)} px`);
    });
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  } finally {
    await page.context().close();
  }
});

// The /health trend with the fixture's 30 nights, its numbers open: the whole list's chart, and a group's.
it.each([
  [375, 'light', ''],
  [375, 'dark', ''],
  [1280, 'light', ''],
  [1280, 'dark', ''],
  [1280, 'light', 'code review'],
] as const)('screenshot of the /health trend at %i px, %s %s', async (width, colorScheme, group) => {
  mkdirSync(DIR, { recursive: true });
  const page = await newPage(browser(), { viewport: { width, height: 900 }, colorScheme });
  try {
    await page.goto(url(group ? `/health/?group=${encodeURIComponent(group)}` : '/health/'));
    await page.waitForLoadState('networkidle');
    const trend = page.locator('section[aria-labelledby=trend-heading]');
    await trend.locator('table').waitFor({ state: 'attached' });
    await trend.getByText('The numbers, snapshot by snapshot').click();
    const file = `${DIR}health-trend${group ? '-group' : ''}-${width}-${colorScheme}.png`;
    await trend.screenshot({ path: file });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'horizontal overflow in px').toBe(0);
  } finally {
    await page.context().close();
  }
});
