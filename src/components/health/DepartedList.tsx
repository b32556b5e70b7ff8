import { useState } from 'preact/hooks';
import { DEPARTED_DAYS, DEPARTED_REASON_NAMES, departedCounts, departedInView, type DepartedFilters } from '../../lib/departed';
import type { SnapshotDeparted } from '../../lib/snapshot';
import { formatCount } from '../../lib/text/format';
import { GitlabLink } from '../GitlabLink';
import { Reference } from '../Reference';

/** Departures shown at first; the rest come with "Show more". */
const PAGE_SIZE = 50;

interface Props {
  /** The snapshot's departures, newest first. */
  departed: readonly SnapshotDeparted[];
  /** The view's label, stage and group filters: a group's view shows that group's departures. */
  filters: DepartedFilters;
}

/** What left the list in the last days, why and when, for the view's labels, stages and groups. */
export function DepartedList({ departed, filters }: Props) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const shown = departedInView(departed, filters);
  const counts = departedCounts(shown);
  return (
    <section aria-labelledby="departed-heading">
      <h2 id="departed-heading" class="text-xl font-semibold">
        Left the list in the last {DEPARTED_DAYS} days ({formatCount(shown.length)})
      </h2>
      {shown.length === 0 ? (
        <p class="mt-1">Nothing in this view left the list in the last {DEPARTED_DAYS} days.</p>
      ) : (
        <>
          <p class="mt-1" id="departed-counts">
            {counts.map(({ reason, count }) => `${DEPARTED_REASON_NAMES[reason]} ${formatCount(count)}`).join(', ')}
          </p>
          {counts.some(({ reason }) => reason === 'hidden') && (
            <p class="mt-1 max-w-prose text-sm text-muted">
              Hidden issues were deleted, made confidential or can no longer be seen: their titles are not shown.
            </p>
          )}
          <ol class="mt-3 flex flex-col gap-2" id="departed-issues">
            {shown.slice(0, limit).map((entry) => (
              <li key={entry.reference} class="rounded-md border border-border p-3" data-reference={entry.reference}>
                <p class="text-sm text-muted">
                  <GitlabLink url={entry.url}>
                    <Reference reference={entry.reference} />
                  </GitlabLink>{' '}
                  · <span class="font-semibold text-fg">{DEPARTED_REASON_NAMES[entry.reason]}</span> ·{' '}
                  <time dateTime={entry.at}>{entry.at.slice(0, 10)}</time>
                  {entry.group && (
                    <>
                      {' '}
                      · group::<bdi>{entry.group}</bdi>
                    </>
                  )}
                </p>
                {/* GitLab's text, isolated: a direction override in it cannot reorder the line. */}
                <p dir="auto" class="[overflow-wrap:anywhere]">
                  {entry.title || <span class="text-muted">Title not shown</span>}
                </p>
              </li>
            ))}
          </ol>
          {shown.length > limit && (
            // needs-js: without JavaScript the button could do nothing (global.css hides it).
            <button type="button" onClick={() => setLimit(limit + PAGE_SIZE)} class="needs-js mt-3 w-full rounded-md border border-border bg-surface px-4 py-2 font-medium">
              Show more ({formatCount(shown.length - limit)} left)
            </button>
          )}
        </>
      )}
    </section>
  );
}
