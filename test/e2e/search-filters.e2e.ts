import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIRST_CARDS, FIRST_FILL_STEP, NEW_VIEW_CARDS, PAGE_SIZE } from '../../src/components/first-render';
import { LANGUAGE_MAP } from '../../src/config';
import { isReady } from '../../src/lib/health/ready';
import { languagesOf } from '../../src/lib/languages';
import { itemKey } from '../../src/lib/model';
import {
  cardTitles,
  countBy,
  expectStatusCount,
  facetOptions,
  fixture,
  issues,
  open,
  pagePerTest,
  option,
  recommended,
  showAll,
  statusCount,
  url,
  useBrowser,
} from './support/browser';

let page: Page;
pagePerTest(useBrowser(), (fresh) => (page = fresh));

const curatedLabels = ['co-create', 'quick win', 'quick win::first-time contributor'];
const typeCounts = (list = issues) => countBy(list, (issue) => (issue.type ? [issue.type] : []));
const labelCounts = (list = issues) => countBy(list, (issue) => issue.curated);

/** The counts a list filling from `from` to `to` in steps of `step` holds after each step. */
function fillSteps(from: number, to: number, step: number): number[] {
  const counts: number[] = [];
  for (let n = from + step; n < to; n += step) counts.push(n);
  return [...counts, to];
}

/** How many fixture issues have a word in their title or excerpt beginning with `word`. */
const beginningWith = (word: string) => issues.filter((issue) => new RegExp(`\\b${word}`, 'i').test(`${issue.title} ${issue.excerpt}`)).length;

/** The first card's title and its marked (highlighted) pieces. */
async function firstCard(page: Page) {
  const title = page.locator('main ol > li article h3').first();
  return {
    text: (await title.textContent()) ?? '',
    href: await title.locator('a').getAttribute('href'),
    marks: await title.locator('mark').allTextContents(),
  };
}

describe('typo-tolerant search', () => {
  // The typo and the title word it stands for; the fixture decides which issues carry the word.
  for (const [typo, word] of [
    ['pipline', 'pipeline'],
    ['registraton', 'registration'],
  ] as const) {
    it(`"${typo}" finds an issue titled with "${word}" first and marks the match`, async () => {
      const expected = issues.filter((issue) => issue.title.toLowerCase().includes(word));
      expect(expected.length, `fixture titles containing "${word}"`).toBeGreaterThan(0);
      await open(page, `/?q=${typo}`);
      const first = await firstCard(page);
      expect(expected.map((issue) => issue.url)).toContain(first.href);
      expect(first.marks.map((mark) => mark.toLowerCase())).toContain(word);
      expect(await page.locator('#search').inputValue()).toBe(typo);
    });
  }
});

describe('facet counts', () => {
  it('Type and Curated label counts match the fixture with no filters', async () => {
    await open(page);
    const types = await facetOptions(page, 'Type');
    expect(new Map(types.map((o) => [o.value, o.count]))).toEqual(typeCounts());
    const labels = await facetOptions(page, 'Curated label');
    expect(new Map(labels.map((o) => [o.value, o.count]))).toEqual(labelCounts());
    expect(labels.map((o) => o.value)).toEqual(curatedLabels.filter((label) => labelCounts().has(label)));
    expect(await statusCount(page)).toBe(issues.length);
  });

  it('selecting a Type restricts the Curated label counts to that type', async () => {
    await open(page);
    // The smallest type, so the restriction visibly changes every count.
    const [type] = [...typeCounts()].sort((a, b) => a[1] - b[1])[0]!;
    const ofType = issues.filter((issue) => issue.type === type);
    await option(page, 'Type', type).check();
    await expectStatusCount(page, ofType.length);
    const labels = await facetOptions(page, 'Curated label');
    const expected = labelCounts(ofType);
    expect(new Map(labels.map((o) => [o.value, o.count]))).toEqual(
      new Map(curatedLabels.filter((l) => labelCounts().has(l)).map((l) => [l, expected.get(l) ?? 0])),
    );
    // A facet's own counts ignore its own selection.
    const types = await facetOptions(page, 'Type');
    expect(new Map(types.map((o) => [o.value, o.count]))).toEqual(typeCounts());
    expect(types.find((o) => o.value === type)?.checked).toBe(true);
  });

  it('while typing, the counts follow the results and end as the search link opens them', async () => {
    const panel = async () => ({ types: await facetOptions(page, 'Type'), labels: await facetOptions(page, 'Curated label') });
    await open(page);
    const unfiltered = await panel();
    await open(page, '/?q=the');
    const searched = await panel();
    const matching = await statusCount(page);
    // Else the test could not tell counts that followed from counts left as they were.
    expect(searched.types).not.toEqual(unfiltered.types);

    await open(page);
    await page.locator('#search').click();
    await page.keyboard.type('the', { delay: 30 });
    await expectStatusCount(page, matching);
    // The panel takes the typed view's counts after its results are painted (IssueBrowser), not never.
    await expect.poll(panel).toEqual(searched);
  });

  it("while typing, the title follows the results, and it and the GitLab link end as the search link's", async () => {
    const gitlabHref = () => page.getByRole('link', { name: 'Open this view in GitLab' }).getAttribute('href');
    await open(page, '/?q=pipeline');
    const searched = await page.title();
    const searchedHref = await gitlabHref();
    expect(searched.startsWith('“pipeline” — ')).toBe(true);
    expect(searchedHref).toContain('search=pipeline');
    await open(page);
    await page.locator('#search').click();
    await page.keyboard.type('pipeline', { delay: 30 });
    // The title takes the typed view after its results are painted (IssueBrowser), not never.
    await expect.poll(() => page.title()).toBe(searched);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(searched);
    expect(await gitlabHref()).toBe(searchedHref);
  });
});

