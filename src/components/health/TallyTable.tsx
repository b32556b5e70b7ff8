import { formatCount } from '../../lib/text/format';
import { HEALTH_GOAL } from '../../lib/health/rules';
import { heldToBar, sharePercent, shareOf, shortOfGoal, type Tally } from '../../lib/health/report';
import { sortTallies, type SortOrder, type TallyColumn } from '../../lib/health/table-sort';
import { SortHeader } from './SortHeader';

interface Props {
  /** Which table: its heading's id and its sort's name in the URL. */
  id: 'label' | 'group' | 'stage';
  heading: string;
  /** The first column's heading, e.g. "Group". */
  name: string;
  rows: readonly Tally[];
  /** What a row without a key is called, e.g. "No group:: label". */
  noKey: string;
  /** Where a row's name links (a filtered view of this page), or null for no link. */
  hrefFor: (key: string | null) => string | null;
  onFollow: (href: string, event: MouseEvent) => void;
  order: SortOrder<TallyColumn> | undefined;
  onSort: (column: TallyColumn) => void;
}

const percent = (share: number | null) => (share === null ? '–' : `${sharePercent(share)} %`);

const NUMERIC = 'text-right tabular-nums';

/**
 * Scored issues per label, group or stage: how many, how many in progress, how many of the others meet the bar, and
 * their share against the program's goal. Its heading is a real heading, so heading navigation finds each table.
 */
export function TallyTable({ id, heading, name, rows, noKey, hrefFor, onFollow, order, onSort }: Props) {
  const headingId = `${id}-heading`;
  const header = (column: TallyColumn, label: string, className = NUMERIC) => (
    <SortHeader column={column} label={label} order={order} onSort={onSort} class={className} />
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} class="mb-2 text-lg font-semibold">
        {heading}
      </h2>
      <table aria-labelledby={headingId} class="w-full border-collapse text-xs sm:text-sm">
        <thead>
          <tr class="border-b border-border text-left">
            {header('name', name, 'text-left')}
            {header('issues', 'Issues')}
            {header('in-progress', 'In progress')}
            {header('healthy', 'Meet the bar')}
            {header('share', 'Share', 'text-left')}
            {header('short', `To ${HEALTH_GOAL * 100} %`, 'text-left')}
          </tr>
        </thead>
        <tbody>
          {sortTallies(rows, order).map((row) => {
            const share = shareOf(row);
            const short = shortOfGoal(row);
            const href = hrefFor(row.key);
            const label = row.key ?? noKey;
            return (
              <tr key={row.key ?? ''} class="border-b border-border align-top">
                <th scope="row" class="py-1 pr-1 sm:pr-2 text-left font-normal [overflow-wrap:anywhere]">
                  {href ? (
                    <a href={href} onClick={(event) => onFollow(href, event)}>
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                </th>
                <td class={`py-1 pr-1 sm:pr-2 ${NUMERIC}`}>{formatCount(row.total)}</td>
                <td class={`py-1 pr-1 sm:pr-2 ${NUMERIC}`}>{formatCount(row.inProgress)}</td>
                <td class={`py-1 pr-1 sm:pr-2 ${NUMERIC}`}>{formatCount(row.healthy)}</td>
                <td class="py-1 pr-1 pl-1 tabular-nums whitespace-nowrap sm:pr-2">
                  {/* The number says it all to a screen reader; the meter is for the eye. */}
                  <meter aria-hidden="true" class="mr-2 hidden h-3 w-16 align-middle md:inline-block" min={0} max={1} low={HEALTH_GOAL} optimum={1} value={share ?? 0} />
                  {percent(share)}
                </td>
                <td class={`py-1 ${heldToBar(row) === 0 ? 'text-muted' : short === 0 ? 'text-ok' : 'text-bad'}`}>
                  {heldToBar(row) === 0 ? (row.total === 0 ? 'No issues' : 'All in progress') : short === 0 ? 'Met' : `${formatCount(short)} more`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
