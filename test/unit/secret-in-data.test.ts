import { describe, expect, it } from 'vitest';
import { secretIn } from '../../scripts/fetch/secret-in-data';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../../src/lib/snapshot';
import { makeSnapshotIssue } from './make-issue';

const snapshot = (issues: Snapshot['issues']): Snapshot => ({
  schemaVersion: SNAPSHOT_SCHEMA_VERSION,
  generatedAt: '2026-11-01T00:00:00.000Z',
  previousGeneratedAt: null,
  source: { url: 'https://gitlab.com', group: 'gitlab-org', labels: ['co-create'] },
  issues,
});

describe('secretIn', () => {
  it('names the item whose data holds the secret, as written or URL-encoded', () => {
    const secret = 'glpat-a/b+c';
    expect(secretIn(snapshot([makeSnapshotIssue(1), makeSnapshotIssue(2, { excerpt: `token ${secret}` })]), secret)).toBe('gitlab-org/gitlab#2');
    expect(secretIn(snapshot([makeSnapshotIssue(3, { title: encodeURIComponent(secret) })]), secret)).toBe('gitlab-org/gitlab#3');
    expect(secretIn(snapshot([makeSnapshotIssue(4)]), secret)).toBeUndefined();
  });
});
