import type { Issue } from '../model';
import { emptyTally, healthReport, shareOf, type HealthReport, type Tally } from './report';
import { PROBLEMS, type Problem } from './rules';

// The /health trend: one point per snapshot, each the tallies of the report /health shows for it (healthReport, with
// the rules of rules.ts), carried from night to night in the published /history.json. This module is pure and has no
// schema library, so the page's island may load it; the file is checked on reading by history-schema.ts (build time).

/** The file's format (its `schemaVersion`); a reader refuses any other. */
export const HISTORY_SCHEMA_VERSION = 1;
/** The points a history keeps, oldest dropped first: more than a year of nightly snapshots. */
export const HISTORY_MAX_POINTS = 400;

type ScalarCount = Exclude<keyof Tally, 'key' | 'problems'>;
/**
 * The counts of a tally a history keeps, in the order the file's tuples list them (the file names them in `counts`):
 * the scalar counts of Tally, then one per problem. A count Tally gains is one more name on this line (the check
 * below says so); a file written before it was kept reads it as 0.
 */
export const HISTORY_COUNTS = ['total', 'healthy', 'inProgress', 'ready', ...PROBLEMS] as const satisfies ReadonlyArray<ScalarCount | Problem>;
type Unkept = Exclude<ScalarCount, (typeof HISTORY_COUNTS)[number]>;
/** Fails the type check, naming the count, when Tally has a count that HISTORY_COUNTS does not keep. */
export const EVERY_COUNT_KEPT: [Unkept] extends [never] ? true : Unkept = true;

/** The tables of tallies a history keeps besides the whole list's: per curated label, group and stage. */
export type TrendKind = 'labels' | 'groups' | 'stages';
export const TREND_KINDS: readonly TrendKind[] = ['labels', 'groups', 'stages'];

/** Where a history's snapshots are from: the site's GitLab instance and group, as in the snapshot's `source`. */
export interface HistorySource {
  url: string;
  group: string;
}

/**
 * One snapshot in the file: its time, the whole list's tuple of counts, and per name of the tables a tuple. A tuple
 * lists the counts in the order of HealthHistory.counts, without trailing zeros (a count it lacks is 0).
 */
export interface StoredPoint {
  /** The snapshot's generatedAt (ISO 8601, UTC). */
  at: string;
  total: number[];
  /** Aligned with HealthHistory.labels: the n-th tuple is the n-th label's. */
  labels: number[][];
  /** Aligned with HealthHistory.groups. */
  groups: number[][];
  /** Aligned with HealthHistory.stages. */
  stages: number[][];
}

/**
 * /history.json: names once, counts as tuples, so 400 points of 60 groups stay small (see README, "History").
 * Tables list each name that some point has issues of; a point's arrays are as long as the tables.
 */
export interface HealthHistory {
  schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  source: HistorySource;
  /** What each tuple's numbers are, in order: HISTORY_COUNTS when written. */
  counts: string[];
  /** The curated labels, the configured ones in configured order first. */
  labels: string[];
  /** The `group::` values; null is the issues without one. */
  groups: Array<string | null>;
  /** The `devops::` values; null is the issues without one. */
  stages: Array<string | null>;
  /** Oldest first, each time once. */
  points: StoredPoint[];
}

/** One snapshot's tallies: what /health showed for it, in total and per curated label, group and stage. */
export interface HistoryPoint {
  /** The snapshot's time in milliseconds. */
  at: number;
  /** The whole list's tally (key null). */
  total: Tally;
  labels: Tally[];
  groups: Tally[];
  stages: Tally[];
}

/** A point of one label's or group's trend: its tally at a snapshot, and the share meeting the bar (null: no issues). */
export interface TrendPoint {
  at: number;
  tally: Tally;
  share: number | null;
}

/** The point of a report /health shows (healthReport), for the snapshot of `at`. */
export function historyPoint(report: Pick<HealthReport, 'all' | TrendKind>, at: number): HistoryPoint {
  const copy = (tally: Tally): Tally => ({ ...tally, problems: { ...tally.problems } });
  return { at, total: copy(report.all), labels: report.labels.map(copy), groups: report.groups.map(copy), stages: report.stages.map(copy) };
}

/** The point of a snapshot's issues as of its time, through the report /health shows. */
export function pointOf(issues: readonly Issue[], curatedLabels: readonly string[], asOf: number): HistoryPoint {
  return historyPoint(healthReport(issues, curatedLabels, asOf), asOf);
}

