import type { Ref } from 'preact';
import { useRef } from 'preact/hooks';
import { itemKey, type Density, type Issue } from '../lib/model';
import { withStaleTail, type ListEntry } from '../lib/view/stale-tail';
import { ResultCard } from './ResultCard';

type Words = ReadonlySet<string> | null;

interface Props {
  /** The results rendered so far, and how many the list holds once the fill is done. */
  shown: readonly Issue[];
  wanted: number;
  words: Words;
  now: number | null;
  density: Density;
  /** The server's cards, shown until the data arrives. */
  served: boolean;
  listRef: Ref<HTMLOListElement>;
}

/**
 * The results as cards or rows. While the list fills, what the previous view showed below the fresh results stays in
 * place, not rendered (and so unread), until the fill replaces it: see withStaleTail and global.css's `.result`.
 */
export function ResultList({ shown, wanted, words, now, density, served, listRef }: Props) {
  const previous = useRef<{ entries: ListEntry<Issue, Words>[]; density: Density }>({ entries: [], density });
  const entries = withStaleTail(shown, words, wanted, previous.current.entries, itemKey, previous.current.density === density);
  previous.current = { entries, density };
  return (
    // data-served marks the cards the server rendered, shown until the data arrives: global.css cuts them short for a
    // visitor who chose compact rows, until the island has rendered the rows.
    <ol
      ref={listRef}
      data-density={density}
      data-served={served ? '' : undefined}
      class={density === 'compact' ? 'mt-3 divide-y divide-border overflow-hidden rounded-lg border border-border' : 'mt-3 flex flex-col gap-3'}
    >
      {entries.map(({ item, words: rendered, stale }) => (
        <li key={itemKey(item)} class={stale ? 'result stale' : 'result'}>
          <ResultCard issue={item} now={now} words={rendered} density={density} />
        </li>
      ))}
    </ol>
  );
}
