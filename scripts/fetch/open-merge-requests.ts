import { stripInvisibleControls } from '../../src/lib/text/invisible';
import type { SnapshotIssue } from '../../src/lib/snapshot';
import type { ApiMergeRequest } from './api-issue';

// "Someone is on it" as GitLab means it: an issue's merge_requests_count counts the merge requests that close it in
// ANY state, so one abandoned MR would mark it taken forever. Only the OPEN ones that close it (GET
// /projects/:id/issues/:iid/closed_by) say someone is working on it; a merged one on an open issue means the issue
// was reopened after the fix, and it is free again. MR state changes do not touch the issue's updated_at, so these
// are asked for on every run, never reused from a previous snapshot.

/**
 * The open merge requests among an issue's closing ones, as the snapshot keeps them; references without bidi controls
 * and zero-width characters, as for issues (see normalize.ts).
 */
export function openMergeRequests(closing: readonly ApiMergeRequest[]): SnapshotIssue['openMergeRequests'] {
  const seen = new Set<string>();
  const open: SnapshotIssue['openMergeRequests'] = [];
  for (const mr of closing) {
    const reference = stripInvisibleControls(mr.references.full);
    if (mr.state !== 'opened' || seen.has(reference)) continue;
    seen.add(reference);
    open.push({ reference, url: mr.web_url });
  }
  return open;
}

/** Whether the fetch must ask which merge requests close this issue: only when GitLab counts any. */
export function hasClosingMergeRequests(issue: { merge_requests_count?: number | null }): boolean {
  return (issue.merge_requests_count ?? 0) > 0;
}
