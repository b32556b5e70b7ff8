import { labelSlug, pathWithBase } from '../lib/links/site-paths';

// The page that explains each curated label (src/pages/labels.astro), one section per label.
const LABELS_PAGE = pathWithBase('labels/');

/** A curated label as a card or a row shows it: a pill linking to why the label puts issues on the list. */
export function CuratedLabelLink({ label }: { label: string }) {
  return (
    // aria-label: hidden text after the label would be read with a stray space ("co-create : why…"). dir="auto"
    // isolates the link itself, so the label's text needs no element of its own.
    <a
      href={`${LABELS_PAGE}#${labelSlug(label)}`}
      aria-label={`${label}: why is this listed?`}
      dir="auto"
      class="curated-pill"
    >
      {label}
    </a>
  );
}
