import { labelSlug } from '../links/site-paths';
import { FACETS, type ViewState } from '../model';
import { toCsv } from '../text/csv';
import { FIX_HINTS, reasonOf } from './fixes';
import { historyPoints, type HealthHistory } from './history';
import { daysSince, type Problem } from './rules';
import { sharePercent, shareOf, shortOfGoal, type FailingIssue } from './report';

const HEALTH_CSV_HEADER = [
  'reference',
  'url',
  'title',
  'curated labels',
  'group',
  'stage',
  'type',
  'weight',
  'assignees',
  'open MRs',
  'updated',
  'days since update',
  'problems',
  'fixes',
];

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The issues below the bar as of `now` as CSV, one row each, in the order given: counts as plain numbers, each
 * problem as the page says it ("No update in 557 days") and what to do about it.
 */
export function healthCsv(failing: readonly FailingIssue[], now: number): string {
  return toCsv([
    HEALTH_CSV_HEADER,
    ...failing.map(({ issue, problems }) => [
      issue.reference,
      issue.url,
      issue.title,
      issue.curated.join('; '),
      issue.group,
      issue.stage,
      issue.type,
      issue.weight,
      issue.assignees.length,
      issue.mergeRequests,
      day(issue.updatedAt),
      daysSince(issue.updatedAt, now),
      problems.map((problem) => reasonOf(problem, issue, now)).join('; '),
      problems.map((problem) => FIX_HINTS[problem]).join('; '),
    ]),
  ]);
}

// Long enough for a few filters; a crafted link cannot make a file name of kilobytes.
const MAX_VIEW_NAME = 80;

/**
 * The name a view's CSV downloads as: what it shows and the snapshot's day, `co-create-health-group-runner-2026-11-29.csv`
 * (`co-create-health-2026-11-29.csv` for every issue). Only letters, digits and dashes, whatever the URL held.
 */
export function healthCsvName(view: ViewState | null, problems: readonly Problem[], asOf: number): string {
  const parts: string[] = [];
  if (view) {
    if (view.q.trim()) parts.push('search', labelSlug(view.q));
    for (const facet of FACETS) if (view.filters[facet].length > 0) parts.push(facet, ...view.filters[facet].map(labelSlug));
    if (view.available) parts.push('available');
    if (view.ready) parts.push('ready');
  }
  if (problems.length > 0) parts.push('problem', ...problems);
  const name = parts.join('-').slice(0, MAX_VIEW_NAME).replace(/-+$/, '');
  return `co-create-health-${name ? `${name}-` : ''}${day(asOf)}.csv`;
}

/**
 * The columns of /history.csv. `date` is written as /health.csv writes `updated`; with `time (UTC)` it names the
 * snapshot (a day may have two: a deploy besides the nightly one).
 */
export const HISTORY_CSV_HEADER = ['date', 'time (UTC)', 'tally', 'name', 'issues', 'in progress', 'meet the bar', 'share (%)', 'more needed'];

/**
 * The history as CSV, one row per snapshot and curated label or group with issues in it, oldest first, the labels
 * before the groups: counts, the share meeting the bar (of the issues not in progress) (whole per cent, floored, as /health shows it) and how many more
 * issues must meet it to reach the goal. A group row with an empty name is the issues without a `group::` label.
 */
export function historyCsv(history: HealthHistory): string {
  const rows = historyPoints(history).flatMap((point) => {
    const snapshot = new Date(point.at).toISOString();
    return (['labels', 'groups'] as const).flatMap((kind) =>
      point[kind]
        .filter((tally) => tally.total > 0)
        .map((tally) => {
          const share = shareOf(tally);
          const tallied = kind === 'labels' ? 'curated label' : 'group';
          const percent = share === null ? null : sharePercent(share);
          return [snapshot.slice(0, 10), snapshot.slice(11, 16), tallied, tally.key, tally.total, tally.inProgress, tally.healthy, percent, shortOfGoal(tally)];
        }),
    );
  });
  return toCsv([HISTORY_CSV_HEADER, ...rows]);
}
