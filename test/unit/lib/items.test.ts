import { describe, expect, it } from 'vitest';
import { compareItems, compareKinds, ITEM_KINDS } from '../../../src/lib/items';

describe('item order', () => {
  it('lists kinds as the snapshot file does: issues, tasks, epics', () => {
    expect([...ITEM_KINDS].reverse().sort(compareKinds)).toEqual(['issue', 'task', 'epic']);
  });

  it('orders items by kind, then id', () => {
    const items = [
      { kind: 'epic', id: 1 },
      { kind: 'issue', id: 9 },
      { kind: 'task', id: 2 },
      { kind: 'issue', id: 3 },
    ] as const;
    expect([...items].sort(compareItems)).toEqual([items[3], items[1], items[2], items[0]]);
  });
});
