// The curators' /health page: what it lists is computed here from the fixture file with the rules' own module,
// then compared with what the browser shows and downloads.
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { healthCsv, healthCsvName } from '../../src/lib/health/csv';
import { FIX_HINTS } from '../../src/lib/health/fixes';
import { sortTallies } from '../../src/lib/health/table-sort';
import { PROBLEMS, type Problem } from '../../src/lib/health/rules';
import { healthReport } from '../../src/lib/health/report';
import { emptyView, toIssue, type Issue } from '../../src/lib/model';
import { csvRecords, parseCsv } from '../parse-csv';
import { fixture, newPage, url, useBrowser } from './support/browser';

const browser = useBrowser();
const labels = fixture.source.labels;
const asOf = Date.parse(fixture.generatedAt);
const all: Issue[] = fixture.issues.map((issue) => toIssue(issue, fixture.previousGeneratedAt));
const report = (issues: readonly Issue[], problems: Problem[] = []) => healthReport(issues, labels, asOf, problems);

// A group with failing issues of more than one kind, so the problem filter has something to narrow.
const group = report(all).groups.find((tally) => tally.key !== null && tally.total - tally.inProgress - tally.healthy >= 3)!.key!;
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
const table = (page: Page, heading: string) => page.getByRole('table', { name: heading, exact: true });
const rowNames = (page: Page, heading: string) => table(page, heading).locator('tbody th').allTextContents();
const rowCells = (page: Page, heading: string, name: string) =>
  table(page, heading)
    .locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) })
    .locator('td')
    .allTextContents();

