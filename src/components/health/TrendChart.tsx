import { formatCount } from '../../lib/text/format';
import type { TrendPoint } from '../../lib/health/history';
import { heldToBar, sharePercent } from '../../lib/health/report';
import { HEALTH_GOAL } from '../../lib/health/rules';

/** One line of the chart: a curated label's or a group's trend. */
export interface TrendSeries {
  name: string;
  points: readonly TrendPoint[];
}

interface Props {
  /** Unique on the page: the ids of the chart's title and description start with it. */
  id: string;
  /** What the lines are, for the chart's title: "per curated label", "of group code review". */
  subject: string;
  /** Each with a point per snapshot, the same snapshots in the same order. */
  series: readonly TrendSeries[];
}

// The plot's own units: time across, the share up. It is stretched to the box (preserveAspectRatio="none") and its
// strokes keep their width (vector-effect, src/styles/trend.css), so one drawing fits 375 px and 1280 px alike.
const WIDTH = 1000;
const HEIGHT = 100;
/** The plot's height in CSS pixels (10rem, trend.css): the axis labels beside it are placed in these units. */
const PLOT_PX = 160;
/** Line styles (trend.css): a colour and a dash pattern each, so no line is told apart by colour alone. */
const STYLES = 6;

const round = (value: number) => Math.round(value * 10) / 10;
const percent = (share: number | null) => (share === null ? 'no issues' : `${sharePercent(share)} %`);

/** Each snapshot's label: its date, with the time (UTC) where the chart has two snapshots of one day. */
function snapshotLabels(times: readonly number[]): string[] {
  const days = times.map((at) => new Date(at).toISOString().slice(0, 10));
  return times.map((at, n) =>
    days.indexOf(days[n]!) === days.lastIndexOf(days[n]!) ? days[n]! : `${days[n]} ${new Date(at).toISOString().slice(11, 16)} UTC`,
  );
}

/**
 * The line through a trend's points, broken where a snapshot had no issues; a point alone between gaps is a segment of
 * length 0, which the round line cap draws as a dot.
 */
function linePath(points: readonly TrendPoint[], x: (at: number) => number): string {
  let path = '';
  points.forEach((point, n) => {
    if (point.share === null) return;
    const joined = n > 0 && points[n - 1]!.share !== null;
    path += `${joined ? 'L' : 'M'}${round(x(point.at))} ${round(HEIGHT - point.share * HEIGHT)}`;
    if (!joined && (points[n + 1]?.share ?? null) === null) path += 'h0';
  });
  return path;
}

/** The oldest and the newest point with issues: what the description says. */
function ends(points: readonly TrendPoint[]): { first?: TrendPoint; last?: TrendPoint } {
  const known = points.filter((point) => point.share !== null);
  return { first: known[0], last: known.at(-1) };
}

/**
 * The share meeting the bar at each snapshot against the goal's line, one line per series: an SVG image described in
 * words (role="img", <title>, <desc>), a legend, and every number in a table under a disclosure. No script: the build
 * renders it, and so may the island.
 */
