import type { ApiEpic, ApiIssue } from './api-types';
import type { ListQuery } from './query';
import { GROUPS, PROJECTS } from './taxonomy';

// The stand-in's issue and epic store: indexed once at start so a 12,000-issue dataset pages quickly in benchmarks.

/** What the stand-in lists: a group's or project's issues, or a group's epics. */
export type Listing = 'issues' | 'epics';

interface Entry {
  item: ApiIssue | ApiEpic;
  /** Full path of the issue's project or the epic's group, from references.full (gitlab-org/gitlab#1, gitlab-org&1). */
  container: string;
  labels: ReadonlySet<string>;
  created: number;
  updated: number;
  /** Serialised forms, built on first use. */
  json: { details?: string; names?: string };
}

/** Who is asking, as far as confidential issues are concerned. */
export interface Viewer {
  seesConfidential: boolean;
}

/** Whether an item is confidential: GitLab's docs show an epic's flag as the string "true"/"false". */
export function isConfidential(item: { confidential: boolean | string }): boolean {
  return item.confidential === true || item.confidential === 'true';
}

/** An item `viewer` may see: GitLab answers 404 for a confidential one to whoever may not read it. */
function visible<T extends ApiIssue | ApiEpic>(item: T | undefined, viewer: Viewer): T | null {
  return item && (viewer.seesConfidential || !isConfidential(item)) ? item : null;
}

function byTimeThenId(key: 'created' | 'updated') {
  return (a: Entry, b: Entry): number => a[key] - b[key] || a.item.id - b.item.id;
}

function entryOf(item: ApiIssue | ApiEpic): Entry {
  const full = item.references.full;
  return {
    item,
    container: full.slice(0, Math.max(full.lastIndexOf('#'), full.lastIndexOf('&'))),
    labels: new Set(item.labels.map((label) => label.name)),
    created: Date.parse(item.created_at),
    updated: Date.parse(item.updated_at),
    json: {},
  };
}

function ordered(entries: readonly Entry[]): Record<ListQuery['orderBy'], Entry[]> {
  return {
    created_at: [...entries].sort(byTimeThenId('created')),
    updated_at: [...entries].sort(byTimeThenId('updated')),
  };
}

/** Issues and epics indexed by group, project and sort order. */
export class Catalog {
  private readonly ascending: Record<Listing, Record<ListQuery['orderBy'], Entry[]>>;
  private readonly projectIds = new Map<string, string>();
  private readonly groupIds = new Map<string, string>();
  private readonly groupPaths = new Set<string>();
  private readonly projectPaths: ReadonlySet<string>;
  private readonly issuesByReference: ReadonlyMap<string, ApiIssue>;
  private readonly epicsByReference: ReadonlyMap<string, ApiEpic>;

  constructor(issues: readonly ApiIssue[], epics: readonly ApiEpic[] = []) {
    const issueEntries = issues.map(entryOf);
    const epicEntries = epics.map(entryOf);
    this.issuesByReference = new Map(issues.map((issue) => [issue.references.full, issue]));
    this.epicsByReference = new Map(epics.map((epic) => [epic.references.full, epic]));
    this.ascending = { issues: ordered(issueEntries), epics: ordered(epicEntries) };
    // Paths and ids come from the taxonomy and from the items themselves, so hand-made ones resolve too.
    for (const project of PROJECTS) this.projectIds.set(String(project.id), project.path);
    issues.forEach((issue, n) => this.projectIds.set(String(issue.project_id), issueEntries[n]!.container));
    for (const [path, id] of Object.entries(GROUPS)) {
      this.groupIds.set(String(id), path);
      this.groupPaths.add(path);
    }
    epics.forEach((epic, n) => this.groupIds.set(String(epic.group_id), epicEntries[n]!.container));
    this.projectPaths = new Set(this.projectIds.values());
    // A project's namespace is a group, and so is an epic's container; their ancestors are groups too.
    const groupsOf = [...this.projectPaths].map((path) => path.slice(0, path.lastIndexOf('/')));
    for (const path of [...groupsOf, ...epicEntries.map((entry) => entry.container)]) {
      const parts = path.split('/');
      for (let end = 1; end <= parts.length; end += 1) this.groupPaths.add(parts.slice(0, end).join('/'));
    }
  }

  /** The full path of a group given by id or path, or null when unknown. */
  group(id: string): string | null {
    return this.groupIds.get(id) ?? (this.groupPaths.has(id) ? id : null);
  }

  /** The full path of a project given by id or path, or null when unknown. */
  project(id: string): string | null {
    return this.projectIds.get(id) ?? (this.projectPaths.has(id) ? id : null);
  }

  /**
   * Matching issues or epics in the requested order; `scope` is a group (subgroups included, for epics the group's
   * own too) or a project.
   */
  list(listing: Listing, scope: { group: string } | { project: string }, query: ListQuery, viewer: Viewer): Entry[] {
    const inScope =
      'group' in scope
        ? (e: Entry) => e.container === scope.group || e.container.startsWith(`${scope.group}/`)
        : (e: Entry) => e.container === scope.project;
    const matches = (e: Entry): boolean => {
      const { item } = e;
      if (!inScope(e)) return false;
      if (isConfidential(item) && !viewer.seesConfidential) return false;
      if (query.confidential !== null && isConfidential(item) !== query.confidential) return false;
      if (query.state !== 'all' && item.state !== query.state) return false;
      // Epics have no work item type of their own in this API; the parameter is the issue lists'.
      if (listing === 'issues' && query.issueType !== null && (item as ApiIssue).issue_type !== query.issueType) {
        return false;
      }
      if (query.updatedAfter !== null && e.updated < query.updatedAfter) return false;
      return query.labels.every((name) => e.labels.has(name)) && !query.notLabels.some((name) => e.labels.has(name));
    };
    const found = this.ascending[listing][query.orderBy].filter(matches);
    return query.sort === 'desc' ? found.reverse() : found;
  }

  /** The issue `iid` of the project at `project` (a full path), when there is one and `viewer` may see it. */
  issue(project: string, iid: number, viewer: Viewer): ApiIssue | null {
    return visible(this.issuesByReference.get(`${project}#${iid}`), viewer);
  }

  /** The epic `iid` of the group at `group` (a full path), when there is one and `viewer` may see it. */
  epic(group: string, iid: number, viewer: Viewer): ApiEpic | null {
    return visible(this.epicsByReference.get(`${group}&${iid}`), viewer);
  }

  /** A JSON array of `entries`; labels as objects with details, otherwise as sorted names like GitLab. */
  serialize(entries: readonly Entry[], withLabelsDetails: boolean): string {
    const parts = entries.map((entry) => {
      if (withLabelsDetails) return (entry.json.details ??= JSON.stringify(entry.item));
      const names = (): string[] => entry.item.labels.map((label) => label.name).sort();
      return (entry.json.names ??= JSON.stringify({ ...entry.item, labels: names() }));
    });
    return `[${parts.join(',')}]`;
  }
}