describe('/health', () => {
  it('lists the failing issues of the fixture with their reasons, and per-label shares', async () => {
    const page = await newPage(browser());
    try {
      await openHealth(page);
      const expected = report(all);
      expect(expected.failing.length).toBeGreaterThan(50);
      expect(await failingHeading(page)).toBe(`Issues below the bar (${expected.failing.length.toLocaleString('en')})`);
      expect(await listed(page)).toEqual(expected.failing.slice(0, 100).map(({ issue }) => issue.reference));
      for (const tally of expected.labels) {
        const [total, inProgress, healthy] = await rowCells(page, 'By curated label', tally.key!);
        expect([Number(total), Number(inProgress), Number(healthy)]).toEqual([tally.total, tally.inProgress, tally.healthy]);
      }
      // In progress is counted apart, and the page says so.
      expect(expected.all.inProgress).toBeGreaterThan(0);
      expect(await page.locator('[role=status]').textContent()).toContain(`${expected.all.inProgress} in progress`);
      expect(expected.all.ready).toBeGreaterThan(0);
      expect(await page.locator('[role=status]').textContent()).toContain(`; ${expected.all.ready.toLocaleString('en')} ready to pick up`);
      await expect.poll(() => page.getByText('In progress is not a problem.').count()).toBe(1);
      const inProgress = new Set(all.filter((issue) => issue.kind === 'issue' && !expected.failing.some((f) => f.issue.id === issue.id)).map((i) => i.reference));
      expect((await listed(page)).some((reference) => inProgress.has(reference!))).toBe(false);
      // Every problem of the first issue, each with its fix, and a link that opens it in GitLab.
      const firstItem = page.locator('#failing-issues > li').first();
      const first = firstItem.getByRole('list', { name: 'Problems and fixes' }).locator('li');
      expect(await first.count()).toBe(expected.failing[0]!.problems.length);
      for (const [index, problem] of expected.failing[0]!.problems.entries()) expect(await first.nth(index).textContent()).toContain(FIX_HINTS[problem]);
      expect(await firstItem.getByRole('link', { name: /^Fix in GitLab/ }).getAttribute('href')).toBe(expected.failing[0]!.issue.url);
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
      const [total, , healthy] = await rowCells(page, 'By group', group);
      expect([Number(total), Number(healthy)]).toEqual([report(inGroup).all.total, report(inGroup).all.healthy]);
      expect(await page.locator('#health-group').inputValue()).toBe(group);
      expect(await page.locator('#health-problem').inputValue()).toBe(problem);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download CSV/ }).click()]);
      const text = await readFile((await download.path())!, 'utf8');
      expect(text).toBe(healthCsv(expected.failing, asOf));
      const view = { ...emptyView(), filters: { ...emptyView().filters, group: [group] } };
      expect(download.suggestedFilename()).toBe(healthCsvName(view, [problem], asOf));
      expect(download.suggestedFilename()).toMatch(/^co-create-health-group-[a-z0-9-]+-problem-[a-z-]+-\d{4}-\d{2}-\d{2}\.csv$/);
      // Read back with a CSV parser: the byte order mark, the columns, numbers as numbers, the page's own reasons.
      const parsed = parseCsv(text);
      expect(parsed.bom).toBe(true);
      expect(parsed.rows[0]).toContain('days since update');
      const records = csvRecords(text);
      expect(records.map((record) => record.reference)).toEqual(expected.failing.map(({ issue }) => issue.reference));
      for (const record of records) {
        expect(record['days since update']).toMatch(/^\d+$/);
        expect(record['open MRs']).toMatch(/^\d+$/);
        expect(record.weight).toMatch(/^\d*$/);
      }
      const shownReasons = await page.locator('#failing-issues > li').first().locator('li[data-problem] > span.text-bad').allTextContents();
      expect(records[0]!.problems).toBe(shownReasons.join('; '));
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
      const link = table(page, 'By group').getByRole('link', { name: group, exact: true });
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
      expect(await response.text()).toBe(healthCsv(expected.failing, asOf));
    } finally {
      await page.context().close();
    }
  });

  it('sorts a table from its header: aria-sort, the URL, focus kept, Back restores, and by keyboard', async () => {
    const page = await newPage(browser());
    try {
      await openHealth(page, '?label=co-create');
      const groups = report(all.filter((issue) => issue.curated.includes('co-create'))).groups;
      const share = table(page, 'By group').getByRole('button', { name: /^Share/ });
      await share.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('group-sort')).toBe('share');
      expect(new URL(page.url()).searchParams.get('label')).toBe('co-create');
      expect(await rowNames(page, 'By group')).toEqual(sortTallies(groups, { column: 'share', descending: false }).map((t) => t.key ?? 'No group:: label'));
      expect(await share.locator('xpath=..').getAttribute('aria-sort')).toBe('ascending');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Share/);
      // A second press turns it around; a click sorts too.
      await page.keyboard.press('Space');
      await expect.poll(() => new URL(page.url()).searchParams.get('group-sort')).toBe('-share');
      expect(await share.locator('xpath=..').getAttribute('aria-sort')).toBe('descending');
      await table(page, 'By group').getByRole('button', { name: /^Issues/ }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('group-sort')).toBe('issues');
      expect(await rowNames(page, 'By group')).toEqual(sortTallies(groups, { column: 'issues', descending: false }).map((t) => t.key ?? 'No group:: label'));
      await page.goBack();
      await expect.poll(() => new URL(page.url()).searchParams.get('group-sort')).toBe('-share');
      await expect.poll(() => rowNames(page, 'By group')).toEqual(sortTallies(groups, { column: 'share', descending: true }).map((t) => t.key ?? 'No group:: label'));
      // The other tables are untouched, and a link from before sorting still opens in the report's order.
      expect(await table(page, 'By stage').locator('th[aria-sort]').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('shows the problem filter as a chip that removes it, and copies the link to the view', async () => {
    const page = await newPage(browser());
    try {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await openHealth(page, `?group=${encodeURIComponent(group)}&problem=${problem}&group-sort=-issues`);
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
      const chip = page.getByRole('button', { name: /^Remove Problem: / });
      expect(await chip.count()).toBe(1);
      await chip.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('problem')).toBeNull();
      expect(new URL(page.url()).searchParams.get('group-sort')).toBe('-issues');
      await expect.poll(() => listed(page)).toEqual(report(inGroup).failing.map(({ issue }) => issue.reference));
      // The focus goes on to the group's chip, now in its place.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Remove Group/);
      // An older link's problem=taken reads as idle.
      await openHealth(page, '?problem=taken');
      expect(await page.locator('#health-problem').inputValue()).toBe('idle');
    } finally {
      await page.context().close();
    }
  });

  it('has its tables under headings, and fits 320 px without scrolling sideways', async () => {
    const page = await newPage(browser(), { viewport: { width: 320, height: 800 } });
    try {
      await openHealth(page, '?group-sort=-share');
      for (const heading of ['By curated label', 'By group', 'By stage']) {
        expect(await page.getByRole('heading', { level: 2, name: heading, exact: true }).count()).toBe(1);
        expect(await table(page, heading).count()).toBe(1);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      for (const heading of ['By curated label', 'By group', 'By stage']) {
        expect((await table(page, heading).boundingBox())!.width).toBeLessThanOrEqual(320);
      }
      await page.screenshot({ path: 'test-results/screenshots/health-320.png', fullPage: false });
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
    ['dark', 320],
  ] as const)('has no axe violations (%s, %i px, filtered, sorted, with a problem chip)', async (colorScheme, width) => {
    const page = await newPage(browser(), { colorScheme, viewport: { width, height: 900 } });
    try {
      await openHealth(page, `?group=${encodeURIComponent(group)}&problem=${problem}&group-sort=-share&failing-sort=-days`);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
