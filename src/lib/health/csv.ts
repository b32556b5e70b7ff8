import { toCsv } from '../text/csv';
import { historyPoints, type HealthHistory } from './history';
import { PROBLEM_NAMES } from './rules';
import { sharePercent, shareOf, shortOfGoal, type FailingIssue } from './report';

/**
 * The UTF-8 byte order mark. Excel opens a CSV without one in the system's legacy code page, so a title or a name
 * like "Müller" comes out garbled; with it, as UTF-8. Other spreadsheets and CSV readers skip it.
 */
export const CSV_BOM = '\uFEFF';

/** Rows as a CSV file for spreadsheets: the byte order mark, then RFC 4180 rows (toCsv). Every CSV of /health is one. */
export function spreadsheetCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return CSV_BOM + toCsv(rows);
}

const HEALTH_CSV_HEADER = ['reference', 'url', 'title', 'curated labels', 'group', 'stage', 'type', 'weight', 'updated', 'problems'];

/** The issues below the bar as CSV, one row each, in the order given. */
export function healthCsv(failing: readonly FailingIssue[]): string {
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
      new Date(issue.updatedAt).toISOString().slice(0, 10),
      problems.map((problem) => PROBLEM_NAMES[problem]).join('; '),
    ]),
  ]);
}

/**
 * The columns of /history.csv. `date` is written as /health.csv writes `updated`; with `time (UTC)` it names the
 * snapshot (a day may have two: a deploy besides the nightly one).
 */
export const HISTORY_CSV_HEADER = ['date', 'time (UTC)', 'tally', 'name', 'issues', 'meet the bar', 'share (%)', 'more needed'];

/**
 * The history as CSV, one row per snapshot and curated label or group with issues in it, oldest first, the labels
 * before the groups: counts, the share meeting the bar (whole per cent, floored, as /health shows it) and how many more
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
          return [snapshot.slice(0, 10), snapshot.slice(11, 16), tallied, tally.key, tally.total, tally.healthy, percent, shortOfGoal(tally)];
        }),
    );
  });
  return spreadsheetCsv([HISTORY_CSV_HEADER, ...rows]);
}
