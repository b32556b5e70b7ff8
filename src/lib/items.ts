// What a listed item is, and the order the snapshot file lists items in. Apart from the snapshot's schema so that
// the browser's code, which orders items too, does not bundle zod (whose eval probe the page's CSP reports).

/**
 * What a listed item is: an issue, a task (a work item of type TASK, listed only when ITEM_TYPES asks for tasks), or
 * an epic (a group-level item, on Premium/Ultimate instances). In this order the snapshot file lists them.
 */
export const ITEM_KINDS = ['issue', 'task', 'epic'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Orders kinds as the snapshot file lists them: issues, then tasks, then epics. */
export function compareKinds(a: ItemKind, b: ItemKind): number {
  return ITEM_KINDS.indexOf(a) - ITEM_KINDS.indexOf(b);
}

/** Orders items as the snapshot file lists them: by kind (issues, tasks, epics), each by id. */
export function compareItems(a: { kind: ItemKind; id: number }, b: { kind: ItemKind; id: number }): number {
  return compareKinds(a.kind, b.kind) || a.id - b.id;
}
