import type { Snapshot } from '../../src/lib/snapshot';

/**
 * Where a secret appears in a snapshot ("gitlab-org/gitlab#12"), as written or URL-encoded, or undefined. Everything
 * in the snapshot is published, so a token that GitLab returned inside an issue (pasted into a description, say)
 * must stop the run.
 */
export function secretIn(snapshot: Snapshot, secret: string): string | undefined {
  const needles = [...new Set([secret, encodeURIComponent(secret)])];
  const has = (text: string) => needles.some((needle) => text.includes(needle));
  if (has(JSON.stringify(snapshot.source))) return 'the snapshot source';
  return snapshot.issues.find((item) => has(JSON.stringify(item)))?.reference;
}
