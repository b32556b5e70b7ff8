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

/**
 * A path inside the site under its base path, with exactly one slash between them: the site may be served below a
 * path (GitLab Pages serves project sites at /project/), so every link to a page or file of the site is made here.
 */
export function pathWithBase(path: string, base: string = import.meta.env.BASE_URL): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
