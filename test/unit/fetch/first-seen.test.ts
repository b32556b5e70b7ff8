import { describe, expect, it } from 'vitest';
import { carryFirstSeen, type FetchedIssue } from '../../../scripts/fetch/first-seen';
import type { ItemKind } from '../../../src/lib/items';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../../../src/lib/snapshot';
import { makeSnapshotIssue } from '../make-issue';

const NOW = '2027-01-02T00:00:00.000Z';
const BEFORE = '2027-01-01T00:00:00.000Z';
const LONG_AGO = '2026-03-01T00:00:00.000Z';

function item(kind: ItemKind, id: number): FetchedIssue {
  const { firstSeenAt: _, ...fetched } = makeSnapshotIssue(id, {
    kind,
    reference: kind === 'issue' ? `gitlab-org/gitlab#${id}` : `gitlab-org&${id}`,
    title: `Item ${id}`,
  });
  return fetched;
}


function snapshotOf(items: Array<[FetchedIssue, string]>): Snapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: BEFORE,
    previousGeneratedAt: null,
    source: { url: 'https://gitlab.com', group: 'gitlab-org', labels: ['co-create'] },
    groupContacts: [],
    issues: items.map(([fetched, firstSeenAt]) => ({ ...fetched, firstSeenAt })),
    departed: [],
  };
}

describe('carryFirstSeen', () => {
  it('keeps the first sighting of items the previous snapshot had and dates the others now', () => {
    const previous = snapshotOf([[item('issue', 1), LONG_AGO]]);
    const { issues, previousGeneratedAt } = carryFirstSeen([item('issue', 1), item('issue', 2)], previous, NOW);
    expect(issues.map((issue) => [issue.id, issue.firstSeenAt])).toEqual([
      [1, LONG_AGO],
      [2, NOW],
    ]);
    expect(previousGeneratedAt).toBe(BEFORE);
  });

  it('tells an epic from an issue with the same id', () => {
    const previous = snapshotOf([[item('epic', 7), LONG_AGO]]);
    const { issues } = carryFirstSeen([item('issue', 7), item('epic', 7)], previous, NOW);
    expect(issues.map((issue) => [issue.kind, issue.firstSeenAt])).toEqual([
      ['issue', NOW],
      ['epic', LONG_AGO],
    ]);
  });

  it('dates everything now and has no previous time without a previous snapshot, so nothing counts as new', () => {
    const { issues, previousGeneratedAt } = carryFirstSeen([item('issue', 1), item('epic', 1)], undefined, NOW);
    expect(issues.every((issue) => issue.firstSeenAt === NOW)).toBe(true);
    expect(previousGeneratedAt).toBeNull();
  });

  it('never dates a sighting after this run, as the snapshot requires, when the previous one is from later', () => {
    // A clock set back, or SOURCE_DATE_EPOCH fixed before the published snapshot was made.
    const LATER = '2027-01-03T00:00:00.000Z';
    const previous = { ...snapshotOf([[item('issue', 1), LATER]]), generatedAt: LATER };
    expect(carryFirstSeen([item('issue', 1)], previous, NOW).issues[0]!.firstSeenAt).toBe(NOW);
  });

  it('leaves every other field as fetched', () => {
    const fetched = item('issue', 3);
    const [carried] = carryFirstSeen([fetched], snapshotOf([]), NOW).issues;
    expect(carried).toEqual({ ...fetched, firstSeenAt: NOW });
  });
});
