import type { SortOrder } from '../../lib/health/table-sort';

interface Props<C extends string> {
  column: C;
  label: string;
  order: SortOrder<C> | undefined;
  onSort: (column: C) => void;
  class?: string;
}

/**
 * A column heading that sorts its table: a button naming the column, the arrow saying how it is sorted, and aria-sort
 * telling a screen reader. The button keeps the focus when pressed (it stays in place while the rows move).
 */
export function SortHeader<C extends string>({ column, label, order, onSort, class: className = '' }: Props<C>) {
  const sorted = order?.column === column ? (order.descending ? 'descending' : 'ascending') : undefined;
  return (
    <th scope="col" aria-sort={sorted} class={`py-1 pr-1 align-bottom font-semibold sm:pr-2 ${className}`}>
      {/* Inline, so a long heading wraps between its words on a narrow screen, the arrow with the last one. */}
      <button type="button" onClick={() => onSort(column)} class={`needs-js font-semibold underline-offset-2 hover:underline ${className}`}>
        {label}
        {/* The unsorted columns' arrows are left out of a phone's narrow table, where they cost a column's width. */}
        <span aria-hidden="true" class={`ml-0.5 whitespace-nowrap ${sorted ? '' : 'hidden text-muted sm:inline'}`}>
          {sorted === 'ascending' ? '↑' : sorted === 'descending' ? '↓' : '↕'}
        </span>
      </button>
      <span class="without-js">{label}</span>
    </th>
  );
}
