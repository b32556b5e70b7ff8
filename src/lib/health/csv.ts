import { labelSlug } from '../links/site-paths';
import { FACETS, type ViewState } from '../model';
import { toCsv } from '../text/csv';
import { FIX_HINTS, reasonOf } from './fixes';
import { historyPoints, TREND_KINDS, type HealthHistory, type TrendKind } from './history';
import { daysSince, PROBLEM_NAMES, PROBLEMS, type Problem } from './rules';
import { sharePercent, shareOf, shortOfGoal, type FailingIssue, type Tally } from './report';

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
 * snapshot (a day may have two: a deploy besides the nightly one). Then the counts of /health, and one column per
 * problem, named as /health names it.
 */
export const HISTORY_CSV_HEADER = [
  'date',
  'time (UTC)',
  'tally',
  'name',
  'issues',
  'in progress',
  'meet the bar',
  'share (%)',
  'more needed',
  'ready to pick up',
  ...PROBLEMS.map((problem) => PROBLEM_NAMES[problem]),
];

const TALLIED: Record<TrendKind, string> = { labels: 'curated label', groups: 'group', stages: 'stage' };

/**
 * The history as CSV, one row per snapshot and tally with issues in it, oldest first: all issues, then each curated
 * label, group and stage. Counts, the share meeting the bar (of the issues not in progress; whole per cent, floored,
 * as /health shows it), how many more issues must meet it to reach the goal, how many are ready to pick up, and how
 * many have each problem. A group or stage row with an empty name is the issues without that label.
 */
export function historyCsv(history: HealthHistory): string {
  const rows = historyPoints(history).flatMap((point) => {
    const snapshot = new Date(point.at).toISOString();
    const row = (tallied: string, tally: Tally) => {
      const share = shareOf(tally);
      return [
        snapshot.slice(0, 10),
        snapshot.slice(11, 16),
        tallied,
        tally.key,
        tally.total,
        tally.inProgress,
        tally.healthy,
        share === null ? null : sharePercent(share),
        shortOfGoal(tally),
        tally.ready,
        ...PROBLEMS.map((problem) => tally.problems[problem]),
      ];
    };
    const tallies: Array<[string, Tally]> = [['all issues', point.total], ...TREND_KINDS.flatMap((kind) => point[kind].map((tally): [string, Tally] => [TALLIED[kind], tally]))];
    return tallies.filter(([, tally]) => tally.total > 0).map(([tallied, tally]) => row(tallied, tally));
  });
  return toCsv([HISTORY_CSV_HEADER, ...rows]);
}
