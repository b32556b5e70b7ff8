import type { Issue } from '../model';
import { healthReport, shareOf, type HealthReport, type Tally } from './report';

// The /health trend: one point per snapshot, each the tallies of the report /health shows for it (healthReport, with
// the rules of rules.ts), carried from night to night in the published /history.json. This module is pure and has no
// schema library, so the page's island may load it; the file is checked on reading by history-schema.ts (build time).

/** The file's format; a reader refuses any other. */
export const HISTORY_VERSION = 1;
/** The points a history keeps, oldest dropped first: more than a year of nightly snapshots. */
export const HISTORY_MAX_POINTS = 400;

/**
 * The counts of a tally a history keeps, in the order the file's tuples list them (the file names them in `counts`).
 * Every count of Tally must be here: one it gains is one more name on this line (the check below says so), and a file
 * written before it was kept reads it as 0.
 */
export const HISTORY_COUNTS = ['total', 'healthy', 'inProgress'] as const satisfies ReadonlyArray<Exclude<keyof Tally, 'key'>>;
type CountName = (typeof HISTORY_COUNTS)[number];
type Unkept = Exclude<keyof Tally, 'key' | CountName>;
/** Fails the type check, naming the count, when Tally has a count that HISTORY_COUNTS does not keep. */
export const EVERY_COUNT_KEPT: [Unkept] extends [never] ? true : Unkept = true;

/** Which tallies of a report a history keeps. */
export type TrendKind = 'labels' | 'groups';
export const TREND_KINDS: readonly TrendKind[] = ['labels', 'groups'];

/** Where a history's snapshots are from: the site's GitLab instance and group, as in the snapshot's `source`. */
export interface HistorySource {
  url: string;
  group: string;
}

/** One snapshot in the file: its time, and per name of the tables a tuple of counts (zeros where it had none). */
export interface StoredPoint {
  /** The snapshot's generatedAt (ISO 8601, UTC). */
  at: string;
  /** Aligned with HealthHistory.labels: the n-th tuple is the n-th label's. */
  labels: number[][];
  /** Aligned with HealthHistory.groups. */
  groups: number[][];
}

/**
 * /history.json: names once, counts as tuples, so 400 points of 60 groups stay small (see README, "History").
 * Tables list each name that some point has issues of; a point's arrays are as long as the tables.
 */
export interface HealthHistory {
  version: typeof HISTORY_VERSION;
  source: HistorySource;
  /** What each tuple's numbers are, in order: HISTORY_COUNTS when written. */
  counts: string[];
  /** The curated labels, the configured ones in configured order first. */
  labels: string[];
  /** The `group::` values; null is the issues without one. */
  groups: Array<string | null>;
  /** Oldest first, each time once. */
  points: StoredPoint[];
}

/** One snapshot's tallies: what /health showed for it, per curated label and per group. */
export interface HistoryPoint {
  /** The snapshot's time in milliseconds. */
  at: number;
  labels: Tally[];
  groups: Tally[];
}

/** A point of one label's or group's trend: its tally at a snapshot, and the share meeting the bar (null: no issues). */
export interface TrendPoint {
  at: number;
  tally: Tally;
  share: number | null;
}

/** The point of a report /health shows (healthReport), for the snapshot of `at`. */
export function historyPoint(report: Pick<HealthReport, 'labels' | 'groups'>, at: number): HistoryPoint {
  return { at, labels: report.labels.map((tally) => ({ ...tally })), groups: report.groups.map((tally) => ({ ...tally })) };
}

/** The point of a snapshot's issues as of its time, through the report /health shows. */
export function pointOf(issues: readonly Issue[], curatedLabels: readonly string[], asOf: number): HistoryPoint {
  return historyPoint(healthReport(issues, curatedLabels, asOf), asOf);
}

/** A history without points. */
export function newHistory(source: HistorySource): HealthHistory {
  return { version: HISTORY_VERSION, source: { url: source.url, group: source.group }, counts: [...HISTORY_COUNTS], labels: [], groups: [], points: [] };
}

/** A tally of `key` from a stored tuple whose n-th count is at `positions[n]` of it (-1: the file lacks it, so 0). */
function tallyOf(key: string | null, stored: readonly number[], positions: readonly number[]): Tally {
  const tally: Record<string, unknown> = { key };
  HISTORY_COUNTS.forEach((name, n) => (tally[name] = stored[positions[n]!] ?? 0));
  return tally as unknown as Tally;
}

/** The history's points, oldest first, each with a tally for every name of the tables. */
export function historyPoints(history: HealthHistory): HistoryPoint[] {
  const positions = HISTORY_COUNTS.map((name) => history.counts.indexOf(name));
  return history.points.map((point) => ({
    at: Date.parse(point.at),
    labels: history.labels.map((key, n) => tallyOf(key, point.labels[n] ?? [], positions)),
    groups: history.groups.map((key, n) => tallyOf(key, point.groups[n] ?? [], positions)),
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
  return names.map((name) => {
    const tally = byKey.get(name);
    return HISTORY_COUNTS.map((count) => tally?.[count] ?? 0);
  });
}

function encode(source: HistorySource, points: readonly HistoryPoint[]): HealthHistory {
  const labels = namesOf(points, 'labels') as string[];
  const groups = namesOf(points, 'groups');
  return {
    ...newHistory(source),
    labels,
    groups,
    points: points.map((point) => ({ at: new Date(point.at).toISOString(), labels: row(point.labels, labels), groups: row(point.groups, groups) })),
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
    const tally = tallies.find((each) => each.key === key) ?? tallyOf(key, [], []);
    return { at, tally, share: shareOf(tally) };
  });
}

/**
 * The file's text: the head on the first line, then one point per line (nightly diffs stay readable), in the order
 * of HealthHistory's fields.
 */
export function serializeHistory(history: HealthHistory): string {
  const { version, source, counts, labels, groups, points } = history;
  const head = JSON.stringify({ version, source, counts, labels, groups });
  const lines = points.map(({ at, labels: l, groups: g }) => JSON.stringify({ at, labels: l, groups: g }));
  return `${head.slice(0, -1)},"points":[${lines.length ? `\n${lines.join(',\n')}\n` : ''}]}\n`;
}