describe('?label=co-create (handbook links)', () => {
  it('shows exactly the co-create issues, each with the co-create pill', async () => {
    const expected = issues.filter((issue) => issue.curated.includes('co-create'));
    await open(page, '/?label=co-create');
    expect(await statusCount(page)).toBe(expected.length);
    expect(await option(page, 'Curated label', 'co-create').isChecked()).toBe(true);
    await showAll(page);
    const cards = page.locator('main ol > li article');
    expect(await cards.count()).toBe(expected.length);
    // The pills are the links to the labels page, in the line under the title.
    const pills = await cards.evaluateAll((articles) =>
      articles.map((article) => [...(article.querySelector('h3 + div')?.querySelectorAll('a[href*="labels/#"]') ?? [])].map((a) => a.textContent)),
    );
    const without = pills.filter((texts) => !texts.includes('co-create'));
    expect(without, 'cards without the co-create pill').toEqual([]);
    const ids = await cards.locator('h3').evaluateAll((h3s) => h3s.map((h3) => h3.id));
    expect(new Set(ids)).toEqual(new Set(expected.map(itemKey)));
  });
});

describe('keyboard', () => {
  it('"/" focuses the search box', async () => {
    await open(page);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    // The slash was a shortcut, not typed text.
    expect(await page.locator('#search').inputValue()).toBe('');
  });

  it('Tab reaches the filters and "Copy link"; Space toggles a filter and updates the count', async () => {
    await open(page);
    const active = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          inFilters: !!el?.closest('aside[aria-label="Filters"]'),
          checkbox: el instanceof HTMLInputElement && el.type === 'checkbox',
          legend: el?.closest('fieldset')?.querySelector('legend')?.textContent ?? null,
          label: el instanceof HTMLInputElement ? (el.labels?.[0]?.querySelector('span')?.textContent ?? null) : null,
          text: el?.textContent?.trim() ?? '',
          tag: el?.tagName ?? '',
        };
      });
    let seenFilter = false;
    let typeBox: string | null = null;
    let copyReached = false;
    for (let i = 0; i < 150 && !copyReached; i++) {
      await page.keyboard.press('Tab');
      const now = await active();
      if (now.inFilters && now.checkbox) seenFilter = true;
      if (!typeBox && now.legend === 'Type' && now.checkbox) {
        typeBox = now.label;
        // Space on the focused checkbox toggles it.
        await page.keyboard.press('Space');
        const expected = issues.filter((issue) => issue.type === typeBox).length;
        await expectStatusCount(page, expected);
        expect(await option(page, 'Type', typeBox!).isChecked()).toBe(true);
        // Focus stays on the checkbox: Space again undoes it.
        expect((await active()).label).toBe(typeBox);
        await page.keyboard.press('Space');
        await expectStatusCount(page, issues.length);
      }
      if (now.tag === 'BUTTON' && now.text === 'Copy link') copyReached = true;
    }
    expect(seenFilter, 'Tab reached a filter checkbox').toBe(true);
    expect(typeBox, 'Tab reached a Type checkbox').not.toBeNull();
    expect(copyReached, 'Tab reached "Copy link"').toBe(true);
  });
});

it('the default list is recommended: ready to pick up first, and says so on each card', async () => {
  await open(page);
  const expected = recommended.slice(0, 5);
  await expect.poll(async () => (await cardTitles(page)).slice(0, 5)).toEqual(expected.map((issue) => issue.title));
  const first = page.locator('main ol > li article').first();
  expect(await first.locator('[data-marker="status"]').textContent()).toBe('Ready to pick up');
  expect(await page.locator('#sort').inputValue()).toBe('recommended');
});

