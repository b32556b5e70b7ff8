import { describe, expect, it } from 'vitest';
import { CSV_BOM, healthCsv, HISTORY_CSV_HEADER, historyCsv, spreadsheetCsv } from '../../../../src/lib/health/csv';
import { newHistory, withPoint } from '../../../../src/lib/health/history';
import { parseCsv } from '../../../parse-csv';
import { healthReport } from '../../../../src/lib/health/report';
import { makeIssue } from '../../make-issue';

describe('healthCsv', () => {
  it('writes one row per failing issue under a header', () => {
    const asOf = Date.parse('2026-11-01T06:00:00.000Z');
    const issue = makeIssue(7, {
      updatedAt: asOf - 86_400_000,
      group: 'code review',
      stage: 'create',
      type: 'bug',
      title: 'Fix, then "test"',
      weight: 5,
      curated: ['quick win'],
    });
    const csv = healthCsv(healthReport([issue], ['co-create', 'quick win'], asOf).failing);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('reference,url,title,curated labels,group,stage,type,weight,updated,problems');
    expect(lines[1]).toBe(
      'gitlab-org/gitlab#7,https://gitlab.com/gitlab-org/gitlab/-/issues/7,"Fix, then ""test""",quick win,code review,create,bug,5,2026-10-31,Quick win without an implementation plan; Quick win with no weight or weight over 3',
    );
  });
});

describe('spreadsheetCsv', () => {
  it('starts with the UTF-8 byte order mark, then the rows as toCsv writes them', () => {
    expect(spreadsheetCsv([['a', 'Müller'], [1, null]])).toBe(`${CSV_BOM}a,Müller\r\n1,\r\n`);
    expect(CSV_BOM).toBe('\uFEFF');
  });
});

describe('historyCsv', () => {
  const DAY = 86_400_000;
  const T0 = Date.parse('2026-10-31T06:00:00.000Z');
  let history = newHistory({ url: 'https://gitlab.com', group: 'gitlab-org' });
  history = withPoint(history, {
    at: T0,
    labels: [{ key: 'co-create', total: 100, healthy: 29 }, { key: 'quick win', total: 0, healthy: 0 }],
    groups: [{ key: '=cmd()', total: 10, healthy: 9 }, { key: null, total: 3, healthy: 0 }],
  });
  history = withPoint(history, { at: T0 + DAY, labels: [{ key: 'co-create', total: 100, healthy: 90 }], groups: [] });
  const { bom, rows } = parseCsv(historyCsv(history));

  it('is a spreadsheet CSV like /health.csv: byte order mark, a header, dates as /health.csv writes them', () => {
    expect(bom).toBe(true);
    expect(rows[0]).toEqual([...HISTORY_CSV_HEADER]);
    expect(rows[0]).toEqual(['date', 'time (UTC)', 'tally', 'name', 'issues', 'meet the bar', 'share (%)', 'more needed']);
    expect(rows.every((row) => row.length === HISTORY_CSV_HEADER.length)).toBe(true);
  });

  it('has a row per snapshot and label or group with issues, oldest first, shares floored as the page shows them', () => {
    expect(rows.slice(1)).toEqual([
      ['2026-10-31', '06:00', 'curated label', 'co-create', '100', '29', '29', '61'],
      // A name a spreadsheet would run as a formula is defused; the issues without a group have no name.
      ['2026-10-31', '06:00', 'group', "'=cmd()", '10', '9', '90', '0'],
      ['2026-10-31', '06:00', 'group', '', '3', '0', '0', '3'],
      ['2026-11-01', '06:00', 'curated label', 'co-create', '100', '90', '90', '0'],
    ]);
  });
});
