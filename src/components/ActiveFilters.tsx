import { FACETS, type Facet, type ViewState } from '../lib/model';
import { displayValue, FACET_NAMES } from './facet-names';

interface Props {
  view: ViewState;
  onRemove: (facet: Facet | 'available' | 'q', value?: string) => void;
  onClearAll: () => void;
}

/** Whether the view narrows the list at all (search text, a facet, or "only available"). */
export function hasActiveFilters(view: ViewState): boolean {
  return view.q.trim() !== '' || view.available || FACETS.some((facet) => view.filters[facet].length > 0);
}

/** The active search and filters as removable chips, with "Clear all". */
export function ActiveFilters({ view, onRemove, onClearAll }: Props) {
  if (!hasActiveFilters(view)) return null;
  const chips: Array<{ key: string; text: string; remove: () => void }> = [];
  if (view.q.trim()) chips.push({ key: 'q', text: `Search: “${view.q.trim()}”`, remove: () => onRemove('q') });
  for (const facet of FACETS) {
    for (const value of view.filters[facet]) {
      chips.push({
        key: `${facet}:${value}`,
        text: `${FACET_NAMES[facet]}: ${displayValue(facet, value)}`,
        remove: () => onRemove(facet, value),
      });
    }
  }
  if (view.available) chips.push({ key: 'available', text: 'Only available', remove: () => onRemove('available') });
  return (
    <div class="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          onClick={chip.remove}
          aria-label={`Remove ${chip.text}`}
          class="inline-flex max-w-full items-center gap-1 rounded-full border border-border bg-surface px-3 py-1 text-sm"
        >
          <span class="truncate">{chip.text}</span>
          <span aria-hidden="true">×</span>
        </button>
      ))}
      <button type="button" onClick={onClearAll} class="text-sm text-link underline">
        Clear all
      </button>
    </div>
  );
}
