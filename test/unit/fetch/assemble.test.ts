import { describe, expect, it } from 'vitest';
import { assembleSnapshot, type SnapshotParts } from '../../../scripts/fetch/assemble';
import type { FetchedIssue } from '../../../scripts/fetch/first-seen';
import type { ItemKind } from '../../../src/lib/items';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../../../src/lib/snapshot';
import { makeSnapshot, makeSnapshotIssue } from '../make-issue';

const NOW = '2026-11-02T00:00:00.000Z';
const LONG_AGO = '2026-03-01T00:00:00.000Z';
const SOURCE: Snapshot['source'] = { url: 'https://gitlab.com', group: 'gitlab-org', labels: ['co-create'] };

function item(kind: ItemKind, id: number, patch: Partial<FetchedIssue> = {}): FetchedIssue {
  const { firstSeenAt: _, ...fetched } = makeSnapshotIssue(id, { kind, ...patch });
  return fetched;
}

/** A previous snapshot (generated 2026-11-01) of `source` that listed `items` since long ago. */
function previousOf(items: FetchedIssue[], source: Partial<Snapshot['source']> = {}): Snapshot {
  const snapshot = makeSnapshot(items.map((fetched) => ({ ...fetched, firstSeenAt: LONG_AGO })));
  return { ...snapshot, source: { ...snapshot.source, ...source } };
}

const parts = (patch: Partial<SnapshotParts>): SnapshotParts => ({ source: SOURCE, generatedAt: NOW, previous: undefined, items: [], contacts: new Map(), departed: [], ...patch });

describe('assembleSnapshot', () => {
  it('lists the items as the file does, by kind (issues, tasks, epics), then by id, and leaves its input alone', () => {
    const items = [item('epic', 1), item('issue', 9), item('task', 2), item('issue', 3)];
    const snapshot = assembleSnapshot(parts({ items }));
    expect(snapshot.issues.map((issue) => [issue.kind, issue.id])).toEqual([
      ['issue', 3],
      ['issue', 9],
      ['task', 2],
      ['epic', 1],
    ]);
    expect(items.map((issue) => issue.id)).toEqual([1, 9, 2, 3]);
  });

  it('is a snapshot of the current format, of its source, made at generatedAt', () => {
    const snapshot = assembleSnapshot(parts({ items: [item('issue', 1)] }));
    expect(snapshot).toMatchObject({ schemaVersion: SNAPSHOT_SCHEMA_VERSION, generatedAt: NOW, source: SOURCE });
  });

  it('carries firstSeenAt forward from a previous snapshot of the same instance and group, and dates new items now', () => {
    const previous = previousOf([item('issue', 1)]);
    const snapshot = assembleSnapshot(parts({ previous, items: [item('issue', 1), item('issue', 2)] }));
    expect(snapshot.issues.map((issue) => [issue.id, issue.firstSeenAt])).toEqual([
      [1, LONG_AGO],
      [2, NOW],
    ]);
    expect(snapshot.previousGeneratedAt).toBe(previous.generatedAt);
  });

  it('carries an epic’s firstSeenAt by its work item id when its legacy id changed', () => {
    const previous = previousOf([item('epic', 41, { workItemId: 900 })]);
    const [epic] = assembleSnapshot(parts({ previous, items: [item('epic', 42, { workItemId: 900 })] })).issues;
    expect(epic!.firstSeenAt).toBe(LONG_AGO);
  });

  it.each([
    ['instance', { url: 'https://gitlab.example.com' }],
    ['group', { group: 'gitlab-com' }],
  ])('takes nothing from a previous snapshot of another %s: all first seen now, none marked new', (_, other) => {
    const snapshot = assembleSnapshot(parts({ previous: previousOf([item('issue', 1)], other), items: [item('issue', 1)] }));
    expect(snapshot.issues[0]!.firstSeenAt).toBe(NOW);
    expect(snapshot.previousGeneratedAt).toBeNull();
  });

  it('refuses what the snapshot schema refuses, naming the item and field', () => {
    const broken = item('issue', 1, { mergeRequests: 2 });
    expect(() => assembleSnapshot(parts({ items: [item('issue', 2), broken] }))).toThrow(
      'the snapshot would be invalid: issues.0.mergeRequests: must count openMergeRequests',
    );
    expect(() => assembleSnapshot(parts({ generatedAt: 'yesterday' }))).toThrow(/^the snapshot would be invalid: generatedAt: /);
  });
});
