// The curators' /health page: what it lists is computed here from the fixture file with the rules' own module,
// then compared with what the browser shows and downloads.
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { healthCsv } from '../../src/lib/health/csv';
import { PROBLEMS, type Problem } from '../../src/lib/health/rules';
import { healthReport } from '../../src/lib/health/report';
import { toIssue, type Issue } from '../../src/lib/model';
import { fixture, newPage, url, useBrowser } from './support/browser';

const browser = useBrowser();
const labels = fixture.source.labels;
const asOf = Date.parse(fixture.generatedAt);
const all: Issue[] = fixture.issues.map((issue) => toIssue(issue, fixture.previousGeneratedAt));
const report = (issues: readonly Issue[], problems: Problem[] = []) => healthReport(issues, labels, asOf, problems);

// A group with failing issues of more than one kind, so the problem filter has something to narrow.
const group = report(all).groups.find((tally) => tally.key !== null && tally.total - tally.healthy >= 3)!.key!;
const inGroup = all.filter((issue) => issue.group === group);
const problem = PROBLEMS.find((p) => {
  const narrowed = report(inGroup, [p]).failing.length;
  return narrowed > 0 && narrowed < report(inGroup).failing.length;
})!;

/** Opens /health with a query and waits for the data: the status line says how many issues were scored. */
async function openHealth(page: Page, query = ''): Promise<void> {
  await page.goto(url(`/health/${query}`));
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/issues scored/);
}

const listed = (page: Page) => page.locator('#failing-issues > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-reference')));
const failingHeading = (page: Page) => page.getByRole('heading', { name: /^Issues below the bar/ }).textContent();
const rowCells = (page: Page, caption: string, name: string) =>
  page
    .locator('table', { has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) })
    .locator('td')
    .allTextContents();

describe('/health', () => {
  it('lists the failing issues of the fixture with their reasons, and per-label shares', async () => {
    const page = await newPage(browser());
    try {
      await openHealth(page);
      const expected = report(all);
      expect(expected.failing.length).toBeGreaterThan(100);
      expect(await failingHeading(page)).toBe(`Issues below the bar (${expected.failing.length.toLocaleString('en')})`);
      expect(await listed(page)).toEqual(expected.failing.slice(0, 100).map(({ issue }) => issue.reference));
      for (const tally of expected.labels) {
        const [total, healthy] = await rowCells(page, 'By curated label', tally.key!);
        expect([Number(total), Number(healthy)]).toEqual([tally.total, tally.healthy]);
      }
      // Every reason shown for the first issue.
      const first = page.locator('#failing-issues > li').first().getByRole('list', { name: 'Reasons' }).locator('li');
      expect(await first.count()).toBe(expected.failing[0]!.problems.length);
    } finally {
      await page.context().close();
    }
  });

  it('filters by URL (group and problem), and the CSV download has exactly the rows of the view', async () => {
    const page = await newPage(browser());
    try {
      await openHealth(page, `?group=${encodeURIComponent(group)}&problem=${problem}`);
      const expected = report(inGroup, [problem]);
      expect(await listed(page)).toEqual(expected.failing.map(({ issue }) => issue.reference));
      const [total, healthy] = await rowCells(page, 'By group', group);
      expect([Number(total), Number(healthy)]).toEqual([inGroup.length, report(inGroup).healthy]);
      expect(await page.locator('#health-group').inputValue()).toBe(group);
      expect(await page.locator('#health-problem').inputValue()).toBe(problem);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download CSV/ }).click()]);
      const text = await readFile((await download.path())!, 'utf8');
      expect(text).toBe(healthCsv(expected.failing));
    } finally {
      await page.context().close();
    }
  });

  it('forgives a link as the list page does: values matched loosely, the URL rewritten, the rest named', async () => {
    const page = await newPage(browser());
    try {
      const loose = `group::${group.toUpperCase().replace(/ /g, '_')}`;
      await openHealth(page, `?group=${encodeURIComponent(loose)}&group=nowhere&language=cobol&problem=${problem}`);
      await expect.poll(() => new URL(page.url()).searchParams.getAll('group')).toEqual([group]);
      expect(new URL(page.url()).searchParams.getAll('language')).toEqual([]);
      expect(await listed(page)).toEqual(report(inGroup, [problem]).failing.map(({ issue }) => issue.reference));
      expect(await page.locator('#health-group').inputValue()).toBe(group);
      expect(await page.getByText('Ignored, as no issue has it:').textContent()).toBe('Ignored, as no issue has it: language “cobol”, group “nowhere”');
      // The note goes with the next change of the view.
      await page.locator('#health-problem').selectOption('');
      await expect.poll(() => page.getByText('Ignored, as no issue has it').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('changes the view with the keyboard, keeps it in the URL, and Back restores it', async () => {
    const page = await newPage(browser());
    try {
      await openHealth(page);
      await page.locator('#health-group').focus();
      await page.locator('#health-group').selectOption(group);
      await expect.poll(() => new URL(page.url()).searchParams.get('group')).toBe(group);
      await expect.poll(() => listed(page)).toEqual(report(inGroup).failing.slice(0, 100).map(({ issue }) => issue.reference));
      await page.goBack();
      await expect.poll(() => listed(page)).toEqual(report(all).failing.slice(0, 100).map(({ issue }) => issue.reference));
      // A group's row links to its own view; Enter follows it.
      const link = page.locator('table', { has: page.locator('caption', { hasText: 'By group' }) }).getByRole('link', { name: group, exact: true });
      await link.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('group')).toBe(group);
    } finally {
      await page.context().close();
    }
  });

  it('works without JavaScript: the unfiltered report, and the CSV of every failing issue', async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    try {
      await page.goto(url('/health/'));
      const expected = report(all);
      expect(await failingHeading(page)).toBe(`Issues below the bar (${expected.failing.length.toLocaleString('en')})`);
      expect(await listed(page)).toEqual(expected.failing.slice(0, 100).map(({ issue }) => issue.reference));
      const href = await page.getByRole('link', { name: /^Download CSV/ }).getAttribute('href');
      const response = await page.request.get(new URL(href!, url('/health/')).toString());
      expect(await response.text()).toBe(healthCsv(expected.failing));
    } finally {
      await page.context().close();
    }
  });

  it('is linked from the footer of the list page', async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    try {
      await page.goto(url('/'));
      await page.getByRole('contentinfo').getByRole('link', { name: 'list health' }).click();
      expect(new URL(page.url()).pathname).toBe('/health/');
    } finally {
      await page.context().close();
    }
  });

  it.each([
    ['light', 1280],
    ['dark', 1280],
    ['light', 375],
  ] as const)('has no axe violations (%s, %i px, filtered)', async (colorScheme, width) => {
    const page = await newPage(browser(), { colorScheme, viewport: { width, height: 900 } });
    try {
      await openHealth(page, `?group=${encodeURIComponent(group)}`);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
