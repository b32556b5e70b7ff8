// The /health trend: what the chart's table says is computed here from the /history.json the build published (read
// with the build's own schema), and that history is checked against the fixture: the nights it was built with, the
// last made anew by the build from the fixture through the report /health shows.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HISTORY_CSV_HEADER } from '../../src/lib/health/csv';
import { historyPoints, pointOf, trendOf, type HealthHistory, type TrendKind } from '../../src/lib/health/history';
import { parseHistory } from '../../src/lib/health/history-schema';
import { emptyTally, heldToBar, sharePercent, shareOf, shortOfGoal } from '../../src/lib/health/report';
import { HEALTH_GOAL, PROBLEMS } from '../../src/lib/health/rules';
import { toIssue } from '../../src/lib/model';
import { parseCsv } from '../parse-csv';
import { FIXTURE_NIGHTS } from './fixture';
import { fixture, newPage, url, useBrowser } from './support/browser';

const browser = useBrowser();
const labels = fixture.source.labels;
const asOf = Date.parse(fixture.generatedAt);
const DAY_MS = 86_400_000;

async function published(page: Page): Promise<HealthHistory> {
  const response = await page.request.get(url('/history.json'));
  expect(response.headers()['content-type']).toMatch(/^application\/json/);
  return parseHistory(await response.text());
}

/** The rows of a chart's table as a reader sees them: the snapshot, then each series' cell, spaces made plain. */
const tableRows = (page: Page, id: string) =>
  page.locator(`#${id} tbody tr`).evaluateAll((rows) =>
    rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );

/** What the table must say for these series of the history, newest snapshot first. */
function expectedRows(history: HealthHistory, kind: TrendKind, keys: readonly string[]): string[][] {
  const points = historyPoints(history);
  const trends = keys.map((key) => trendOf(points, kind, key));
  return points
    .map((point, n) => [
      new Date(point.at).toISOString().slice(0, 10),
      ...trends.map((trend) => {
        const { tally, share } = trend[n]!;
        return share === null ? '–' : `${sharePercent(share)} % (${tally.healthy.toLocaleString('en')} of ${heldToBar(tally).toLocaleString('en')})`;
      }),
    ])
    .reverse();
}

/** A group of the fixture whose share changed over the nights, so its line is not flat. */
function changingGroup(history: HealthHistory): string {
  const points = historyPoints(history);
  const found = history.groups.find((key) => key !== null && !key.includes('<') && new Set(trendOf(points, 'groups', key).map((p) => p.tally.total)).size > 1);
  return found ?? history.groups.find((key): key is string => key !== null && !key.includes('<'))!;
}

