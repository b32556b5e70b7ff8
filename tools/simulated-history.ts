// A plausible /health trend for a generated snapshot, for the bundled sample (`npm run sample`) and the browser
// tests' fixture: no real site has published one for generated data, so the nights before it are worked out from it.
import { newHistory, pointOf, withPoint, type HealthHistory } from '../src/lib/health/history';
import { toIssue } from '../src/lib/model';
import type { Snapshot } from '../src/lib/snapshot';

const DAY_MS = 86_400_000;

/**
 * The history of `nights` nightly snapshots, a day apart, the last at the snapshot's time. Each night lists the items
 * the list had by then (first seen by then), and an item updated since is taken as it was before that update: last
 * touched when it was created. So the trend shows the curators' recent updates lifting stale issues over the bar. Each
 * point is made as the build makes its own (pointOf, the report /health shows), so the last one is the build's.
 */
export function simulatedHistory(snapshot: Snapshot, nights: number): HealthHistory {
  const end = Date.parse(snapshot.generatedAt);
  let history = newHistory(snapshot.source);
  for (let night = nights - 1; night >= 0; night -= 1) {
    const at = end - night * DAY_MS;
    const issues = snapshot.issues
      .filter((item) => Date.parse(item.firstSeenAt) <= at && Date.parse(item.createdAt) <= at)
      .map((item) => toIssue(Date.parse(item.updatedAt) <= at ? item : { ...item, updatedAt: item.createdAt }, snapshot.previousGeneratedAt));
    history = withPoint(history, pointOf(issues, snapshot.source.labels, at));
  }
  return history;
}
