import type { ComponentChildren } from 'preact';
import { pathWithBase } from '../lib/links/site-paths';
import type { Issue } from '../lib/model';
import { referenceUrl, type ShortlistEntry } from '../lib/shortlist';
import { CopyButton } from './CopyButton';
import { GitlabLink } from './GitlabLink';
import { IssueCard } from './IssueCard';
import { isPlainClick } from './plain-click';
import { Reference } from './Reference';
import { ShortlistBar } from './ShortlistBar';
import { useSite } from './site-context';

interface Props {
  entries: readonly ShortlistEntry[];
  /** The link's title, plain text ('' for none). */
  title: string;
  /** The cards' clock, as in the list (null until the browser's is known). */
  now: number | null;
  /** Leaves the shortlist for the whole list. */
  onLeave: () => void;
  /** The href of the whole list. */
  homeHref: string;
}

/** A reference the list no longer has: it keeps its place, and says so rather than vanish. */
function GoneEntry({ reference }: { reference: string }) {
  const { gitlabUrl } = useSite();
  return (
    <article aria-label={reference} class="rounded-lg border border-dashed border-border p-4" data-gone="">
      <h3 class="font-mono text-base font-semibold [overflow-wrap:anywhere]">
        <GitlabLink url={referenceUrl(reference, gitlabUrl)}>
          <Reference reference={reference} />
        </GitlabLink>
      </h3>
      <p class="mt-1 text-sm text-muted">Closed or no longer curated: it is not on the list as of this snapshot.</p>
    </article>
  );
}

/**
 * A shortlist link's page: the picked issues in the order picked, live from this snapshot (each card says who is on
 * it now), the ones gone kept in place, and one button that copies every reference for the application form.
 */
export function ShortlistView({ entries, title, now, onLeave, homeHref }: Props) {
  const { apply, asOf } = useSite();
  const found = entries.filter((entry): entry is ShortlistEntry & { issue: Issue } => entry.issue !== null);
  const gone = entries.length - found.length;
  const references = entries.map((entry) => entry.reference).join('\n');
  return (
    <section aria-labelledby="shortlist-heading" class="min-w-0">
      {/* The title comes from the link: plain text, isolated. */}
      <h2 id="shortlist-heading" dir="auto" class="text-2xl font-bold [overflow-wrap:anywhere]">
        {title ? <bdi>{title}</bdi> : 'Shortlist'}
      </h2>
      <p role="status" class="mt-1 text-sm text-muted">
        {entries.length} {entries.length === 1 ? 'issue' : 'issues'} picked
        {gone > 0 && `, ${gone} no longer on the list`}, as of{' '}
        <time dateTime={new Date(asOf).toISOString()}>{new Date(asOf).toISOString().slice(0, 10)}</time>
      </p>
      <p class="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm print:hidden">
        <CopyButton
          text={() => references}
          label="Apply with these issues"
          copied="References copied"
          announced="Every reference copied: paste them in the application form"
          failed="Could not copy; the references are on each card"
          class="rounded-md bg-accent px-3 py-1.5 font-semibold text-accent-fg"
        />
        <span>
          copies every reference; then paste them in the{' '}
          <a href={apply.formUrl} rel="noopener noreferrer">
            application form
          </a>
          .
        </span>
        <a
          href={homeHref}
          onClick={(event) => {
            if (!isPlainClick(event)) return;
            event.preventDefault();
            onLeave();
          }}
          class="ml-auto"
        >
          See every curated issue
        </a>
      </p>
      <ol class="mt-4 flex flex-col gap-3">
        {entries.map((entry) => (
          <li key={entry.reference}>{entry.issue ? <IssueCard issue={entry.issue} now={now} /> : <GoneEntry reference={entry.reference} />}</li>
        ))}
      </ol>
    </section>
  );
}

interface PageProps extends Omit<Props, 'entries' | 'homeHref'> {
  /** The picks, once the data is there. */
  entries: readonly ShortlistEntry[] | null;
  loading: boolean;
  /** What to show when the data could not be loaded (the alert with Try again), or null. */
  failure: ComponentChildren;
  /** Shows the visitor's own shortlist (from its bar). */
  onShow: (references: readonly string[], title: string) => void;
}

/** The list page as a shortlist link shows it: the picks alone, one column, and the visitor's own shortlist bar. */
export function ShortlistPage({ entries, title, now, loading, failure, onLeave, onShow }: PageProps) {
  return (
    <div class="mx-auto max-w-4xl px-4 py-6">
      <main id="main" class="min-w-0" aria-busy={loading}>
        {entries ? (
          <ShortlistView entries={entries} title={title} now={now} homeHref={pathWithBase('')} onLeave={onLeave} />
        ) : (
          (failure ?? (
            <p role="status" class="text-sm text-muted">
              Loading the shortlist…
            </p>
          ))
        )}
        <ShortlistBar onShow={onShow} />
      </main>
    </div>
  );
}
