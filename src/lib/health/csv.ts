import { toCsv } from '../text/csv';
import { PROBLEM_NAMES } from './rules';
import type { FailingIssue } from './report';

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