describe('/health trend', () => {
  it(`publishes ${FIXTURE_NIGHTS} nights, the last the build's own point of the fixture`, async () => {
    const page = await newPage(browser());
    try {
      const history = await published(page);
      expect(history.points).toHaveLength(FIXTURE_NIGHTS);
      expect(history.points.at(-1)!.at).toBe(fixture.generatedAt);
      expect(Date.parse(history.points[0]!.at)).toBe(asOf - (FIXTURE_NIGHTS - 1) * DAY_MS);
      const issues = fixture.issues.map((issue) => toIssue(issue, fixture.previousGeneratedAt));
      expect(historyPoints(history).at(-1)).toEqual(
        // The build's point names every configured label, group and stage of the fixture; the history keeps those with issues.
        (() => {
          const point = pointOf(issues, labels, asOf);
          const withIssues = (kind: TrendKind) => history[kind].map((key) => point[kind].find((tally) => tally.key === key) ?? emptyTally(key));
          return { at: asOf, total: point.total, labels: withIssues('labels'), groups: withIssues('groups'), stages: withIssues('stages') };
        })(),
      );
    } finally {
      await page.context().close();
    }
  });

  it('draws every curated label against the goal, and its table has the numbers of /history.json', async () => {
    const page = await newPage(browser());
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    try {
      await page.goto(url('/health/'));
      await page.waitForLoadState('networkidle');
      const history = await published(page);
      const chart = page.locator('section[aria-labelledby=trend-heading] svg[role=img]');
      await expect.poll(() => chart.count()).toBe(1);
      // Named and described by its <title> and <desc>: what a screen reader announces for the image.
      const [title, desc] = await chart.evaluate((svg) =>
        (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? ''),
      );
      expect(title).toBe(
        `Share of issues meeting the bar per curated label, ${history.points[0]!.at.slice(0, 10)} to ${fixture.generatedAt.slice(0, 10)}, against the goal of ${HEALTH_GOAL * 100} %`,
      );
      for (const label of labels) expect(desc).toContain(`${label}: `);
      expect(await chart.locator('path.trend-line').count()).toBe(labels.length);
      expect(await chart.locator('line.trend-goal').getAttribute('y1')).toBe(String(100 - HEALTH_GOAL * 100));

      // The numbers, under a disclosure that opens by keyboard.
      const summary = page.getByText('The numbers, snapshot by snapshot');
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#trend-all-table').isVisible()).toBe(true);
      const head = await page.locator('#trend-all-table thead th').allTextContents();
      expect(head).toEqual(['Snapshot', ...labels]);
      expect(await tableRows(page, 'trend-all-table')).toEqual(expectedRows(history, 'labels', labels));
      // Drawn by the build: the whole list's trend costs the page no request for the history.
      expect(requested.filter((path) => path.endsWith('/history.json'))).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("reads /history.json after load for a group's view and charts that group", async () => {
    const page = await newPage(browser(), { colorScheme: 'dark' });
    try {
      const history = await published(page);
      const group = changingGroup(history);
      await page.goto(url(`/health/?group=${encodeURIComponent(group)}`));
      const table = page.locator('#trend-view-table');
      await table.waitFor({ state: 'attached' });
      expect(await page.locator('#trend-view-title').textContent()).toMatch(new RegExp(`^Share of issues meeting the bar of group ${group}, `));
      expect(await tableRows(page, 'trend-view-table')).toEqual(expectedRows(history, 'groups', [group]));
      // Back to the whole list: the build's chart of every label again.
      await page.locator('#health-group').selectOption('');
      await expect.poll(() => page.locator('#trend-all-table').count()).toBe(1);
      expect(await page.locator('#trend-view-table').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it("charts one label's view and one stage's, and says why a narrower view has no trend", async () => {
    const page = await newPage(browser());
    try {
      const history = await published(page);
      await page.goto(url(`/health/?label=${encodeURIComponent(labels[1]!)}`));
      await page.locator('#trend-view-table').waitFor({ state: 'attached' });
      expect(await tableRows(page, 'trend-view-table')).toEqual(expectedRows(history, 'labels', [labels[1]!]));
      await page.locator('#health-stage').selectOption({ index: 1 });
      await expect.poll(() => page.getByText('The trend is kept for each curated label, group and stage').count()).toBe(1);
      expect(await page.locator('section[aria-labelledby=trend-heading] svg[role=img]').count()).toBe(0);
      // The stage alone has a trend of its own.
      const stage = await page.locator('#health-stage').inputValue();
      await page.locator('#health-label').selectOption('');
      await expect.poll(() => page.locator('#trend-view-title').textContent()).toMatch(new RegExp(`^Share of issues meeting the bar of stage ${stage}, `));
      expect(await tableRows(page, 'trend-view-table')).toEqual(expectedRows(history, 'stages', [stage]));
    } finally {
      await page.context().close();
    }
  });

  it('shows the whole list\'s trend without JavaScript', async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    try {
      const history = await published(page);
      await page.goto(url('/health/'));
      expect(await tableRows(page, 'trend-all-table')).toEqual(expectedRows(history, 'labels', labels));
    } finally {
      await page.context().close();
    }
  });

  it('publishes /history.csv: a spreadsheet CSV with the columns of the history, dates written as /health.csv writes them', async () => {
    const page = await newPage(browser());
    try {
      const history = await published(page);
      const response = await page.request.get(url('/history.csv'));
      expect(response.headers()['content-type']).toMatch(/^text\/csv/);
      const { bom, rows } = parseCsv(await response.text());
      expect(bom).toBe(true);
      expect(rows[0]).toEqual([...HISTORY_CSV_HEADER]);
      // /health.csv's dates, read by the same reader: YYYY-MM-DD in both.
      const health = parseCsv(await (await page.request.get(url('/health.csv'))).text()).rows;
      const updated = health[0]!.indexOf('updated');
      expect(health.slice(1).every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row[updated]!))).toBe(true);
      expect(rows.slice(1).every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row[0]!) && row.length === HISTORY_CSV_HEADER.length)).toBe(true);

      const defused = (name: string | null) => (name === null ? '' : /^[=+\-@\t\r]/.test(name) ? `'${name}` : name);
      const tallied = { labels: 'curated label', groups: 'group', stages: 'stage' } as const;
      const expected = historyPoints(history).flatMap((point) => {
        const time = new Date(point.at).toISOString();
        const tallies = [['all issues', point.total] as const, ...(['labels', 'groups', 'stages'] as const).flatMap((kind) => point[kind].map((tally) => [tallied[kind], tally] as const))];
        return tallies
          .filter(([, tally]) => tally.total > 0)
          .map(([name, tally]) => [
            time.slice(0, 10),
            time.slice(11, 16),
            name,
            defused(tally.key),
            String(tally.total),
            String(tally.inProgress),
            String(tally.healthy),
            // All in progress: no share to give.
            shareOf(tally) === null ? '' : String(sharePercent(shareOf(tally)!)),
            String(shortOfGoal(tally)),
            String(tally.ready),
            ...PROBLEMS.map((problem) => String(tally.problems[problem])),
          ]);
      });
      // Every kind of row is there.
      expect(new Set(expected.map((row) => row[2]))).toEqual(new Set(['all issues', 'curated label', 'group', 'stage']));
      expect(rows.slice(1)).toEqual(expected);
      expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(FIXTURE_NIGHTS);
    } finally {
      await page.context().close();
    }
  });

  it.each([
    ['light', 1280, ''],
    ['dark', 1280, ''],
    ['light', 375, ''],
    ['dark', 375, 'group'],
  ] as const)('has no axe violations with the numbers open (%s, %i px) %s', async (colorScheme, width, view) => {
    const page = await newPage(browser(), { colorScheme, viewport: { width, height: 900 } });
    try {
      const group = view ? changingGroup(await published(page)) : '';
      await page.goto(url(group ? `/health/?group=${encodeURIComponent(group)}` : '/health/'));
      await page.waitForLoadState('networkidle');
      const id = group ? 'trend-view-table' : 'trend-all-table';
      await page.locator(`#${id}`).waitFor({ state: 'attached' });
      await page.getByText('The numbers, snapshot by snapshot').click();
      const result = await new AxeBuilder({ page }).include('section[aria-labelledby=trend-heading]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'horizontal overflow in px').toBe(0);
    } finally {
      await page.context().close();
    }
  });
});
