import { describe, expect, it } from 'vitest';
import {
  EVERY_COUNT_KEPT,
  HISTORY_COUNTS,
  HISTORY_MAX_POINTS,
  historyPoint,
  historyPoints,
  newHistory,
  pointOf,
  serializeHistory,
  trendOf,
  withPoint,
  type HealthHistory,
  type HistoryPoint,
} from '../../../../src/lib/health/history';
import { parseHistory } from '../../../../src/lib/health/history-schema';
import { emptyTally, healthReport, type Tally } from '../../../../src/lib/health/report';
import { PROBLEMS } from '../../../../src/lib/health/rules';
import { makeIssue } from '../../make-issue';
import { makeTally } from '../../make-tally';

const SOURCE = { url: 'https://gitlab.com', group: 'gitlab-org' };
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T03:00:00.000Z');
const tally = makeTally;
const TOTAL = tally(null, 30, 5, 0, 2, { stale: 3, 'no-type': 1 });

/** A point of `night` (days after T0) with one label, the given groups and one stage. */
function point(night: number, groups: Tally[] = [tally('code review', 10, night % 10)], label = tally('co-create', 20, 5)): HistoryPoint {
  return { at: T0 + night * DAY, total: TOTAL, labels: [label], groups, stages: [tally('create', 10, 4, 1)] };
}
const COUNTS = ['total', 'healthy', 'inProgress', 'ready', ...PROBLEMS];

const times = (history: HealthHistory) => history.points.map((each) => each.at);
const iso = (night: number) => new Date(T0 + night * DAY).toISOString();

describe('pointOf', () => {
  it("keeps the tallies of the report /health shows, in total and per curated label, group and stage, at the snapshot's time", () => {
    const now = Date.parse('2026-11-01T06:00:00.000Z');
    const fresh = { updatedAt: now - DAY, type: 'bug' };
    const issues = [
      makeIssue(1, { ...fresh, group: 'code review' }),
      makeIssue(2, { ...fresh, group: 'code review', assignees: ['alice'] }),
      makeIssue(3, { ...fresh, group: null, stage: 'verify', curated: ['quick win'], hasImplementationPlan: true, weight: 1 }),
      makeIssue(4, { ...fresh, kind: 'epic' }),
    ];
    const report = healthReport(issues, ['co-create', 'quick win'], now);
    const made = pointOf(issues, ['co-create', 'quick win'], now);
    expect(made).toEqual({ at: now, total: report.all, labels: report.labels, groups: report.groups, stages: report.stages });
    expect(made).toEqual(historyPoint(report, now));
    // Alice's issue is in progress: counted apart, not held to the bar. Issue 1 has no weight: not ready. Issue 3 is.
    expect(made.total).toEqual(tally(null, 3, 1, 1, 1, { 'no-group': 1 }));
    expect(made.labels).toEqual([tally('co-create', 2, 1, 1), tally('quick win', 1, 0, 0, 1, { 'no-group': 1 })]);
    expect(made.groups).toEqual([tally('code review', 2, 1, 1), tally(null, 1, 0, 0, 1, { 'no-group': 1 })]);
    expect(made.stages).toEqual([tally('verify', 1, 0, 0, 1, { 'no-group': 1 }), tally(null, 2, 1, 1)]);
  });

  it('keeps every count a tally has (a count added to Tally without being kept fails the type check)', () => {
    expect(EVERY_COUNT_KEPT).toBe(true);
    expect(HISTORY_COUNTS).toEqual(COUNTS);
  });
});

