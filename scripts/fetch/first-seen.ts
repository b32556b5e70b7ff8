import type { Snapshot, SnapshotIssue } from '../../src/lib/snapshot';

/** An item as the fetch normalises it, before it is known how long the list has had it. */
export type FetchedIssue = Omit<SnapshotIssue, 'firstSeenAt'>;

/**
 * Carries each item's `firstSeenAt` forward from the previous published snapshot; items it lacked are first seen
 * now. Without a previous snapshot every item is first seen now, and `previousGeneratedAt` is null so that the
 * site marks none of them new.
 */
export function carryFirstSeen(
  items: readonly FetchedIssue[],
  previous: Snapshot | undefined,
  generatedAt: string,
): { issues: SnapshotIssue[]; previousGeneratedAt: string | null } {
  const seen = new Map(previous?.issues.map((item) => [`${item.kind}-${item.id}`, item.firstSeenAt]));
  return {
    issues: items.map((item) => ({ ...item, firstSeenAt: seen.get(`${item.kind}-${item.id}`) ?? generatedAt })),
    previousGeneratedAt: previous?.generatedAt ?? null,
  };
}