/** A history without points. */
export function newHistory(source: HistorySource): HealthHistory {
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    source: { url: source.url, group: source.group },
    counts: [...HISTORY_COUNTS],
    labels: [],
    groups: [],
    stages: [],
    points: [],
  };
}

const isProblem = (name: string): name is Problem => (PROBLEMS as readonly string[]).includes(name);

/** A tally of `key` from a stored tuple whose n-th count is at `positions[n]` of it (-1: the file lacks it, so 0). */
function tallyOf(key: string | null, stored: readonly number[], positions: readonly number[]): Tally {
  const tally = emptyTally(key);
  HISTORY_COUNTS.forEach((name, n) => {
    const value = stored[positions[n]!] ?? 0;
    if (isProblem(name)) tally.problems[name] = value;
    else tally[name] = value;
  });
  return tally;
}

/** A tally's stored tuple: HISTORY_COUNTS in order, trailing zeros left out (most groups have no issue of most problems). */
function tupleOf(tally: Tally | undefined): number[] {
  const tuple = HISTORY_COUNTS.map((name) => (tally ? (isProblem(name) ? tally.problems[name] : tally[name]) : 0));
  let length = tuple.length;
  while (length > 0 && tuple[length - 1] === 0) length -= 1;
  return tuple.slice(0, length);
}

/** The history's points, oldest first, each with a tally for every name of the tables. */
export function historyPoints(history: HealthHistory): HistoryPoint[] {
  const positions = HISTORY_COUNTS.map((name) => history.counts.indexOf(name));
  const table = (point: StoredPoint, kind: TrendKind) => history[kind].map((key, n) => tallyOf(key, point[kind][n] ?? [], positions));
  return history.points.map((point) => ({
    at: Date.parse(point.at),
    total: tallyOf(null, point.total, positions),
    labels: table(point, 'labels'),
    groups: table(point, 'groups'),
    stages: table(point, 'stages'),
  }));
}

/**
 * The names some point has issues of, the newest point's first in its order (the configured labels; groups by name),
 * then those only older points have, newest first.
 */
function namesOf(points: readonly HistoryPoint[], kind: TrendKind): Array<string | null> {
  const names = new Set<string | null>();
  for (let n = points.length - 1; n >= 0; n -= 1) {
    for (const tally of points[n]![kind]) if (tally.total > 0) names.add(tally.key);
  }
  return [...names];
}

function row(tallies: readonly Tally[], names: ReadonlyArray<string | null>): number[][] {
  const byKey = new Map(tallies.map((tally) => [tally.key, tally]));
  return names.map((name) => tupleOf(byKey.get(name)));
}

function encode(source: HistorySource, points: readonly HistoryPoint[]): HealthHistory {
  const labels = namesOf(points, 'labels') as string[];
  const groups = namesOf(points, 'groups');
  const stages = namesOf(points, 'stages');
  return {
    ...newHistory(source),
    labels,
    groups,
    stages,
    points: points.map((point) => ({
      at: new Date(point.at).toISOString(),
      total: tupleOf(point.total),
      labels: row(point.labels, labels),
      groups: row(point.groups, groups),
      stages: row(point.stages, stages),
    })),
  };
}

/**
 * The history with `point` added: in time order, replacing a point of the same time (the same snapshot built again),
 * and without the oldest beyond `max` points.
 */
export function withPoint(history: HealthHistory, point: HistoryPoint, max = HISTORY_MAX_POINTS): HealthHistory {
  const points = historyPoints(history).filter((each) => each.at !== point.at);
  points.push(point);
  points.sort((a, b) => a.at - b.at);
  return encode(history.source, points.slice(-Math.max(1, max)));
}

/** The trend of one label's or group's share meeting the bar, one point per snapshot, oldest first. */
export function trendOf(points: readonly HistoryPoint[], kind: TrendKind, key: string | null): TrendPoint[] {
  return points.map(({ at, [kind]: tallies }) => {
    const tally = tallies.find((each) => each.key === key) ?? emptyTally(key);
    return { at, tally, share: shareOf(tally) };
  });
}

/**
 * The file's text: the head on the first line, then one point per line (nightly diffs stay readable), in the order
 * of HealthHistory's fields.
 */
export function serializeHistory(history: HealthHistory): string {
  const { schemaVersion, source, counts, labels, groups, stages, points } = history;
  const head = JSON.stringify({ schemaVersion, source, counts, labels, groups, stages });
  const lines = points.map((point) => JSON.stringify({ at: point.at, total: point.total, labels: point.labels, groups: point.groups, stages: point.stages }));
  return `${head.slice(0, -1)},"points":[${lines.length ? `\n${lines.join(',\n')}\n` : ''}]}\n`;
}
