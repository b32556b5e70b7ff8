/** A URL segment for a label: `quick win::first-time contributor` → `quick-win-first-time-contributor`. */
export function labelSlug(label: string): string {
  return (
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'label'
  );
}

/** Joins the site's base path and a path inside the site, with exactly one slash between them. */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Issues per page on the plain, JavaScript-free list pages. */
export const STATIC_PAGE_SIZE = 100;
