import { compareKinds, type ItemKind } from './items';
import { LANGUAGES, type Language } from './languages';
import type { SnapshotGroupContacts, SnapshotIssue, SnapshotLabel } from './snapshot';

/** Areas a contributor picks by skill; each is a plain GitLab label of the same name. */
export const AREAS = ['frontend', 'backend', 'documentation'] as const;
export type Area = (typeof AREAS)[number];

/** The areas an item is in: the labels named like an area, in AREAS order. */
export function areasOf(labelNames: Iterable<string>): Area[] {
  const names = new Set(labelNames);
  return AREAS.filter((area) => names.has(area));
}

/** Weight buckets for the weight filter: GitLab weights are small integers, often missing. */
export const WEIGHT_BUCKETS = ['0-1', '2-3', '4+', 'none'] as const;
export type WeightBucket = (typeof WEIGHT_BUCKETS)[number];

/** Sort orders; `relevance` only means something with a search query, `recommended` is the default without one. */
export const SORT_KEYS = ['relevance', 'recommended', 'updated', 'newest', 'upvotes', 'comments', 'weight'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The order a list takes without a search: best match means nothing then, so it falls back to recommended. */
export function orderWithoutSearch(sort: SortKey): Exclude<SortKey, 'relevance'> {
  return sort === 'relevance' ? 'recommended' : sort;
}

/**
 * How the list shows its issues: a card each (the default) or one row each, like GitLab's own issue list. A way of
 * looking at the list, not a filter: it narrows nothing, so chips, "Clear all", the page title and the GitLab link
 * leave it alone.
 */
export const DENSITIES = ['cards', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

/** One issue as the site works with it: the snapshot's fields plus what filters derive from labels. */
export interface Issue {
  kind: ItemKind;
  id: number;
  iid: number;
  project: string;
  reference: string;
  url: string;
  title: string;
  excerpt: string;
  labels: SnapshotLabel[];
  curated: string[];
  type: string | null;
  stage: string | null;
  group: string | null;
  /** The value of the workflow:: label (e.g. "ready for development"), or null. */
  workflow: string | null;
  areas: Area[];
  /** The languages working on it needs (see languages.ts), in LANGUAGES order. */
  languages: Language[];
  weight: number | null;
  /** The milestone, with its due date (YYYY-MM-DD) when it has one. */
  milestone: SnapshotIssue['milestone'];
  /** The epic the issue belongs to. */
  parentEpic: SnapshotIssue['parentEpic'];
  /** The assignees' usernames (see USERNAME in snapshot.ts). */
  assignees: string[];
  /** Whom to talk to: its group's managers as GitLab's handbook data names them, or null when it names none. */
  contacts: GroupContacts | null;
  /** Open merge requests that close the issue when merged. */
  mergeRequests: number;
  openMergeRequests: SnapshotIssue['openMergeRequests'];
  upvotes: number;
  comments: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  hasImplementationPlan: boolean;
  firstSeenAt: number;
  /** Not in the previous published snapshot. */
  isNew: boolean;
}

/** The filter facets, in the order the page shows them. */
export const FACETS = ['label', 'type', 'stage', 'group', 'area', 'language', 'project', 'weight'] as const;
export type Facet = (typeof FACETS)[number];

/** Everything that defines a view of the list; what the URL carries. */
export interface ViewState {
  /** Search text as typed. */
  q: string;
  /** Selected values per facet: OR within a facet, AND across facets. */
  filters: Record<Facet, string[]>;
  /** Only issues nobody is on: no assignee and no open merge request that closes them. */
  available: boolean;
  /** Only issues ready to pick up (see health/ready.ts). */
  ready: boolean;
  sort: SortKey;
  /** Cards or compact rows (see DENSITIES). */
  density: Density;
  /**
   * A shortlist's references, in the order picked (see shortlist.ts): when there are any, the page shows exactly
   * those issues, and nothing else of the view applies.
   */
  refs: string[];
  /** The shortlist's title, plain text; '' for none. */
  title: string;
}

/** The bucket an issue's weight falls into. */
function weightBucket(weight: number | null): WeightBucket {
  if (weight === null) return 'none';
  if (weight <= 1) return '0-1';
  if (weight <= 3) return '2-3';
  return '4+';
}

/** The values an issue has for a facet (an issue can be in several areas or curated labels). */
export function facetValues(issue: Issue, facet: Facet): readonly string[] {
  switch (facet) {
    case 'label':
      return issue.curated;
    case 'type':
      return issue.type ? [issue.type] : [];
    case 'stage':
      return issue.stage ? [issue.stage] : [];
    case 'group':
      return issue.group ? [issue.group] : [];
    case 'area':
      return issue.areas;
    case 'language':
      return issue.languages;
    case 'project':
      return [issue.project];
    case 'weight':
      return [weightBucket(issue.weight)];
  }
}

/** A group's product and engineering managers, by name. */
export type GroupContacts = Omit<SnapshotGroupContacts, 'group'>;

/** The snapshot's group contacts by group, for looking up an item's. */
export function contactsByGroup(entries: readonly SnapshotGroupContacts[]): ReadonlyMap<string, GroupContacts> {
  return new Map(entries.map(({ group, ...contacts }) => [group, contacts]));
}

/**
 * Builds the site's issue from a snapshot issue; `previousGeneratedAt` is the snapshot's, to tell new issues,
 * `languages` what the build's language map gives it, and `contacts` its group's (see contactsByGroup).
 */
export function toIssue(
  issue: SnapshotIssue,
  previousGeneratedAt: string | null,
  languages: Language[] = [],
  contacts: ReadonlyMap<string, GroupContacts> = new Map(),
): Issue {
  return {
    kind: issue.kind,
    id: issue.id,
    iid: issue.iid,
    project: issue.project,
    reference: issue.reference,
    url: issue.url,
    title: issue.title,
    excerpt: issue.excerpt,
    labels: issue.labels,
    curated: issue.curated,
    type: issue.type,
    stage: issue.stage,
    group: issue.group,
    workflow: issue.workflow,
    weight: issue.weight,
    milestone: issue.milestone,
    parentEpic: issue.parentEpic,
    assignees: issue.assignees,
    contacts: (issue.group !== null && contacts.get(issue.group)) || null,
    mergeRequests: issue.mergeRequests,
    openMergeRequests: issue.openMergeRequests,
    upvotes: issue.upvotes,
    comments: issue.comments,
    hasImplementationPlan: issue.hasImplementationPlan,
    areas: areasOf(issue.labels.map((label) => label.name)),
    languages,
    createdAt: Date.parse(issue.createdAt),
    updatedAt: Date.parse(issue.updatedAt),
    firstSeenAt: Date.parse(issue.firstSeenAt),
    isNew: isNewSince(Date.parse(issue.firstSeenAt), previousGeneratedAt === null ? null : Date.parse(previousGeneratedAt)),
  };
}

/** Whether an issue first seen at `firstSeenAt` came after the previous published snapshot (never, without one). */
export function isNewSince(firstSeenAt: number, previousGeneratedAt: number | null): boolean {
  return previousGeneratedAt !== null && firstSeenAt > previousGeneratedAt;
}

/** A stable key for an item: ids are unique only within a kind. */
export function itemKey(issue: Pick<Issue, 'kind' | 'id'>): string {
  return `${issue.kind}-${issue.id}`;
}

/**
 * The keys an item is known by from one snapshot to the next (carrying firstSeenAt forward), the most lasting first.
 * An item with a work item id (an epic; issues and tasks have none) is keyed by it too: GitLab keeps that id when it
 * moves epics to work items while the legacy id may change, and a moved epic must not come out new. Every other item
 * is known by its itemKey alone.
 */
export function carriedItemKeys(item: Pick<SnapshotIssue, 'kind' | 'id' | 'workItemId'>): string[] {
  const key = itemKey(item);
  return item.workItemId === null ? [key] : [`${item.kind}-work-item-${item.workItemId}`, key];
}

/** What orders items by recency: the last update in milliseconds, and the identity that breaks its ties. */
export type Recency = Pick<Issue, 'updatedAt' | 'id' | 'kind'>;

/**
 * The list's default order, and the last word of every other: most recently updated first, then the higher id,
 * then issues before tasks before epics (an epic may share an issue's id).
 */
export function compareRecency(a: Recency, b: Recency): number {
  return b.updatedAt - a.updatedAt || b.id - a.id || compareKinds(a.kind, b.kind);
}

/**
 * The order a facet lists its values in when it has a fixed one (curated labels as configured, weight buckets and
 * areas as defined), or null for facets ordered by their counts. URLs list selected values in this order too.
 */
export function fixedFacetOrder(facet: Facet, curatedLabels: readonly string[]): readonly string[] | null {
  if (facet === 'label') return curatedLabels;
  if (facet === 'weight') return WEIGHT_BUCKETS;
  if (facet === 'area') return AREAS;
  if (facet === 'language') return LANGUAGES;
  return null;
}

/** A view with no filters, no search, the default sort and cards. */
export function emptyView(): ViewState {
  return {
    q: '',
    filters: { label: [], type: [], stage: [], group: [], area: [], language: [], project: [], weight: [] },
    available: false,
    ready: false,
    sort: 'recommended',
    density: 'cards',
    refs: [],
    title: '',
  };
}

/** A facet value from a link that no issue has, even matched leniently: left out of the view, and named. */
export interface IgnoredValue {
  facet: Facet;
  value: string;
}

/** Whether the view narrows the list at all (search text, a facet, "only available" or "ready to pick up"). */
export function hasActiveFilters(view: ViewState): boolean {
  return view.q.trim() !== '' || view.available || view.ready || FACETS.some((facet) => view.filters[facet].length > 0);
}

/** What narrows a view, as its chip names it: the search, a facet's value, or a toggle. */
export type ViewFilter = Facet | 'q' | 'available' | 'ready';

/** The view without one of its filters (for a facet, its `value`); without a search, best match gives way. */
export function withoutFilter(view: ViewState, what: ViewFilter, value?: string): ViewState {
  switch (what) {
    case 'q':
      return { ...view, q: '', sort: orderWithoutSearch(view.sort) };
    case 'available':
      return { ...view, available: false };
    case 'ready':
      return { ...view, ready: false };
    default:
      return { ...view, filters: { ...view.filters, [what]: view.filters[what].filter((v) => v !== value) } };
  }
}

/** The view of one curated label's issues: what the label's links lead to. */
export function labelView(label: string): ViewState {
  const view = emptyView();
  view.filters.label = [label];
  return view;
}
