import { describe, expect, it } from 'vitest';
import { secretIn } from '../../../scripts/fetch/secret-in-data';
import { makeSnapshot as snapshot, makeSnapshotIssue } from '../make-issue';

describe('secretIn', () => {
  it('names the item whose data holds the secret, as written or URL-encoded', () => {
    const secret = 'glpat-a/b+c';
    expect(secretIn(snapshot([makeSnapshotIssue(1), makeSnapshotIssue(2, { excerpt: `token ${secret}` })]), secret)).toBe('gitlab-org/gitlab#2');
    expect(secretIn(snapshot([makeSnapshotIssue(3, { title: encodeURIComponent(secret) })]), secret)).toBe('gitlab-org/gitlab#3');
    expect(secretIn(snapshot([makeSnapshotIssue(4)]), secret)).toBeUndefined();
  });
});