it('"Ready to pick up" lists exactly the ready issues, with its count, in the URL', async () => {
  const asOf = Date.parse(fixture.generatedAt);
  const ready = recommended.filter((issue) => isReady(issue, asOf));
  expect(ready.length).toBeGreaterThan(0);
  expect(ready.length).toBeLessThan(recommended.length / 2);
  await open(page);
  const toggle = page.getByRole('checkbox', { name: /^Ready to pick up/ });
  expect(await page.locator('label[for="only-ready"] .tabular-nums').textContent()).toBe(String(ready.length));
  await toggle.check();
  await expectStatusCount(page, ready.length);
  expect(new URL(page.url()).searchParams.get('ready')).toBe('true');
  // The first cards come with the keystroke, the rest in steps once they are painted.
  await expect.poll(async () => (await cardTitles(page)).slice(0, 5)).toEqual(ready.slice(0, 5).map((issue) => issue.title));
  const statuses = await page.locator('[data-marker="status"]').allTextContents();
  expect(new Set(statuses)).toEqual(new Set(['Ready to pick up']));
  await page.getByRole('button', { name: 'Remove Ready to pick up' }).click();
  await expectStatusCount(page, issues.length);
});

it('fills the first page of results while typing, without waiting for idle time', async () => {
  await open(page);
  // Chromium holds idle callbacks back after keyboard input; from here on they never come at all, and the page fills
  // anyway, query after query.
  await page.evaluate(() => (window.requestIdleCallback = () => 0));
  const box = page.locator('#search');
  await box.click();
  for (const word of ['the', 'and']) {
    expect(beginningWith(word)).toBeGreaterThan(25);
    await box.fill('');
    await page.keyboard.type(word, { delay: 50 });
    await expect.poll(() => page.locator('main ol > li').count()).toBe(25);
  }
});

it('fills the page in steps the first time, once the data is in, and in one step after a keystroke', async () => {
  // Every number of fresh results the list has held, in order, recorded in the page as it changes.
  type Recorded = { fillCounts: number[] };
  await page.addInitScript(() => {
    const counts: number[] = [];
    (window as unknown as Recorded).fillCounts = counts;
    new MutationObserver(() => {
      const n = document.querySelectorAll('main ol > li.result:not(.stale)').length;
      if (n !== counts.at(-1)) counts.push(n);
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  const counts = () => page.evaluate(() => [...(window as unknown as Recorded).fillCounts]);
  await page.goto(url('/'));
  await expect.poll(async () => (await counts()).at(-1), { timeout: 10_000 }).toBe(PAGE_SIZE);
  const loaded = await counts();
  // The served first cards, then the fill's steps (FIRST_FILL_STEP apart), up to the page of PAGE_SIZE.
  expect(loaded.slice(loaded.lastIndexOf(FIRST_CARDS) + 1)).toEqual(fillSteps(FIRST_CARDS, PAGE_SIZE, FIRST_FILL_STEP));

  await page.evaluate(() => ((window as unknown as Recorded).fillCounts.length = 0));
  const word = 'the';
  expect(beginningWith(word)).toBeGreaterThan(PAGE_SIZE);
  await page.locator('#search').fill(word);
  await expect.poll(async () => (await counts()).at(-1)).toBe(PAGE_SIZE);
  // The keystroke's first results, then the rest of the page at once.
  expect(await counts()).toEqual([NEW_VIEW_CARDS, PAGE_SIZE]);
});

it('turns a scoped label or is:ready typed into the search box into a filter chip, as GitLab does', async () => {
  const group = fixture.issues.find((issue) => issue.group && !issue.group.includes(' '))!.group!;
  await open(page);
  const box = page.locator('#search');
  await box.click();
  await page.keyboard.type(`group::${group.toUpperCase()} is:ready`, { delay: 20 });
  // The last token waits for Enter (it might still grow); the first became a chip when the space followed it.
  await expect.poll(() => page.getByRole('button', { name: `Remove Group: ${group}` }).count()).toBe(1);
  expect(await box.inputValue()).toBe('is:ready');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('button', { name: 'Remove Ready to pick up' }).count()).toBe(1);
  expect(await box.inputValue()).toBe('');
  // Focus stays in the box, and the URL says the view as the page writes it.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
  const params = new URL(page.url()).searchParams;
  expect([params.getAll('group'), params.get('ready'), params.get('q')]).toEqual([[group], 'true', null]);
});

it('finds work by language: ?language=go lists the issues the configured map gives Go, with its count', async () => {
  const go = fixture.issues.filter((issue) => languagesOf(issue.project, issue.labels.map((label) => label.name), LANGUAGE_MAP).includes('go'));
  expect(go.length).toBeGreaterThan(0);
  await open(page, '/?language=Go');
  await expectStatusCount(page, go.length);
  const options = await facetOptions(page, 'Language');
  expect(options.find((entry) => entry.value === 'Go')).toMatchObject({ count: go.length, checked: true });
  expect(await page.getByRole('button', { name: 'Remove Language: Go' }).count()).toBe(1);
});
