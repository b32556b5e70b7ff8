import { FACETS, type Facet, type SortKey, type ViewState } from '../model';

/** A part of a view that GitLab's issue list cannot apply, so the page can say what the link leaves out. */
export type IgnoredPart =
  /** Selected values of a facet: several of one facet, a weight range, or a project outside the group. */
  | { kind: 'values'; facet: Facet; values: string[] }
  /** "Only available" is applied as "no assignee"; GitLab's list has no filter for open merge requests. */
  | { kind: 'without-mr' }
  /** "Ready to pick up" is the site's own judgement; GitLab's list has nothing like it. */
  | { kind: 'ready' }
  | { kind: 'sort'; sort: UnsupportedSort };

/** GitLab's own issue list for a view, and what of the view that list does not apply. */
export interface GitlabViewLink {
  href: string;
  ignored: IgnoredPart[];
}

// GitLab's list names these orders differently; best match, recommended and most discussed have no counterpart.
const GITLAB_SORTS = {
  updated: 'updated_desc',
  newest: 'created_date',
  upvotes: 'popularity',
  weight: 'weight',
} as const satisfies Partial<Record<SortKey, string>>;

/** The orders GitLab's issue list cannot sort by. */
export type UnsupportedSort = Exclude<SortKey, keyof typeof GITLAB_SORTS>;

const hasGitlabSort = (sort: SortKey): sort is keyof typeof GITLAB_SORTS => Object.hasOwn(GITLAB_SORTS, sort);

// A namespace/project path as GitLab allows it: `..` or an absolute URL cannot slip into the link's path.
const PROJECT_PATH = /^[A-Za-z0-9_][\w.-]*(\/[A-Za-z0-9_][\w.-]*)+$/;

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

// How GitLab's list applies one selected value of a facet: a query parameter, the project's own list, or not at all.
function singleValue(facet: Facet, value: string, group: string): { param: [string, string] } | { project: string } | null {
  switch (facet) {
    case 'type':
      return { param: ['label_name[]', `type::${value}`] };
    case 'stage':
      return { param: ['label_name[]', `devops::${value}`] };
    case 'group':
      return { param: ['label_name[]', `group::${value}`] };
    case 'area':
      return { param: ['label_name[]', value] };
    case 'weight':
      return value === 'none' ? { param: ['weight', 'None'] } : null;
    case 'project':
      // Only the group's own projects: a crafted link must not send people to an arbitrary project.
      return PROJECT_PATH.test(value) && value.startsWith(`${group}/`) ? { project: value } : null;
    // Curated labels go in the OR group; a language is the site's own reading of projects and labels.
    case 'label':
    case 'language':
      return null;
  }
}

/**
 * The URL of GitLab's issue list (the group's, or one project's) showing as much of `view` as GitLab can express,
 * with the parts it cannot. GitLab ANDs `label_name[]` and has a single OR group, which the curated labels take.
 */
export function gitlabViewLink(
  view: ViewState,
  gitlabUrl: string,
  group: string,
  curatedLabels: readonly string[],
): GitlabViewLink {
  const params = new URLSearchParams({ state: 'opened' });
  const ignored: IgnoredPart[] = [];
  if (hasGitlabSort(view.sort)) params.append('sort', GITLAB_SORTS[view.sort]);
  // The site lists only issues with a curated label, so with none selected GitLab's list needs all of them.
  const labels = view.filters.label.length > 0 ? view.filters.label : curatedLabels;
  for (const label of labels) params.append('or[label_name][]', label);

  let project: string | null = null;
  for (const facet of FACETS) {
    const values = view.filters[facet];
    if (facet === 'label' || values.length === 0) continue;
    const how = values.length === 1 ? singleValue(facet, values[0]!, group) : null;
    if (!how) ignored.push({ kind: 'values', facet, values: [...values] });
    else if ('project' in how) project = how.project;
    else params.append(...how.param);
  }

  const q = view.q.trim();
  if (q) params.append('search', q);
  if (view.available) {
    params.append('assignee_id', 'None');
    ignored.push({ kind: 'without-mr' });
  }
  if (view.ready) ignored.push({ kind: 'ready' });
  if (!hasGitlabSort(view.sort)) ignored.push({ kind: 'sort', sort: view.sort });

  const base = gitlabUrl.replace(/\/+$/, '');
  const list = project ? `${base}/${encodePath(project)}/-/issues/` : `${base}/groups/${encodePath(group)}/-/issues/`;
  // URLSearchParams writes spaces as `+`; %20 reads the same to every parser (a literal + is already %2B).
  return { href: `${list}?${params.toString().replace(/\+/g, '%20')}`, ignored };
}
