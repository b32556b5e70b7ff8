import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FACETS, type Facet } from '../lib/model';
import { formatCount } from '../lib/text/format';
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
  /** How many issues the view shows, for the drawer's "Show N results"; null while that is not known yet. */
  resultCount: number | null;
  /**
   * Until the data is there the boxes are disabled: their counts are the served default view's, and a tick could not
   * be applied. Dimmed too once it has failed (not while it loads: every visit would see the panel flash).
   */
  disabled?: 'loading' | 'failed' | undefined;
  onToggle: (facet: Facet, value: string, selected: boolean) => void;
  onToggleView: (key: ViewToggle['key'], on: boolean) => void;
}

// Where the sidebar starts (Tailwind's md); narrower, the filters open in a drawer.
const SIDEBAR = '(min-width: 48rem)';

/**
 * The toggles and every facet with its counts: a sidebar from the md breakpoint; narrower, a full-height drawer
 * opened by a button. The drawer is a modal <dialog>: the browser keeps the focus in it, makes the page behind it
 * inert, closes it on Escape and gives the focus back to the button. Changes in it apply at once, as in the sidebar;
 * its footer says how many issues they leave and closes it.
 */
export function FilterPanel({ facets, toggles, resultCount, disabled, onToggle, onToggleView }: Props) {
  const [drawer, setDrawer] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const handlers = useMemo(
    () =>
      FACETS.map((facet) => ({
        display: (value: string) => displayValue(facet, value),
        toggle: (value: string, selected: boolean) => onToggle(facet, value, selected),
      })),
    [onToggle],
  );

  // Modal before the first paint, so the filters never show in the page's flow.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!drawer || !element) return;
    element.showModal();
    // The page behind does not scroll while the drawer is open. A class set here rather than `html:has(dialog:modal)`
    // in CSS: with :has() on <html>, Chromium checked the page's style again on every DOM change, every keystroke too.
    const page = document.documentElement.classList;
    page.add('overflow-hidden');
    // Widened to the sidebar (a phone turned, a window resized), the drawer has no place: the sidebar shows the same.
    const wide = matchMedia(SIDEBAR);
    const onChange = () => wide.matches && element.close();
    wide.addEventListener('change', onChange);
    return () => {
      page.remove('overflow-hidden');
      wide.removeEventListener('change', onChange);
    };
  }, [drawer]);

  const close = () => dialog.current?.close();
  // However it closed (Escape, a button): the filters go back to the sidebar's place, the focus to the button.
  const closed = () => {
    setDrawer(false);
    opener.current?.focus();
  };

  // One set of filters, in the sidebar or in the drawer: never both, so that their ids stay unique.
  const filters = (
    <div id="filter-panel" class={`${drawer ? 'flex' : 'hidden md:flex'} flex-col gap-3 ${disabled === 'failed' ? 'opacity-60' : ''}`}>
      {toggles.map((toggle) => (
        <div key={toggle.key} class="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            id={`only-${toggle.key}`}
            checked={toggle.checked}
            disabled={disabled !== undefined}
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
          disabled={disabled !== undefined}
          onToggle={handlers[f]!.toggle}
        />
      ))}
    </div>
  );

  return (
    // Not there without JavaScript (needs-js): its boxes would look usable and do nothing.
    <aside aria-label="Filters" class="paints-apart needs-js min-w-0 md:w-64 md:shrink-0">
      <button
        ref={opener}
        type="button"
        aria-haspopup="dialog"
        class="w-full rounded-md border border-border bg-surface px-4 py-2 text-left font-medium md:hidden"
        onClick={() => setDrawer(true)}
      >
        Show filters
      </button>
      {drawer ? (
        // Full height, the whole width of a phone; open:flex, as a closed dialog must stay display: none.
        <dialog
          ref={dialog}
          aria-labelledby="filters-heading"
          onClose={closed}
          // A tap beside the drawer, on the backdrop, closes it: only there is the dialog itself what is hit, as its
          // parts fill it.
          onClick={(event) => event.target === event.currentTarget && close()}
          class="m-0 h-dvh max-h-none w-full max-w-sm flex-col overflow-hidden bg-bg text-fg shadow-xl backdrop:bg-black/50 open:flex"
        >
          <div class="flex shrink-0 items-center justify-between gap-3 border-b border-border bg-surface px-4 py-2">
            <h2 id="filters-heading" class="text-lg font-semibold">
              Filters
            </h2>
            <button type="button" onClick={close} class="h-10 rounded-md border border-border bg-bg px-3 text-sm font-medium">
              Close
            </button>
          </div>
          {/* Only the filters scroll, and a scroll that reaches their end does not carry on to the page behind. With
              every box disabled (no data yet) nothing in it takes the focus, so it takes it itself: a keyboard still
              scrolls it. */}
          <div
            tabIndex={disabled === undefined ? undefined : 0}
            aria-labelledby={disabled === undefined ? undefined : 'filters-heading'}
            role={disabled === undefined ? undefined : 'group'}
            class="min-h-0 flex-1 overflow-y-auto overscroll-contain px-4 py-3"
          >
            {filters}
          </div>
          {/* Live: a screen reader hears the new count after each change, as the page's status line is behind. */}
          <div aria-live="polite" class="shrink-0 border-t border-border bg-surface px-4 py-3">
            <button type="button" onClick={close} class="h-11 w-full rounded-md bg-accent px-4 font-semibold text-accent-fg">
              {resultCount === null ? 'Show results' : `Show ${formatCount(resultCount)} ${resultCount === 1 ? 'result' : 'results'}`}
            </button>
          </div>
        </dialog>
      ) : (
        filters
      )}
    </aside>
  );
}
