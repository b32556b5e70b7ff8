import type { Catalog, Listing, Viewer } from './catalog';

/**
 * GET /projects/:id/issues/:iid and GET /groups/:id/epics/:iid: one item in any state, as GitLab's Issue and Epic
 * entities render it, labels as names (`with_labels_details` is a list parameter). Like GitLab, a confidential item
 * is a 404 to a caller who may not read it, as is one that does not exist (deleted), and an unknown project or
 * group is a 404 of its own. `container` is the project's or group's full path, null when unknown.
 */
export function singleItem(
  catalog: Catalog,
  listing: Listing,
  container: string | null,
  rawIid: string,
  viewer: Viewer,
): { status: 200 | 404; payload: unknown } {
  const noun = listing === 'epics' ? 'Group' : 'Project';
  if (container === null) return { status: 404, payload: { message: `404 ${noun} Not Found` } };
  const iid = /^\d+$/.test(rawIid) ? Number(rawIid) : NaN;
  const item = listing === 'epics' ? catalog.epic(container, iid, viewer) : catalog.issue(container, iid, viewer);
  if (item === null) return { status: 404, payload: { message: '404 Not found' } };
  const labels = item.labels.map((label) => label.name).sort();
  // The single issue endpoint renders `subscribed` (the list leaves it out): false for an anonymous caller.
  return { status: 200, payload: listing === 'epics' ? { ...item, labels } : { ...item, labels, subscribed: false } };
}
