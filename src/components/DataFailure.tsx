import { pathWithBase } from '../lib/links/site-paths';

interface Props {
  /** What cannot work without the data, e.g. "Search and filters need it." */
  needs: string;
  /** Tries that failed so far: from the second on the alert says "still", which is announced anew. */
  failures: number;
  /** A new try is under way: the button keeps its place and the focus, but does nothing meanwhile. */
  retrying: boolean;
  onRetry: () => void;
}

/**
 * What the list (or a shortlist) says when its data could not be loaded. An alert rather than the grey count line,
 * since search and filters are out of order until it has loaded: it offers to load the data again without reloading the page (the
 * URL's view then applies), and points to the plain pages, which list every issue without it.
 */
export function DataFailure({ needs, failures, retrying, onRetry }: Props) {
  return (
    <div role="alert" class="mt-3 rounded-lg border-2 border-bad bg-surface p-4">
      <p class="font-semibold">The issue data {failures > 1 ? 'still ' : ''}could not be loaded.</p>
      <p class="mt-1 text-sm">
        {needs} Try again, or browse every issue on the <a href={pathWithBase('all/')}>plain pages</a>, which
        work without it.
      </p>
      {/* aria-disabled, not disabled, while trying: a disabled button would drop the keyboard focus. */}
      <button
        type="button"
        aria-disabled={retrying}
        onClick={() => retrying || onRetry()}
        class="mt-3 h-10 rounded-md bg-accent px-4 font-semibold text-accent-fg aria-disabled:cursor-progress"
      >
        Try again
      </button>
    </div>
  );
}
