import { Fragment } from 'preact';
import type { IgnoredValue } from '../lib/model';
import { FACET_NAMES } from './facet-names';

/** What a link asked for that no issue has, so a view that shows more than asked says why. */
export function IgnoredValues({ ignored }: { ignored: readonly IgnoredValue[] }) {
  if (ignored.length === 0) return null;
  return (
    <p class="mt-1 text-sm text-muted [overflow-wrap:anywhere]">
      Ignored, as no issue has it:{' '}
      {ignored.map(({ facet, value }, i) => (
        // Values come from the URL: each is isolated, so a direction override in one cannot reorder the note.
        <Fragment key={`${facet}:${value}`}>
          {i > 0 && ', '}
          {FACET_NAMES[facet].toLowerCase()} “<bdi>{value}</bdi>”
        </Fragment>
      ))}
    </p>
  );
}
