import { useEffect, useRef } from 'preact/hooks';
import { FACETS, hasActiveFilters, type ViewFilter, type ViewState } from '../lib/model';
import { displayValue, FACET_NAMES } from './facet-names';

interface Props {
  view: ViewState;
  onRemove: (what: ViewFilter, value?: string) => void;
  onClearAll: () => void;
  /** The id of what takes the focus once the last chip is gone (the search box on the list page). */
  focusWhenEmpty: string;
  /** The data is not there yet (or could not be loaded): the chips say what the URL asks, not what is shown. */
  pending?: boolean;
  /** Chips of filters a page has beyond the view's (the /health page's problem), after the view's own. */
  more?: readonly Chip[];
}

/** One removable chip. */
export interface Chip {
  key: string;
  /** What it filters by, e.g. "Group". */
  name: string;
  /** The value, which comes from the URL; none for "Only available". */
  value?: string;
  /** The search is shown in quotes. */
  quoted?: boolean;
  remove: () => void;
}

const shown = ({ value, quoted }: Chip) => (quoted ? `“${value}”` : value);

const PENDING_ID = 'filters-pending';

/** The active search and filters as removable chips, with "Clear all". */
export function ActiveFilters({ view, onRemove, onClearAll, focusWhenEmpty, pending = false, more = [] }: Props) {
  // A removed chip takes the focus with it: the chip now in its place (or the last one) gets it, and with no chips
  // left, `focusWhenEmpty` does, so a keyboard user goes on from where they were.
  const group = useRef<HTMLDivElement>(null);
  // Where the removed chip was, and how many chips there were: an effect of an earlier render may run first (Preact
  // flushes them before rendering anew), so the focus moves only once the chip is gone from the page.
  const refocus = useRef<{ at: number; before: number } | null>(null);
  useEffect(() => {
    const chips = group.current?.querySelectorAll<HTMLButtonElement>('button[data-chip]') ?? [];
    if (!refocus.current || chips.length >= refocus.current.before) return;
    const { at } = refocus.current;
    refocus.current = null;
    (chips[Math.min(at, chips.length - 1)] ?? document.getElementById(focusWhenEmpty))?.focus();
  });
  if (!hasActiveFilters(view) && more.length === 0) return null;
  const chips: Chip[] = [];
  if (view.q.trim()) chips.push({ key: 'q', name: 'Search', value: view.q.trim(), quoted: true, remove: () => onRemove('q') });
  for (const facet of FACETS) {
    for (const value of view.filters[facet]) {
      chips.push({ key: `${facet}:${value}`, name: FACET_NAMES[facet], value: displayValue(facet, value), remove: () => onRemove(facet, value) });
    }
  }
  if (view.available) chips.push({ key: 'available', name: 'Only available', remove: () => onRemove('available') });
  if (view.ready) chips.push({ key: 'ready', name: 'Ready to pick up', remove: () => onRemove('ready') });
  chips.push(...more);
  return (
    // needs-js: the chips come from the URL, which only the island reads.
    <div ref={group} class="needs-js flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      {chips.map((chip, at) => (
        <button
          key={chip.key}
          type="button"
          data-chip
          onClick={() => {
            refocus.current = { at, before: chips.length };
            chip.remove();
          }}
          aria-label={`Remove ${chip.name}${chip.value === undefined ? '' : `: ${shown(chip)}`}`}
          aria-describedby={pending ? PENDING_ID : undefined}
          data-pending={pending ? '' : undefined}
          // A pending chip is dashed and muted: the list below does not show its view yet.
          class={`inline-flex max-w-full items-center gap-1 rounded-full border px-3 py-1 text-sm ${pending ? 'border-dashed border-border text-muted' : 'border-border bg-surface'}`}
        >
          {/* The value is isolated in a <bdi>, so a direction override in it cannot reorder the chip's own words. */}
          <span class="truncate">
            {chip.name}
            {chip.value !== undefined && (
              <>
                : {chip.quoted && '“'}
                <bdi>{chip.value}</bdi>
                {chip.quoted && '”'}
              </>
            )}
          </span>
          <span aria-hidden="true">×</span>
        </button>
      ))}
      <button
        type="button"
        onClick={() => {
          refocus.current = { at: 0, before: chips.length };
          onClearAll();
        }}
        class="text-sm text-link underline"
      >
        Clear all
      </button>
      {pending && (
        <span id={PENDING_ID} class="text-sm text-muted">
          Not applied until the issues have loaded
        </span>
      )}
    </div>
  );
}
