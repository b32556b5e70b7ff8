import { useMemo, useState } from 'preact/hooks';
import { FACETS, type Facet } from '../lib/model';
import type { FacetOption } from '../lib/view/facets';
import { displayValue, FACET_NAMES } from './facet-names';
import { FacetGroup } from './FacetGroup';

/** A yes/no filter above the facets, with the count it would give. */
export interface ViewToggle {
  key: 'ready' | 'available';
  label: string;
  /** What it means, in a few words under the label. */
  hint: string;
  checked: boolean;
  count: number;
}

interface Props {
  facets: Record<Facet, FacetOption[]>;
  toggles: readonly ViewToggle[];
  onToggle: (facet: Facet, value: string, selected: boolean) => void;
  onToggleView: (key: ViewToggle['key'], on: boolean) => void;
}

/** The toggles and every facet with its counts; collapsed behind a button on narrow screens. */
export function FilterPanel({ facets, toggles, onToggle, onToggleView }: Props) {
  // Always open from the md breakpoint.
  const [open, setOpen] = useState(false);
  const handlers = useMemo(
    () =>
      FACETS.map((facet) => ({
        display: (value: string) => displayValue(facet, value),
        toggle: (value: string, selected: boolean) => onToggle(facet, value, selected),
      })),
    [onToggle],
  );
  return (
    <aside aria-label="Filters" class="min-w-0">
      <button
        type="button"
        class="w-full rounded-md border border-border bg-surface px-4 py-2 text-left font-medium md:hidden"
        aria-expanded={open}
        aria-controls="filter-panel"
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide filters' : 'Show filters'}
      </button>
      <div id="filter-panel" class={`${open ? 'flex' : 'hidden'} mt-3 flex-col gap-3 md:mt-0 md:flex`}>
        {toggles.map((toggle) => (
          <div key={toggle.key} class="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              id={`only-${toggle.key}`}
              checked={toggle.checked}
              onChange={(event) => onToggleView(toggle.key, (event.currentTarget as HTMLInputElement).checked)}
              class="h-4 w-4 shrink-0 accent-accent"
            />
            <label for={`only-${toggle.key}`} class="flex flex-1 justify-between gap-2 font-semibold">
              <span>
                {toggle.label} <span class="block text-xs font-normal text-muted">{toggle.hint}</span>
              </span>
              <span class="tabular-nums font-normal text-muted">{toggle.count}</span>
            </label>
          </div>
        ))}
        {FACETS.map((facet, f) => (
          <FacetGroup
            key={facet}
            id={`facet-${facet}`}
            legend={FACET_NAMES[facet]}
            options={facets[facet]}
            display={handlers[f]!.display}
            onToggle={handlers[f]!.toggle}
          />
        ))}
      </div>
    </aside>
  );
}
