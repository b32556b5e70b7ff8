import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { issues, newPage, open, url, useBrowser } from './support/browser';

const browser = useBrowser();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// A type and a label that leave some issues, so the filtered view shows cards and chips.
const type = issues.find((issue) => issue.type && issue.curated.includes('co-create'))!.type!;
// Each view in both densities: cards, and compact rows (?view=compact).
const VIEWS: Array<[name: string, path: string]> = [
  ['default view', '/'],
  ['filtered view', `/?label=co-create&type=${encodeURIComponent(type)}`],
  ['no results', '/?q=zzzzzzzzqqq'],
  ['compact view', '/?view=compact'],
  ['compact filtered view', `/?label=co-create&type=${encodeURIComponent(type)}&view=compact`],
];

/** axe's violations as readable lines: rule id, impact, and every offending element. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ').slice(0, 300)}`,
    ),
  );
}

describe.each([
  ['light', 1280],
  ['dark', 1280],
  ['light', 375],
  ['dark', 375],
] as const)('axe, %s theme at %i px', (colorScheme, width) => {
  it.each(VIEWS)('%s (%s) has no violations', async (_name, path) => {
    const page = await newPage(browser(), { colorScheme, viewport: { width, height: 900 } });
    try {
      await open(page, path);
      if (path.includes('zzzz')) await page.getByRole('button', { name: 'Clear all filters' }).waitFor();
      expect(await violations(page)).toEqual([]);
      if (width < 768) {
        // The filter drawer, open (a modal dialog: axe checks it and the inert page behind it).
        await page.getByRole('button', { name: 'Show filters' }).click();
        await page.getByRole('dialog', { name: 'Filters' }).locator('fieldset').first().waitFor();
        expect(await violations(page)).toEqual([]);
      }
    } finally {
      await page.context().close();
    }
  });
});

it('the "Dark theme" toggle gives a dark page with no violations', async () => {
  const page = await newPage(browser(), { colorScheme: 'light' });
  try {
    await open(page, '/?label=co-create');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await violations(page)).toEqual([]);
  } finally {
    await page.context().close();
  }
});

it.each(['light', 'dark'] as const)('the plain /all/ page has no violations (%s)', async (colorScheme) => {
  const page = await newPage(browser(), { colorScheme });
  try {
    await page.goto(url('/all/'));
    expect(await violations(page)).toEqual([]);
  } finally {
    await page.context().close();
  }
});

it.each([
  ['light', 1280],
  ['dark', 1280],
  ['light', 375],
  ['dark', 375],
] as const)('a list with the shortlist bar, one card toggled on, has no violations (%s, %i px)', async (colorScheme, width) => {
  const page = await newPage(browser(), { colorScheme, viewport: { width, height: 900 } });
  try {
    const picked = issues.slice(0, 2).map((issue) => issue.reference);
    await page.addInitScript((references) => localStorage.setItem('shortlist', JSON.stringify(references)), picked);
    await open(page, '/');
    await page.getByRole('region', { name: 'Your shortlist' }).waitFor();
    expect(await violations(page)).toEqual([]);
  } finally {
    await page.context().close();
  }
});

describe.each(['light', 'dark'] as const)('axe, %s theme, states of their own', (colorScheme) => {
  it.each([1280, 375])('the data failure (a filtered link: alert, pending chips, disabled filters) has no violations at %i px', async (width) => {
    const page = await newPage(browser(), { colorScheme, viewport: { width, height: 900 } });
    try {
      await page.route('**/data/issues-*.json', (route) => route.fulfill({ status: 500, body: '' }));
      await page.goto(url(VIEWS[1]![1]));
      await page.getByRole('alert').waitFor();
      expect(await violations(page)).toEqual([]);
      if (width < 768) {
        await page.getByRole('button', { name: 'Show filters' }).click();
        await page.locator('#filter-panel fieldset').first().waitFor();
        expect(await violations(page)).toEqual([]);
      }
    } finally {
      await page.context().close();
    }
  });
});

describe.each(['light', 'dark'] as const)('axe, %s theme, the 404 page', (colorScheme) => {
  it.each([1280, 375])('has no violations at %i px', async (width) => {
    const page = await newPage(browser(), { colorScheme, viewport: { width, height: 900 } });
    try {
      const response = await page.goto(url('/no-such-page/'));
      expect(response?.status()).toBe(404);
      expect(await violations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
