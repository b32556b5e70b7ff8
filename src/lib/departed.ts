import { safeGitlabUrl } from './links/safe-url';
import { DEPARTED_MAX, DEPARTED_REASONS, type DepartedReason } from './departed-reasons';
import type { SnapshotDeparted } from './snapshot';

/** How long an item that left the list is still listed as having left it. */
export const DEPARTED_DAYS = 30;
const DAY_MS = 86_400_000;

/** How a product manager reads each reason, in a count ("closed 12, no longer curated 4") and beside an item. */
export const DEPARTED_REASON_NAMES: Record<DepartedReason, string> = {
  closed: 'closed',
  uncurated: 'no longer curated',
  moved: 'moved',
  hidden: 'hidden',
  unknown: 'other reason',
};

const newestFirst = (a: SnapshotDeparted, b: SnapshotDeparted) =>
  Date.parse(b.at) - Date.parse(a.at) || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);

/**
 * The departures a snapshot lists: tonight's, and the previous snapshot's carried forward, one per reference
 * (tonight's wins), without the items listed again (they came back), within DEPARTED_DAYS of `generatedAt`, linked
 * only under `gitlabUrl` (the previous snapshot is the published site's, untrusted), newest first, at most
 * DEPARTED_MAX. Pure.
 */
export function carryDeparted(
  tonight: readonly SnapshotDeparted[],
  previous: readonly SnapshotDeparted[],
  listed: ReadonlySet<string>,
  generatedAt: string,
  gitlabUrl: string,
): SnapshotDeparted[] {
  const now = Date.parse(generatedAt);
  const byReference = new Map<string, SnapshotDeparted>();
  for (const entry of [...tonight, ...previous]) {
    if (byReference.has(entry.reference) || listed.has(entry.reference)) continue;
    const at = Date.parse(entry.at);
    if (at > now || now - at > DEPARTED_DAYS * DAY_MS || safeGitlabUrl(entry.url, gitlabUrl) === null) continue;
    byReference.set(entry.reference, entry);
  }
  return [...byReference.values()].sort(newestFirst).slice(0, DEPARTED_MAX);
}

/** The part of a view that departures can be narrowed by: they keep their labels, stage and group, nothing else. */
export interface DepartedFilters {
  label: readonly string[];
  stage: readonly string[];
  group: readonly string[];
}

/** The departures of one view: any of its labels, stages and groups (each facet ANDed, values ORed, as the list). */
export function departedInView(departed: readonly SnapshotDeparted[], filters: DepartedFilters): SnapshotDeparted[] {
  const matches = (values: readonly string[], value: string | null) => values.length === 0 || (value !== null && values.includes(value));
  return departed.filter(
    (entry) =>
      (filters.label.length === 0 || entry.curated.some((label) => filters.label.includes(label))) &&
      matches(filters.stage, entry.stage) &&
      matches(filters.group, entry.group),
  );
}

/** How many left for each reason that has any, in the order of DEPARTED_REASONS. */
export function departedCounts(departed: readonly SnapshotDeparted[]): Array<{ reason: DepartedReason; count: number }> {
  return DEPARTED_REASONS.map((reason) => ({ reason, count: departed.filter((entry) => entry.reason === reason).length })).filter(
    ({ count }) => count > 0,
  );
}
