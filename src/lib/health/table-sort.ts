import { daysSince } from './rules';
import { heldToBar, shareOf, shortOfGoal, type FailingIssue, type Tally } from './report';

// How the /health page's tables are sorted, and how a sort is written in its URL: one parameter per table,
// `group-sort=share` (ascending) or `group-sort=-share` (descending). Without one, a table keeps the report's order.

/** The tables of /health that sort: one per tally, and the issues below the bar. */
export const SORTED_TABLES = ['label', 'group', 'stage', 'failing'] as const;
export type SortedTable = (typeof SORTED_TABLES)[number];

/** A tally table's columns, left to right. */
export const TALLY_COLUMNS = ['name', 'issues', 'in-progress', 'healthy', 'share', 'short'] as const;
export type TallyColumn = (typeof TALLY_COLUMNS)[number];

/** What the issues below the bar sort by. */
export const FAILING_COLUMNS = ['reasons', 'days', 'weight', 'reference'] as const;
export type FailingColumn = (typeof FAILING_COLUMNS)[number];

export interface SortOrder<C extends string = string> {
  column: C;
  descending: boolean;
}

/** The sort of each table the URL names; a table it does not name keeps the report's order. */
export type TableSorts = Partial<{
  label: SortOrder<TallyColumn>;
  group: SortOrder<TallyColumn>;
  stage: SortOrder<TallyColumn>;
  failing: SortOrder<FailingColumn>;
}>;

const columnsOf = (table: SortedTable): readonly string[] => (table === 'failing' ? FAILING_COLUMNS : TALLY_COLUMNS);
const paramOf = (table: SortedTable) => `${table}-sort`;

/** Reads each table's sort from a /health query; unknown tables and columns are ignored. */
export function parseSorts(params: URLSearchParams): TableSorts {
  const sorts: Record<string, SortOrder> = {};
  for (const table of SORTED_TABLES) {
    const value = params.get(paramOf(table))?.trim().toLowerCase() ?? '';
    const descending = value.startsWith('-');
    const column = descending ? value.slice(1) : value;
    if (columnsOf(table).includes(column)) sorts[table] = { column, descending };
  }
  return sorts as TableSorts;
}

/** Appends each table's sort to `params`, in SORTED_TABLES order. */
export function writeSorts(params: URLSearchParams, sorts: TableSorts): void {
  for (const table of SORTED_TABLES) {
    const order = sorts[table];
    if (order) params.append(paramOf(table), `${order.descending ? '-' : ''}${order.column}`);
  }
}

/** The sort after a click on `column`'s header: the same column turns around; another starts ascending. */
export function nextOrder<C extends string>(current: SortOrder<C> | undefined, column: C): SortOrder<C> {
  return { column, descending: current?.column === column ? !current.descending : false };
}

type Key = string | number | null;

// Stable, so rows that tie keep the report's order; a row without a value (no name, no share, no weight) goes last
// either way, as it is a to-do of its own rather than the smallest or largest.
function sortBy<T>(rows: readonly T[], keyOf: (row: T) => Key, descending: boolean): T[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en', { numeric: true, sensitivity: 'base' });
    return sign * order;
  });
}

const TALLY_KEYS: Record<TallyColumn, (tally: Tally) => Key> = {
  name: (tally) => tally.key,
  issues: (tally) => tally.total,
  'in-progress': (tally) => tally.inProgress,
  healthy: (tally) => tally.healthy,
  share: shareOf,
  short: (tally) => (heldToBar(tally) === 0 ? null : shortOfGoal(tally)),
};

/** A tally table's rows in `order`, or as given without one. */
export function sortTallies(rows: readonly Tally[], order: SortOrder<TallyColumn> | undefined): readonly Tally[] {
  return order ? sortBy(rows, TALLY_KEYS[order.column], order.descending) : rows;
}

/** The issues below the bar in `order`, or as the report gives them (most reasons first, then stalest) without one. */
export function sortFailing(failing: readonly FailingIssue[], order: SortOrder<FailingColumn> | undefined, now: number): readonly FailingIssue[] {
  if (!order) return failing;
  const keys: Record<FailingColumn, (entry: FailingIssue) => Key> = {
    reasons: (entry) => entry.problems.length,
    days: (entry) => daysSince(entry.issue.updatedAt, now),
    weight: (entry) => entry.issue.weight,
    reference: (entry) => entry.issue.reference,
  };
  return sortBy(failing, keys[order.column], order.descending);
}
