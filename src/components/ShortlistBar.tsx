import { clearShortlist, setShortlistTitle } from '../client/shortlist-store';
import { emptyView } from '../lib/model';
import { viewPath } from '../lib/view/url-state';
import { CopyButton } from './CopyButton';
import { isPlainClick } from './plain-click';
import { useSite } from './site-context';
import { useShortlist } from './use-shortlist';

interface Props {
  /** Shows the shortlist as the link shows it (the list page with `?ref=`). */
  onShow: (references: readonly string[], title: string) => void;
}

/**
 * The visitor's shortlist while it has issues: how many, a title for its link, Show, Copy shortlist link and Clear.
 * Sticky at the bottom of the list, so it stays at hand while picking; it needs JavaScript, as the shortlist does.
 */
export function ShortlistBar({ onShow }: Props) {
  const { curatedLabels } = useSite();
  const { references, title } = useShortlist();
  if (references.length === 0) return null;
  // The view a shortlist link is, written by the one serializer of views: `?ref=…&ref=…&title=…`.
  const href = viewPath({ ...emptyView(), refs: [...references], title }, curatedLabels);
  const count = `${references.length} ${references.length === 1 ? 'issue' : 'issues'}`;
  const button = 'h-9 rounded-md border border-border bg-bg px-2 text-sm font-medium sm:px-3';
  return (
    // On a phone, one line that leaves the list in view: the title for the link is set on a wider screen.
    <section aria-label="Your shortlist" class="needs-js sticky bottom-0 z-10 mt-4 rounded-t-lg border border-border bg-surface p-2 shadow-md sm:p-3 print:hidden">
      <div class="flex flex-wrap items-center gap-2 sm:items-end">
        <p class="mr-auto text-sm font-semibold" aria-live="polite">
          Shortlist: {count}
        </p>
        <label class="hidden min-w-0 flex-col text-sm sm:flex">
          <span class="font-semibold">Title of the link (optional)</span>
          <input
            type="text"
            value={title}
            maxLength={120}
            placeholder="For ACME — verify quick wins"
            onChange={(event) => setShortlistTitle((event.currentTarget as HTMLInputElement).value)}
            class="mt-1 h-9 w-64 max-w-full rounded-md border border-border bg-bg px-2"
          />
        </label>
        <a
          href={href}
          onClick={(event) => {
            if (!isPlainClick(event)) return;
            event.preventDefault();
            onShow(references, title);
          }}
          class={`${button} inline-flex items-center no-underline`}
        >
          Show shortlist
        </a>
        <CopyButton
          text={() => new URL(href, location.href).href}
          label="Copy shortlist link"
          copied="Link copied"
          announced="Link to the shortlist copied"
          failed="Could not copy; open the shortlist and copy the address"
          class={button}
        />
        <button type="button" onClick={clearShortlist} class={button}>
          Clear
        </button>
      </div>
    </section>
  );
}
