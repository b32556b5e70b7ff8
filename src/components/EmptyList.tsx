import type { ViewState } from '../lib/model';
import { useSite } from './site-context';

/** A view that no issue matches: what it asked for, and a way to start over. */
export function NoResults({ view, onClearAll }: { view: ViewState; onClearAll: () => void }) {
  return (
    <div class="mt-6 rounded-lg border border-dashed border-border p-6 text-center">
      {/* The search is isolated, so a direction override in it cannot reorder the sentence, and may break anywhere: a
          long word from a crafted link must not widen the page. */}
      <p class="font-semibold [overflow-wrap:anywhere]">
        No issues match{' '}
        {view.q.trim() && (
          <>
            “<bdi>{view.q.trim()}</bdi>” with{' '}
          </>
        )}
        these filters.
      </p>
      <p class="mt-1 text-sm text-muted">Remove a filter above, or start over.</p>
      <button type="button" onClick={onClearAll} class="mt-3 rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg">
        Clear all filters
      </button>
    </div>
  );
}

/** A snapshot without a single curated issue: said plainly, with the way to GitLab's own tracker. */
export function EmptySnapshot() {
  const { gitlabUrl } = useSite();
  return (
    <div class="mt-6 rounded-lg border border-dashed border-border p-6 text-center">
      <p class="font-semibold">No curated issues are open right now.</p>
      <p class="mt-1 text-sm text-muted">
        The list is refreshed every night. Meanwhile, GitLab's own issue tracker is at{' '}
        <a href={gitlabUrl} rel="noopener noreferrer">
          {new URL(gitlabUrl).host}
        </a>
        .
      </p>
    </div>
  );
}
