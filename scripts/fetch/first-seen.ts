import { carriedItemKeys } from '../../src/lib/model';
import type { SnapshotIssue } from '../../src/lib/snapshot';
import type { PreviousSnapshot } from '../../src/lib/previous-snapshot-schema';

/** An item as the fetch normalises it, before it is known how long the list has had it. */
export type FetchedIssue = Omit<SnapshotIssue, 'firstSeenAt'>;

/**
 * Carries each item's `firstSeenAt` forward from the previous published snapshot; items it lacked are first seen
 * now. Without a previous snapshot every item is first seen now, and `previousGeneratedAt` is null so that the
 * site marks none of them new.
 */
export function carryFirstSeen(
  items: readonly FetchedIssue[],
  previous: PreviousSnapshot | undefined,
  generatedAt: string,
): { issues: SnapshotIssue[]; previousGeneratedAt: string | null } {
  const seen = new Map<string, string>();
  for (const item of previous?.issues ?? []) for (const key of carriedItemKeys(item)) seen.set(key, item.firstSeenAt);
  const now = Date.parse(generatedAt);
  // Never after this run, which the snapshot requires: a previous snapshot can be from later when a clock was set
  // back or SOURCE_DATE_EPOCH fixed an earlier time.
  const firstSeen = (item: FetchedIssue) => {
    const carried = carriedItemKeys(item).map((key) => seen.get(key)).find(Boolean);
    return carried && Date.parse(carried) <= now ? carried : generatedAt;
  };
  return {
    issues: items.map((item) => ({ ...item, firstSeenAt: firstSeen(item) })),
    previousGeneratedAt: previous?.generatedAt ?? null,
  };
}
