import { FACETS, hasActiveFilters, type ViewFilter, type ViewState } from '../lib/model';
import { displayValue, FACET_NAMES } from './facet-names';

interface Props {
  view: ViewState;
  onRemove: (what: ViewFilter, value?: string) => void;
  onClearAll: () => void;
}

interface Chip {
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

/** The active search and filters as removable chips, with "Clear all". */
export function ActiveFilters({ view, onRemove, onClearAll }: Props) {
  if (!hasActiveFilters(view)) return null;
  const chips: Chip[] = [];
  if (view.q.trim()) chips.push({ key: 'q', name: 'Search', value: view.q.trim(), quoted: true, remove: () => onRemove('q') });
  for (const facet of FACETS) {
    for (const value of view.filters[facet]) {
      chips.push({ key: `${facet}:${value}`, name: FACET_NAMES[facet], value: displayValue(facet, value), remove: () => onRemove(facet, value) });
    }
  }
  if (view.available) chips.push({ key: 'available', name: 'Only available', remove: () => onRemove('available') });
  if (view.ready) chips.push({ key: 'ready', name: 'Ready to pick up', remove: () => onRemove('ready') });
  return (
    <div class="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          onClick={chip.remove}
          aria-label={`Remove ${chip.name}${chip.value === undefined ? '' : `: ${shown(chip)}`}`}
          class="inline-flex max-w-full items-center gap-1 rounded-full border border-border bg-surface px-3 py-1 text-sm"
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
      <button type="button" onClick={onClearAll} class="text-sm text-link underline">
        Clear all
      </button>
    </div>
  );
}