export function TrendChart({ id, subject, series }: Props) {
  const times = series[0]?.points.map((point) => point.at) ?? [];
  if (times.length === 0) return <p class="text-muted">No snapshot has been recorded yet.</p>;
  const start = times[0]!;
  const span = times.at(-1)! - start;
  // A single snapshot sits at the right, where the newest one always is.
  const x = (at: number) => (span === 0 ? WIDTH : ((at - start) / span) * WIDTH);
  const labels = snapshotLabels(times);
  const from = labels[0]!;
  const to = labels.at(-1)!;
  const goal = HEALTH_GOAL * 100;
  const described = series.map(({ name, points }) => {
    const { first, last } = ends(points);
    if (!last) return `${name}: no issues.`;
    const then = first && first !== last ? `, from ${percent(first.share)} on ${labels[points.indexOf(first)]}` : '';
    return `${name}: ${percent(last.share)} on ${labels[points.indexOf(last)]} (${last.tally.healthy} of ${heldToBar(last.tally)} issues not in progress)${then}.`;
  });
  const axis = [1, HEALTH_GOAL, 0.5, 0];

  return (
    <figure class="flex flex-col gap-2">
      <div class="trend-row">
        <svg aria-hidden="true" class="trend-axis" viewBox={`0 0 40 ${PLOT_PX}`}>
          {axis.map((share) => (
            <text key={share} x="38" y={PLOT_PX - share * PLOT_PX} dy="0.35em" text-anchor="end">
              {`${Math.round(share * 100)} %`}
            </text>
          ))}
        </svg>
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          class="trend-plot"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
        >
          <title id={`${id}-title`}>{`Share of issues meeting the bar ${subject}, ${from === to ? from : `${from} to ${to}`}, against the goal of ${goal} %`}</title>
          <desc id={`${id}-desc`}>{`${described.join(' ')} The goal is ${goal} %.`}</desc>
          {axis.map((share) => (
            <line key={share} class={share === HEALTH_GOAL ? 'trend-goal' : 'trend-grid'} x1="0" x2={WIDTH} y1={HEIGHT - share * HEIGHT} y2={HEIGHT - share * HEIGHT} />
          ))}
          {series.map(({ name, points }, n) => {
            const { last } = ends(points);
            return (
              <g key={name} class={`trend-${(n % STYLES) + 1}`}>
                <path class="trend-line" d={linePath(points, x)} />
                {last && <path class="trend-dot" d={`M${round(x(last.at))} ${round(HEIGHT - last.share! * HEIGHT)}h0`} />}
              </g>
            );
          })}
        </svg>
      </div>
      <div aria-hidden="true" class="trend-dates">
        <span>{from}</span>
        {from !== to && <span>{to}</span>}
      </div>
      <figcaption>
        <ul class="trend-legend text-sm">
          {series.map(({ name, points }, n) => (
            <li key={name} class="flex items-center gap-2">
              <Swatch class={`trend-line trend-${(n % STYLES) + 1}`} />
              <span>
                {/* The newest snapshot's share, or that it had no issues. */}
                <bdi class="font-semibold">{name}</bdi> {percent(points.at(-1)?.share ?? null)}
              </span>
            </li>
          ))}
          <li class="flex items-center gap-2">
            <Swatch class="trend-goal" />
            <span>Goal: {goal} %</span>
          </li>
        </ul>
      </figcaption>
      <details class="trend-numbers text-sm">
        <summary class="font-semibold">The numbers, snapshot by snapshot</summary>
        {/* Many labels or large counts may be wider than a phone: then the table scrolls sideways in its own box,
            which takes focus so that a keyboard can scroll it. */}
        <div class="trend-scroll" tabIndex={0} role="region" aria-label={`The numbers ${subject}`}>
          <table class="trend-table" id={`${id}-table`}>
            <caption class="sr-only">{`Share of issues meeting the bar ${subject}, newest snapshot first`}</caption>
            <thead>
              <tr>
                <th scope="col">Snapshot</th>
                {series.map(({ name }) => (
                  <th key={name} scope="col">
                    <bdi>{name}</bdi>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {times
                .map((at, row) => (
                  <tr key={at}>
                    <th scope="row">{labels[row]}</th>
                    {series.map(({ name, points }) => {
                      const { tally, share } = points[row]!;
                      // A no-break space keeps "84 %" whole; the counts after it may go to the next line.
                      return (
                        <td key={name}>
                          {share === null ? '–' : `${sharePercent(share)}\u00a0% `}
                          {share !== null && <span>({formatCount(tally.healthy)} of {formatCount(heldToBar(tally))})</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))
                .reverse()}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function Swatch({ class: className }: { class: string }) {
  return (
    <svg aria-hidden="true" class="trend-swatch" viewBox="0 0 32 12">
      <line class={className} x1="2" x2="30" y1="6" y2="6" />
    </svg>
  );
}
