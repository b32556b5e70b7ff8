import { describe, expect, it } from 'vitest';
import { healthCsv, healthCsvName, HISTORY_CSV_HEADER, historyCsv } from '../../../../src/lib/health/csv';
import { FIX_HINTS } from '../../../../src/lib/health/fixes';
import { newHistory, withPoint } from '../../../../src/lib/health/history';
import { healthReport } from '../../../../src/lib/health/report';
import { emptyView } from '../../../../src/lib/model';
import { PROBLEM_NAMES, PROBLEMS } from '../../../../src/lib/health/rules';
import { makeIssue } from '../../make-issue';
import { makeTally } from '../../make-tally';
import { csvRecords, parseCsv } from '../../../parse-csv';

const DAY = 86_400_000;
const asOf = Date.parse('2026-11-29T06:00:00.000Z');
const base = { group: 'code review', stage: 'create', type: 'bug' };

describe('healthCsv', () => {
  const issues = [
    makeIssue(7, { ...base, updatedAt: asOf - DAY, title: 'Fix, then "test"', weight: 5, curated: ['quick win'] }),
    makeIssue(8, { ...base, updatedAt: asOf - 557 * DAY, title: 'Two\r\nlines: 日本語のタイトル 🚀', weight: null }),
    makeIssue(9, { ...base, updatedAt: asOf - 70 * DAY, title: '=HYPERLINK("x")', assignees: ['alice', 'bob'], weight: 2, type: null }),
  ];
  const csv = healthCsv(healthReport(issues, ['co-create', 'quick win'], asOf).failing, asOf);
  const parsed = parseCsv(csv);
  const records = csvRecords(csv);

  it('starts with a UTF-8 byte order mark, so a spreadsheet reads CJK and emoji right', () => {
    expect(parsed.bom).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('has a header and one row per failing issue, in the order given', () => {
    expect(parsed.rows[0]).toEqual([
      'reference',
      'url',
      'title',
      'curated labels',
      'group',
      'stage',
      'type',
      'weight',
      'assignees',
      'open MRs',
      'updated',
      'days since update',
      'problems',
      'fixes',
    ]);
    expect(parsed.rows.every((row) => row.length === parsed.rows[0]!.length)).toBe(true);
    expect(records.map((record) => record.reference)).toEqual(['gitlab-org/gitlab#9', 'gitlab-org/gitlab#7', 'gitlab-org/gitlab#8']);
  });

  it('writes counts as plain numbers, and no weight as an empty cell', () => {
    const [idle, quickWin, stale] = records;
    expect(quickWin).toMatchObject({ weight: '5', assignees: '0', 'open MRs': '0', 'days since update': '1', updated: '2026-11-28' });
    expect(idle).toMatchObject({ weight: '2', assignees: '2', 'days since update': '70' });
    expect(stale).toMatchObject({ weight: '', 'days since update': '557' });
  });

  it('says each problem as the page does, with its fix', () => {
    const [idle, quickWin, stale] = records;
    expect(stale!.problems).toBe('No update in 557 days');
    expect(stale!.fixes).toBe(FIX_HINTS.stale);
    expect(quickWin!.problems).toBe('Quick win without an implementation plan; Quick win with weight 5');
    expect(quickWin!.fixes).toBe(`${FIX_HINTS['no-plan']}; ${FIX_HINTS.weight}`);
    expect(idle!.problems).toBe('Assigned to @alice, @bob, no update in 70 days (over 60) and no merge request; No type:: label');
  });

  it('keeps titles whole: quotes, commas, line breaks, CJK and emoji; a formula is defused', () => {
    expect(records.map((record) => record.title)).toEqual(["'=HYPERLINK(\"x\")", 'Fix, then "test"', 'Two\r\nlines: 日本語のタイトル 🚀']);
  });
});

describe('healthCsvName', () => {
  const view = (patch: Partial<ReturnType<typeof emptyView>['filters']>) => ({ ...emptyView(), filters: { ...emptyView().filters, ...patch } });

  it('names the view and the snapshot day', () => {
    expect(healthCsvName(null, [], asOf)).toBe('co-create-health-2026-11-29.csv');
    expect(healthCsvName(emptyView(), [], asOf)).toBe('co-create-health-2026-11-29.csv');
    expect(healthCsvName(view({ group: ['runner'] }), [], asOf)).toBe('co-create-health-group-runner-2026-11-29.csv');
    expect(healthCsvName(view({ label: ['quick win'], stage: ['verify'] }), ['stale'], asOf)).toBe(
      'co-create-health-label-quick-win-stage-verify-problem-stale-2026-11-29.csv',
    );
  });

  it('keeps only letters, digits and dashes of what the URL held, and not too many', () => {
    const name = healthCsvName({ ...view({ group: ['../../etc/passwd', '日本'] }), q: 'a'.repeat(500) }, [], asOf);
    expect(name).toMatch(/^co-create-health-[a-z0-9-]+-2026-11-29\.csv$/);
    expect(name.length).toBeLessThan(120);
  });
});


describe('historyCsv', () => {
  const DAY = 86_400_000;
  const T0 = Date.parse('2026-10-31T06:00:00.000Z');
  let history = newHistory({ url: 'https://gitlab.com', group: 'gitlab-org' });
  history = withPoint(history, {
    at: T0,
    total: makeTally(null, 113, 38, 10, 20, { stale: 40, 'no-group': 3 }),
    labels: [makeTally('co-create', 110, 29, 10, 20, { stale: 40, 'no-group': 3 }), makeTally('quick win', 0, 0)],
    groups: [makeTally('=cmd()', 10, 9, 0, 4, { stale: 1 }), makeTally(null, 3, 0, 0, 0, { 'no-group': 3 })],
    stages: [makeTally('create', 13, 9)],
  });
  history = withPoint(history, { at: T0 + DAY, total: makeTally(null, 100, 90), labels: [makeTally('co-create', 100, 90)], groups: [], stages: [] });
  const { bom, rows } = parseCsv(historyCsv(history));

  it('is a spreadsheet CSV like /health.csv: byte order mark, a header, dates as /health.csv writes them', () => {
    expect(bom).toBe(true);
    expect(rows[0]).toEqual([...HISTORY_CSV_HEADER]);
    expect(rows[0]).toEqual([
      'date',
      'time (UTC)',
      'tally',
      'name',
      'issues',
      'in progress',
      'meet the bar',
      'share (%)',
      'more needed',
      'ready to pick up',
      ...PROBLEMS.map((problem) => PROBLEM_NAMES[problem]),
    ]);
    expect(rows.every((row) => row.length === HISTORY_CSV_HEADER.length)).toBe(true);
  });

  it('has a row per snapshot and tally with issues (all, labels, groups, stages), oldest first, shares of those not in progress floored', () => {
    const zeros = (n: number) => Array<string>(n).fill('0');
    expect(rows.slice(1)).toEqual([
      // Problems in PROBLEMS order: stale, no plan, weight, idle, blocked, no group, no type.
      ['2026-10-31', '06:00', 'all issues', '', '113', '10', '38', '36', '55', '20', '40', ...zeros(4), '3', '0'],
      ['2026-10-31', '06:00', 'curated label', 'co-create', '110', '10', '29', '29', '61', '20', '40', ...zeros(4), '3', '0'],
      // A name a spreadsheet would run as a formula is defused; the issues without a group have no name.
      ['2026-10-31', '06:00', 'group', "'=cmd()", '10', '0', '9', '90', '0', '4', '1', ...zeros(6)],
      ['2026-10-31', '06:00', 'group', '', '3', '0', '0', '0', '3', '0', ...zeros(5), '3', '0'],
      ['2026-10-31', '06:00', 'stage', 'create', '13', '0', '9', '69', '3', '0', ...zeros(7)],
      ['2026-11-01', '06:00', 'all issues', '', '100', '0', '90', '90', '0', '0', ...zeros(7)],
      ['2026-11-01', '06:00', 'curated label', 'co-create', '100', '0', '90', '90', '0', '0', ...zeros(7)],
    ]);
  });
});
