import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectStatusCount, issues, newPage, open, option, useBrowser } from './support/browser';

const browser = useBrowser();
/** A phone held upright. */
const PHONE = { width: 375, height: 800 };

let page: Page;
beforeEach(async () => {
  page = await newPage(browser(), { viewport: PHONE });
});
afterEach(async () => {
  await page.context().close();
});

/** A page of its own with other options (a touch screen, a desktop); closed by the caller. */
const otherPage = (options: BrowserContextOptions) => newPage(browser(), options);

const opener = (page: Page) => page.getByRole('button', { name: 'Show filters' });
const drawer = (page: Page) => page.getByRole('dialog', { name: 'Filters' });
const showResults = (page: Page) => drawer(page).getByRole('button', { name: /^Show ([\d,]+ )?results?$/ });

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Where the focus is: in the drawer, nowhere (the browser's own controls, between two rounds), or what else. */
const focusIn = (page: Page) =>
  page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return 'nowhere';
    if (focused.closest('dialog')) return 'drawer';
    return `behind the drawer: <${focused.tagName.toLowerCase()}> ${focused.textContent?.trim().slice(0, 40)}`;
  });

const results = (n: number) => `Show ${n.toLocaleString('en')} ${n === 1 ? 'result' : 'results'}`;

describe('the filter drawer', () => {
  it('opens by keyboard as a full-height modal dialog that holds the focus, and Escape gives it back', async () => {
    await open(page, '/');
    // The filters are not in the page's flow: the button stands in for them.
    expect(await page.locator('aside[aria-label="Filters"] fieldset').first().isVisible()).toBe(false);
    const button = opener(page);
    for (let i = 0; i < 10 && !(await isFocused(button)); i++) await page.keyboard.press('Tab');
    expect(await isFocused(button), 'Tab reaches "Show filters"').toBe(true);
    await page.keyboard.press('Enter');

    await drawer(page).waitFor();
    expect(await drawer(page).evaluate((dialog) => dialog.matches(':modal'))).toBe(true);
    expect(await drawer(page).boundingBox()).toEqual({ x: 0, y: 0, ...PHONE });
    expect(await focusIn(page)).toBe('drawer');
    expect(await drawer(page).locator('fieldset').count()).toBeGreaterThan(3);
    // The page behind does not scroll while it is open.
    const pageOverflow = () => page.evaluate(() => getComputedStyle(document.documentElement).overflowY);
    expect(await pageOverflow()).toBe('hidden');

    // The page behind is inert: Tab and Shift+Tab go round the drawer (through the browser's own controls, where
    // the page has no focus), never behind it; the way round passes "Show N results", the drawer's last control.
    const seen: string[] = [];
    let passedShow = false;
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Shift+Tab');
      seen.push(await focusIn(page));
      passedShow ||= await isFocused(showResults(page));
    }
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focusIn(page));
    }
    expect(seen.filter((where) => where !== 'drawer' && where !== 'nowhere')).toEqual([]);
    expect(passedShow).toBe(true);
    // Nor can a script's focus() reach it.
    expect(await page.evaluate(() => (document.getElementById('search')!.focus(), document.activeElement?.id))).not.toBe('search');

    await drawer(page).getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer(page).count()).toBe(0);
    expect(await isFocused(opener(page)), 'the focus is back on "Show filters"').toBe(true);
    // Polled: the dialog leaves the accessibility tree as it closes, its close event (which ends the lock) comes after.
    await expect.poll(pageOverflow, { message: 'the page scrolls again' }).toBe('visible');
    // The page is reachable again.
    await page.keyboard.press('Tab');
    expect(await focusIn(page)).toMatch(/^behind the drawer/);
  });

  it('applies each change at once, and "Show N results" says the live count and closes it', async () => {
    await open(page, '/');
    await opener(page).click();
    await drawer(page).waitFor();
    expect(await showResults(page).textContent()).toBe(results(issues.length));

    await option(page, 'Curated label', 'co-create').check();
    const coCreate = issues.filter((issue) => issue.curated.includes('co-create'));
    await expect.poll(() => showResults(page).textContent()).toBe(results(coCreate.length));
    // Applied behind the drawer as in the sidebar: the URL and the other facets' counts follow.
    expect(new URL(page.url()).searchParams.getAll('label')).toEqual(['co-create']);
    const type = coCreate.find((issue) => issue.type)!.type!;
    await option(page, 'Type', type).check();
    const both = coCreate.filter((issue) => issue.type === type);
    await expect.poll(() => showResults(page).textContent()).toBe(results(both.length));
    expect(new URL(page.url()).searchParams.get('type')).toBe(type);

    await showResults(page).click();
    await expect.poll(() => drawer(page).count()).toBe(0);
    await expectStatusCount(page, both.length);
    expect(await isFocused(opener(page))).toBe(true);
    // Opened again, it shows the filters as they are.
    await opener(page).click();
    expect(await option(page, 'Curated label', 'co-create').isChecked()).toBe(true);
    expect(await showResults(page).textContent()).toBe(results(both.length));
  });

  it('leaves the page in sight beside it on a wider phone, where a tap beside it closes it', async () => {
    await page.setViewportSize({ width: 600, height: 800 });
    await open(page, '/');
    await opener(page).click();
    const box = (await drawer(page).boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.height).toBe(800);
    expect(box.width).toBeLessThan(600);
    await page.mouse.click(box.width + 50, 400);
    await expect.poll(() => drawer(page).count()).toBe(0);
  });

  it('closes when the window widens to the sidebar, which then shows the filters', async () => {
    await open(page, '/');
    await opener(page).click();
    await option(page, 'Curated label', 'quick win').check();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => drawer(page).count()).toBe(0);
    expect(await option(page, 'Curated label', 'quick win').isChecked()).toBe(true);
    expect(await option(page, 'Curated label', 'quick win').isVisible()).toBe(true);
  });

  it('is not there on a desktop: the filters are the sidebar, as before', async () => {
    const desktop = await otherPage({ viewport: { width: 1280, height: 800 } });
    try {
      await open(desktop, '/');
      expect(await opener(desktop).isVisible()).toBe(false);
      expect(await desktop.locator('dialog').count()).toBe(0);
      const aside = (await desktop.locator('aside[aria-label="Filters"]').boundingBox())!;
      const main = (await desktop.locator('main').boundingBox())!;
      expect(aside.x + aside.width).toBeLessThan(main.x);
      expect(await option(desktop, 'Curated label', 'co-create').isVisible()).toBe(true);
    } finally {
      await desktop.context().close();
    }
  });
});

