import { calendarDate, exactTime, relativeTime } from '../lib/text/time';

interface Props {
  /** The time, in milliseconds. */
  ms: number;
  /** The reader's clock, or null where it is not known: on the server, building static HTML. */
  now: number | null;
}

/**
 * A time said as honestly as the page can: "5 hours ago" against the reader's clock, or, rendered without one, the
 * date (a build-time age would go stale in the HTML). The date carries `data-relative`, so relative-times.ts says
 * "… ago" in its place once scripts run: with JavaScript every page gives ages, without it every page gives dates,
 * and the tooltip always has the exact time.
 */
export function RelativeTime({ ms, now }: Props) {
  return (
    <time dateTime={new Date(ms).toISOString()} title={exactTime(ms)} data-relative={now === null ? '' : undefined}>
      {now === null ? calendarDate(ms) : relativeTime(ms, now)}
    </time>
  );
}