describe('withPoint', () => {
  it('starts a new history with the point, names in tables and counts as tuples without trailing zeros', () => {
    const history = withPoint(newHistory(SOURCE), point(0, [tally('code review', 10, 4), tally(null, 3, 0, 0, 0, { 'no-group': 3 })]));
    expect(history).toEqual({
      schemaVersion: 1,
      source: SOURCE,
      counts: COUNTS,
      labels: ['co-create'],
      groups: ['code review', null],
      stages: ['create'],
      points: [{ at: iso(0), total: [30, 5, 0, 2, 3, 0, 0, 0, 0, 0, 1], labels: [[20, 5]], groups: [[10, 4], [3, 0, 0, 0, 0, 0, 0, 0, 0, 3]], stages: [[10, 4, 1]] }],
    });
    expect(historyPoints(history)).toEqual([point(0, [tally('code review', 10, 4), tally(null, 3, 0, 0, 0, { 'no-group': 3 })])]);
  });

  it('appends a later point after the others', () => {
    const history = [0, 1, 2].reduce((each, night) => withPoint(each, point(night)), newHistory(SOURCE));
    expect(times(history)).toEqual([iso(0), iso(1), iso(2)]);
    expect(historyPoints(history).map((each) => each.groups[0]!.healthy)).toEqual([0, 1, 2]);
  });

  it('replaces the point of the same time (the same snapshot built again), keeping one', () => {
    const before = withPoint(withPoint(newHistory(SOURCE), point(0)), point(1));
    const again = withPoint(before, point(1, [tally('code review', 10, 9)]));
    expect(times(again)).toEqual([iso(0), iso(1)]);
    expect(historyPoints(again)[1]!.groups).toEqual([tally('code review', 10, 9)]);
    expect(withPoint(again, point(1, [tally('code review', 10, 9)]))).toEqual(again);
  });

  it('puts an older point in its place, oldest first', () => {
    const history = withPoint(withPoint(withPoint(newHistory(SOURCE), point(0)), point(2)), point(1));
    expect(times(history)).toEqual([iso(0), iso(1), iso(2)]);
  });

  it(`keeps at most ${HISTORY_MAX_POINTS} points, dropping the oldest`, () => {
    let history = newHistory(SOURCE);
    for (let night = 0; night < HISTORY_MAX_POINTS; night += 1) history = withPoint(history, point(night));
    expect(history.points).toHaveLength(HISTORY_MAX_POINTS);
    expect(history.points[0]!.at).toBe(iso(0));
    const more = withPoint(history, point(HISTORY_MAX_POINTS));
    expect(more.points).toHaveLength(HISTORY_MAX_POINTS);
    expect([more.points[0]!.at, more.points.at(-1)!.at]).toEqual([iso(1), iso(HISTORY_MAX_POINTS)]);
    // A point older than all of a full history is the oldest: it goes at once.
    expect(withPoint(more, point(-1))).toEqual(more);
    expect(times(withPoint(withPoint(newHistory(SOURCE), point(0)), point(1), 1))).toEqual([iso(1)]);
  });

  it('names a group while some point has issues of it, and forgets it when the last such point goes', () => {
    let history = withPoint(newHistory(SOURCE), point(0, [tally('runner', 4, 1), tally('code review', 10, 5)]));
    history = withPoint(history, point(1, [tally('code review', 10, 6), tally('gitaly', 2, 2)]));
    // The newest point's names first, in its order; then those only older points have.
    expect(history.groups).toEqual(['code review', 'gitaly', 'runner']);
    expect(history.points.map((each) => each.groups)).toEqual([
      [[10, 5], [], [4, 1]],
      [[10, 6], [2, 2], []],
    ]);
    const later = withPoint(history, point(2, [tally('code review', 10, 7)]), 2);
    expect(later.groups).toEqual(['code review', 'gitaly']);
    // A tally without issues is not a name to keep: a label with none is left out of the table.
    expect(withPoint(newHistory(SOURCE), point(0, [], tally('quick win', 0, 0))).labels).toEqual([]);
  });
});

describe('historyPoints and trendOf', () => {
  const history = [point(0, [tally('runner', 4, 1)]), point(1, [tally('runner', 5, 5)]), point(2, [tally('gitaly', 2, 1)])].reduce(
    (each, next) => withPoint(each, next),
    newHistory(SOURCE),
  );

  it('reads each point back with a tally for every name, zero where it had none', () => {
    expect(historyPoints(history).map((each) => each.groups)).toEqual([
      [tally('gitaly', 0, 0), tally('runner', 4, 1)],
      [tally('gitaly', 0, 0), tally('runner', 5, 5)],
      [tally('gitaly', 2, 1), tally('runner', 0, 0)],
    ]);
  });

  it("gives one label's or group's share per snapshot, null where it had no issues", () => {
    const points = historyPoints(history);
    expect(trendOf(points, 'groups', 'runner').map(({ at, share }) => [at, share])).toEqual([
      [T0, 0.25],
      [T0 + DAY, 1],
      [T0 + 2 * DAY, null],
    ]);
    expect(trendOf(points, 'labels', 'co-create').map(({ tally: each }) => each)).toEqual([0, 1, 2].map(() => tally('co-create', 20, 5)));
    expect(trendOf(points, 'groups', 'nowhere').map(({ share }) => share)).toEqual([null, null, null]);
  });

  it('reads counts by the names the file gives them: in any order, more of them, or one it lacks as 0', () => {
    const file: HealthHistory = {
      ...history,
      counts: ['healthy', 'inProgress', 'total', 'later'],
      points: history.points.map((each) => ({ ...each, groups: each.groups.map(([total = 0, healthy = 0]) => [healthy, 0, total, 7]) })),
    };
    expect(historyPoints(file).map((each) => each.groups)).toEqual(historyPoints(history).map((each) => each.groups));
    const lacking = { ...history, counts: ['total', 'unknown'] };
    expect(historyPoints(lacking)[0]!.groups[1]).toEqual(tally('runner', 4, 0));
    // The first files kept neither stages nor the whole list: their points read those as zeros.
    const first = { ...history, stages: [], points: history.points.map((each) => ({ ...each, total: [], stages: [] })) };
    expect(historyPoints(first)[0]).toEqual({ ...historyPoints(history)[0], total: emptyTally(null), stages: [] });
  });
});

describe('serializeHistory', () => {
  it('writes one point per line, and reads back as the same history', () => {
    const history = [0, 1, 2].reduce((each, night) => withPoint(each, point(night)), newHistory(SOURCE));
    const text = serializeHistory(history);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const head = `{"schemaVersion":1,"source":{"url":"https://gitlab.com","group":"gitlab-org"},"counts":${JSON.stringify(COUNTS)}`;
    expect(lines[0]).toBe(`${head},"labels":["co-create"],"groups":["code review"],"stages":["create"],"points":[`);
    expect(lines[1]).toBe(`{"at":"${iso(0)}","total":[30,5,0,2,3,0,0,0,0,0,1],"labels":[[20,5]],"groups":[[10]],"stages":[[10,4,1]]},`);
    expect(lines[4]).toBe(']}');
    expect(parseHistory(text)).toEqual(history);
    expect(serializeHistory(newHistory(SOURCE))).toBe(`${head},"labels":[],"groups":[],"stages":[],"points":[]}\n`);
  });
});
