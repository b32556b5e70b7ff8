import { toggleShortlisted } from '../client/shortlist-store';
import { SHORTLIST_MAX } from '../lib/shortlist';
import { useShortlist } from './use-shortlist';

/**
 * "Shortlist" on a card: a toggle button (aria-pressed) that puts the issue on the visitor's shortlist or takes it
 * off. Its name ("Shortlist gitlab-org/gitlab#1") stays the same whatever its state, which aria-pressed tells; a check
 * mark shows it. It keeps its own
 * subscription to the shortlist, so a card does not render again when the shortlist changes.
 */
export function ShortlistToggle({ reference, small = false }: { reference: string; small?: boolean }) {
  const { references } = useShortlist();
  const on = references.includes(reference);
  const full = !on && references.length >= SHORTLIST_MAX;
  return (
    <button
      type="button"
      aria-pressed={on}
      disabled={full}
      title={full ? `The shortlist holds at most ${SHORTLIST_MAX} issues` : undefined}
      onClick={() => toggleShortlisted(reference)}
      // The mark is drawn by CSS (before:), so the button is one element with one text.
      aria-label={`Shortlist ${reference}`}
      class={`needs-js rounded-md border border-border bg-surface font-medium before:content-['+_'] aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-fg aria-pressed:before:content-['✓_'] disabled:opacity-60 ${small ? 'px-1.5 text-xs leading-5' : 'px-2 py-0.5 text-sm'}`}
    >
      Shortlist
    </button>
  );
}