describe('the header on a phone', () => {
  it('leaves the first card\'s title in sight on a 375×800 screen, under the page\'s heading', async () => {
    await open(page, '/');
    expect(await page.locator('h1').isVisible()).toBe(true);
    const title = page.locator('main ol > li article h3').first();
    const { top, line } = await title.evaluate((h3) => ({ top: h3.getBoundingClientRect().top, line: parseFloat(getComputedStyle(h3).lineHeight) }));
    // Its first line whole, not only its top edge.
    expect(top + line).toBeLessThanOrEqual(PHONE.height);
    // Theme toggle and Apply side by side.
    const toggle = (await page.getByRole('button', { name: 'Dark theme' }).boundingBox())!;
    const apply = (await page.getByRole('link', { name: 'Apply to Co-Create' }).boundingBox())!;
    expect(Math.abs(toggle.y - apply.y)).toBeLessThan(2);
  });
});

/**
 * Each reference shown in the list as the lines it is laid out on, read from the position of every character, so
 * whatever the markup: ["gitlab-org/", "gitlab#384734"].
 */
const referenceLines = (page: Page) =>
  page.locator('main ol > li article bdi.ref').evaluateAll((references) =>
    references.map((reference) => {
      const lines: string[] = [];
      let lastTop: number | null = null;
      const walker = document.createTreeWalker(reference, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let at = 0; at < node.data.length; at++) {
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          if (lastTop === null || top > lastTop + 2) lines.push('');
          lines[lines.length - 1] += node.data[at];
          lastTop = top;
        }
      }
      return lines;
    }),
  );

describe('references on a phone', () => {
  // The fixture's longest reference: a project path too long for a card's line at 375 px.
  const longest = [...issues].sort((a, b) => b.reference.length - a.reference.length)[0]!;

  it.each(['cards', 'compact'])('break only after a "/" of their path, never inside the number (%s)', async (view) => {
    await open(page, `/?q=${encodeURIComponent(longest.reference)}&view=${view}`);
    const shown = await referenceLines(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown[0]!.join('')).toBe(longest.reference);
    if (view === 'cards') expect(shown[0]!.length, `${longest.reference} is laid out on more than one line`).toBeGreaterThan(1);
    for (const lines of shown) {
      // Every line but the last ends at a slash; the last holds the whole number.
      expect(lines.slice(0, -1).every((line) => line.endsWith('/')), lines.join(' | ')).toBe(true);
      expect(lines.at(-1), lines.join(' | ')).toMatch(/[#&!]\d+$/);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });
});

describe('the "/" hint', () => {
  it('is left out on a touch screen, and shown with a mouse and keyboard', async () => {
    const touch = await otherPage({ viewport: PHONE, hasTouch: true, isMobile: true });
    try {
      await open(touch, '/');
      expect(await touch.getByText('(press').isVisible()).toBe(false);
      expect(await touch.getByRole('searchbox', { name: 'Search issues', exact: true }).count()).toBe(1);
    } finally {
      await touch.context().close();
    }
    await open(page, '/');
    expect(await page.getByText('(press').isVisible()).toBe(true);
    expect(await page.getByRole('searchbox', { name: 'Search issues (press /)', exact: true }).count()).toBe(1);
  });
});
