import { Component } from 'preact';
import { useState } from 'preact/hooks';
import type { FacetOption } from '../lib/view/facets';

interface Props {
  id: string;
  legend: string;
  options: FacetOption[];
  display?: (value: string) => string;
  /** Until the data is there (FilterPanel). */
  disabled?: boolean;
  onToggle: (value: string, selected: boolean) => void;
}

// Long lists (groups, projects) show their top options first; the rest are one click away.
const COLLAPSED_COUNT = 8;

const sameOptions = (a: readonly FacetOption[], b: readonly FacetOption[]) =>
  a.length === b.length && a.every((option, i) => option.value === b[i]!.value && option.count === b[i]!.count && option.selected === b[i]!.selected);

/**
 * One facet as a group of checkboxes, each with the count it would yield. It renders again only when its options
 * (or handlers) change: a keystroke leaves most facets' counts as they were, and re-rendering all seven was a
 * tenth of the keystroke. The handlers must therefore keep their identity across renders.
 */
export class FacetGroup extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const now = this.props;
    return (
      next.id !== now.id ||
      next.legend !== now.legend ||
      next.disabled !== now.disabled ||
      next.display !== now.display ||
      next.onToggle !== now.onToggle ||
      !sameOptions(next.options, now.options)
    );
  }

  override render(props: Props) {
    return <Options {...props} />;
  }
}

function Options({ id, legend, options, display = (value) => value, disabled = false, onToggle }: Props) {
  const [expanded, setExpanded] = useState(false);
  if (options.length === 0) return null;
  const shown = expanded ? options : options.filter((option, i) => i < COLLAPSED_COUNT || option.selected);
  const hidden = options.length - shown.length;
  return (
    // Disabled as a whole: its boxes and "Show all" (and, for checkers of contrast, its dimmed legend).
    <fieldset disabled={disabled} class="min-w-0 border-t border-border pt-3">
      <legend class="float-left mb-1 w-full text-sm font-semibold">{legend}</legend>
      <ul class="clear-both flex min-w-0 flex-col gap-0.5" id={`${id}-options`}>
        {shown.map((option) => {
          const inputId = `${id}-${option.value}`;
          return (
            <li key={option.value} class="flex min-w-0 items-center gap-2 text-sm">
              <input
                type="checkbox"
                id={inputId}
                checked={option.selected}
                onChange={(event) => onToggle(option.value, (event.currentTarget as HTMLInputElement).checked)}
                class="h-4 w-4 shrink-0 accent-accent"
              />
              <label for={inputId} class={`flex min-w-0 flex-1 justify-between gap-2 ${option.count === 0 && !option.selected ? 'text-muted' : ''}`}>
                <span class="truncate" dir="auto" title={display(option.value)}>
                  {display(option.value)}
                </span>
                <span class="tabular-nums text-muted">{option.count}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {(hidden > 0 || expanded) && options.length > COLLAPSED_COUNT && (
        <button
          type="button"
          class="mt-1 text-sm text-link underline"
          aria-expanded={expanded}
          aria-controls={`${id}-options`}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer' : `Show all ${options.length}`}
        </button>
      )}
    </fieldset>
  );
}
