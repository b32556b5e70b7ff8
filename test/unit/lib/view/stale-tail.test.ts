import { describe, expect, it } from 'vitest';
import { withStaleTail, type ListEntry } from '../../../../src/lib/view/stale-tail';

const key = (item: string) => item;
const entry = (item: string, words = 'old', stale = false): ListEntry<string, string> => ({ item, words, stale });
const page = (items: string[]) => items.map((item) => entry(item));

describe('withStaleTail', () => {
  const previous = page(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);

  it('keeps what the previous render showed after the fresh results, stale, with the words it was rendered with', () => {
    expect(withStaleTail(['x', 'y'], 'new', 8, previous, key, true)).toEqual([
      entry('x', 'new'),
      entry('y', 'new'),
      ...['c', 'd', 'e', 'f', 'g', 'h'].map((item) => entry(item, 'old', true)),
    ]);
  });

  it('leaves out of the tail what is fresh now, so no item is listed twice', () => {
    const list = withStaleTail(['x', 'e'], 'new', 8, previous, key, true);
    expect(list.map((e) => e.item)).toEqual(['x', 'e', 'c', 'd', 'f', 'g', 'h']);
    expect(list.filter((e) => e.item === 'e')).toEqual([entry('e', 'new')]);
  });

  it('holds no more than the list will once filled', () => {
    expect(withStaleTail(['x', 'y'], 'new', 4, previous, key, true).map((e) => e.item)).toEqual(['x', 'y', 'c', 'd']);
  });

  it('has no tail once the fill is done, or when the previous entries are of another kind', () => {
    expect(withStaleTail(['x', 'y', 'z'], 'new', 3, previous, key, true)).toEqual(page(['x', 'y', 'z']).map((e) => ({ ...e, words: 'new' })));
    expect(withStaleTail(['x'], 'new', 8, previous, key, false)).toEqual([entry('x', 'new')]);
  });

  it('keeps an entry that was already stale as the same object, so its card does not render again', () => {
    const first = withStaleTail(['x'], 'new', 8, previous, key, true);
    const second = withStaleTail(['x', 'y', 'z'], 'new', 8, first, key, true);
    expect(second.slice(3)).toEqual(first.slice(3));
    second.slice(3).forEach((e, n) => expect(e).toBe(first[n + 3]));
  });
});
