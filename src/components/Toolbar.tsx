import { useEffect, useRef } from 'preact/hooks';
import type { Density, SortKey } from '../lib/model';
import { CopyLinkButton } from './CopyLinkButton';

const SORT_NAMES: Array<[SortKey, string]> = [
  ['relevance', 'Best match'],
  ['recommended', 'Recommended'],
  ['updated', 'Last updated'],
  ['newest', 'Newest'],
  ['upvotes', 'Most upvoted'],
  ['comments', 'Most discussed'],
  ['weight', 'Lowest weight'],
];

const DENSITY_NAMES: Array<[Density, string]> = [
  ['cards', 'Cards'],
  ['compact', 'Compact'],
];

interface Props {
  q: string;
  sort: SortKey;
  density: Density;
  /** The text as typed; `complete` when the visitor pressed Enter. */
  onQuery: (q: string, complete: boolean) => void;
  onSort: (sort: SortKey) => void;
  onDensity: (density: Density) => void;
  /** The data could not be loaded: there is nothing to search or sort. */
  disabled?: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** Search box (`/` focuses it), sort order, cards or compact rows, and a button that copies the link to the view. */
export function Toolbar({ q, sort, density, onQuery, onSort, onDensity, disabled = false }: Props) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div class="flex flex-col gap-2 sm:flex-row sm:items-end print:hidden">
      {/* needs-js, here and on the sort, the view toggle and Copy link: without JavaScript none could do anything. */}
      <div class="needs-js min-w-0 flex-1">
        {/* The key's hint is left out where touch is the only way in: a phone or tablet has no key to press. */}
        <label for="search" class="text-sm font-semibold">
          Search issues <span class="font-normal text-muted [@media(hover:none)_and_(pointer:coarse)]:hidden">(press <kbd class="rounded border border-border px-1">/</kbd>)</span>
        </label>
        {/* contain:strict: the box's size never depends on its text, so each typed character lays out the input
            alone, not the page around it (1.3 → 1.0 ms from keydown to the input event); block, because a
            contained inline box would sit on the text baseline and add a line's descent below it. */}
        <input
          ref={input}
          id="search"
          type="search"
          value={q}
          disabled={disabled}
          onInput={(event) => onQuery((event.currentTarget as HTMLInputElement).value, false)}
          onKeyDown={(event) => {
            // Enter completes the query: a filter typed at its end (group::runner, is:ready) becomes a chip.
            if (event.key === 'Enter') onQuery((event.currentTarget as HTMLInputElement).value, true);
          }}
          placeholder="Title, #iid, project, group::runner, is:ready…"
          autocomplete="off"
          spellcheck={false}
          class="mt-1 block h-10 w-full rounded-md border border-border bg-bg px-3 [contain:strict] disabled:opacity-60"
        />
      </div>
      <div class="flex flex-wrap items-end gap-2">
        <div class="needs-js">
          <label for="sort" class="text-sm font-semibold">
            Sort by
          </label>
          <select
            id="sort"
            value={sort}
            disabled={disabled}
            onChange={(event) => onSort((event.currentTarget as HTMLSelectElement).value as SortKey)}
            class="mt-1 block h-10 rounded-md border border-border bg-bg px-2 disabled:opacity-60"
          >
            {SORT_NAMES.filter(([key]) => key !== 'relevance' || q.trim() !== '').map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        </div>
        {/* Two toggle buttons in a named group ("View, group: Cards, toggle button, pressed"): one stop each in the
            tab order, both always visible, and the focus stays on the button pressed, which stays where it is. */}
        <div role="group" aria-labelledby="density-label" class="needs-js">
          {/* Inline, like the label of the select beside it, so that both sit on the same line. */}
          <span id="density-label" class="text-sm font-semibold">
            View
          </span>
          <div class="mt-1 flex h-10">
            {DENSITY_NAMES.map(([key, name]) => (
              <button
                key={key}
                type="button"
                aria-pressed={density === key}
                onClick={() => onDensity(key)}
                class="border border-border bg-bg px-3 text-sm font-medium first:rounded-l-md last:-ml-px last:rounded-r-md focus-visible:z-10 aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-fg aria-pressed:z-[1]"
              >
                {name}
              </button>
            ))}
          </div>
        </div>
        <CopyLinkButton class="h-10 shrink-0 rounded-md border border-border bg-surface px-3 text-sm font-medium" />
      </div>
    </div>
  );
}
