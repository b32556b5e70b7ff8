import { HEALTH_GOAL } from '../../lib/health/rules';
import { sharePercent, shareOf, shortOfGoal, type Tally } from '../../lib/health/report';

interface Props {
  caption: string;
  /** The first column's heading, e.g. "Group". */
  name: string;
  rows: readonly Tally[];
  /** What a row without a key is called, e.g. "No group:: label". */
  noKey: string;
  /** Where a row's name links (a filtered view of this page), or null for no link. */
  hrefFor: (key: string | null) => string | null;
  onFollow: (href: string, event: MouseEvent) => void;
}

const percent = (share: number | null) => (share === null ? '–' : `${sharePercent(share)} %`);

/** Scored issues per label, group or stage, with the share meeting the bar against the program's goal. */
export function TallyTable({ caption, name, rows, noKey, hrefFor, onFollow }: Props) {
  return (
    <table class="w-full border-collapse text-sm">
      <caption class="mb-2 text-left text-lg font-semibold">{caption}</caption>
      <thead>
        <tr class="border-b border-border text-left">
          <th scope="col" class="py-1 pr-3 font-semibold">{name}</th>
          <th scope="col" class="py-1 pr-3 text-right font-semibold">Issues</th>
          <th scope="col" class="py-1 pr-3 text-right font-semibold">Meet the bar</th>
          <th scope="col" class="py-1 pr-3 font-semibold">Share</th>
          <th scope="col" class="py-1 font-semibold">Goal ({HEALTH_GOAL * 100} %)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const share = shareOf(row);
          const short = shortOfGoal(row);
          const href = hrefFor(row.key);
          const label = row.key ?? noKey;
          return (
            <tr key={row.key ?? ''} class="border-b border-border align-top">
              <th scope="row" class="py-1 pr-3 text-left font-normal [overflow-wrap:anywhere]">
                {href ? (
                  <a href={href} onClick={(event) => onFollow(href, event)}>
                    {label}
                  </a>
                ) : (
                  label
                )}
              </th>
              <td class="py-1 pr-3 text-right tabular-nums">{row.total.toLocaleString('en')}</td>
              <td class="py-1 pr-3 text-right tabular-nums">{row.healthy.toLocaleString('en')}</td>
              <td class="py-1 pr-3 tabular-nums whitespace-nowrap">
                {/* The number says it all to a screen reader; the meter is for the eye. */}
                <meter aria-hidden="true" class="mr-2 hidden h-3 w-16 align-middle sm:inline-block" min={0} max={1} low={HEALTH_GOAL} optimum={1} value={share ?? 0} />
                {percent(share)}
              </td>
              <td class={`py-1 ${row.total === 0 ? 'text-muted' : short === 0 ? 'text-ok' : 'text-bad'}`}>
                {row.total === 0 ? 'No issues' : short === 0 ? 'Met' : `${short.toLocaleString('en')} more needed`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
