import { parseScopedLabel, scopedFields } from './labels/scoped';
import { areasOf, compareRecency, contactsByGroup, isNewSince, type Issue } from './model';
import { ITEMS_PER_STEP, type Steps } from './slices';
import type { ItemKind } from './items';
import { LANGUAGES, type Language } from './languages';
import type { Snapshot, SnapshotIssue, SnapshotLabel } from './snapshot';

// The browser downloads every issue once, so the payload is columnar-ish and deduplicated: labels and projects
// are listed once and referenced by index, dates are unix seconds, and the URL and reference are left out
// whenever they follow GitLab's usual pattern (they nearly always do).

/** One issue as a tuple, in this field order. */
export type IssueRow = [
  id: number,
  iid: number,
  project: number,
  title: string,
  excerpt: string,
  labels: number[],
  weight: number | null,
  milestone: [title: string, dueDate: string | null] | null,
  /** Usernames. */
  assignees: string[],
  /** The open merge requests that close it: their count is the issue's `mergeRequests`. */
  openMergeRequests: Array<[reference: string, url: string]>,
  upvotes: number,
  comments: number,
  createdAt: number,
  updatedAt: number,
  hasImplementationPlan: 0 | 1,
  firstSeenAt: number,
  /** The kind's index in KINDS: 0 for an issue, 1 for an epic, 2 for a task. */
  kind: 0 | 1 | 2,
  parentEpic: [title: string, url: string] | null,
  /** Indexes into LANGUAGES. */
  languages: number[],
  /** Present only when the URL does not follow GitLab's usual pattern (see usualUrl). */
  url?: string,
];

/** What every row of issue data refers to: the dictionaries of labels and projects, and where the data is from. */
export interface PayloadHead {
  v: 5;
  generatedAt: string;
  previousGeneratedAt: string | null;
  source: string;
  curated: string[];
  labels: Array<[name: string, color: string | null, textColor: string | null]>;
  projects: string[];
  groupContacts: Snapshot['groupContacts'];
}

/** The issue data the page fetches after load. */
export interface ClientPayload extends PayloadHead {
  issues: IssueRow[];
}

/** The head as the page fetches it first, saying how many files of rows follow. */
export interface PayloadIndex extends PayloadHead {
  chunks: number;
}

/** Rows per data file: each file then parses in a short task instead of one long one for all the data. */
export const ROWS_PER_CHUNK = 1000;

/** Splits a payload into its head and files of ROWS_PER_CHUNK rows (at least one, possibly empty). */
export function splitPayload(payload: ClientPayload): { index: PayloadIndex; chunks: IssueRow[][] } {
  const { issues, ...head } = payload;
  const chunks: IssueRow[][] = [];
  for (let at = 0; at < issues.length || chunks.length === 0; at += ROWS_PER_CHUNK) {
    chunks.push(issues.slice(at, at + ROWS_PER_CHUNK));
  }
  return { index: { ...head, chunks: chunks.length }, chunks };
}

const seconds = (iso: string) => Math.round(Date.parse(iso) / 1000);

// A row's kind by index; epics keep 1, which they had before tasks were listed.
const KINDS = ['issue', 'epic', 'task'] as const satisfies readonly ItemKind[];

/** The URL GitLab gives an issue (or an epic, whose "project" is its group), when nothing unusual is going on. */
function usualUrl(source: string, kind: ItemKind, project: string, iid: number): string {
  if (kind === 'epic') return `${source}/groups/${project}/-/epics/${iid}`;
  return `${source}/${project}/-/${kind === 'task' ? 'work_items' : 'issues'}/${iid}`;
}

/** The reference GitLab gives an issue (project#iid) or an epic (group&iid). */
function usualReference(kind: ItemKind, project: string, iid: number): string {
  return `${project}${kind === 'epic' ? '&' : '#'}${iid}`;
}

/**
 * Encodes a snapshot for the browser, with the languages `languagesOf` gives each item (the build applies the
 * configured map); `decodeSteps` is its inverse (to the site's Issue model).
 */
export function encodePayload(snapshot: Snapshot, languagesOf: (issue: SnapshotIssue) => Language[] = () => []): ClientPayload {
  const labelIndex = new Map<string, number>();
  const labels: ClientPayload['labels'] = [];
  const projectIndex = new Map<string, number>();
  const projects: string[] = [];
  const indexOf = <T>(map: Map<string, number>, list: T[], key: string, value: T) => {
    let index = map.get(key);
    if (index === undefined) {
      index = list.push(value) - 1;
      map.set(key, index);
    }
    return index;
  };
  const source = snapshot.source.url;
  // Rows go out in the page's default order (most recently updated first), so sorting them that way in the
  // browser finds them already sorted.
  const byRecency = snapshot.issues
    .map((issue) => ({ issue, updatedAt: Date.parse(issue.updatedAt), id: issue.id, kind: issue.kind }))
    .sort(compareRecency)
    .map(({ issue }) => issue);
  const issues = byRecency.map((issue): IssueRow => {
    const row: IssueRow = [
      issue.id,
      issue.iid,
      indexOf(projectIndex, projects, issue.project, issue.project),
      issue.title,
      issue.excerpt,
      issue.labels.map((label) =>
        indexOf(labelIndex, labels, `${label.name}\u0000${label.color}\u0000${label.textColor}`, [label.name, label.color, label.textColor]),
      ),
      issue.weight,
      issue.milestone && [issue.milestone.title, issue.milestone.dueDate],
      issue.assignees,
      issue.openMergeRequests.map((mr) => [mr.reference, mr.url]),
      issue.upvotes,
      issue.comments,
      seconds(issue.createdAt),
      seconds(issue.updatedAt),
      issue.hasImplementationPlan ? 1 : 0,
      seconds(issue.firstSeenAt),
      KINDS.indexOf(issue.kind) as IssueRow[16],
      issue.parentEpic && [issue.parentEpic.title, issue.parentEpic.url],
      languagesOf(issue).map((language) => LANGUAGES.indexOf(language)),
    ];
    if (issue.url !== usualUrl(source, issue.kind, issue.project, issue.iid)) row.push(issue.url);
    return row;
  });
  return {
    v: 5,
    generatedAt: snapshot.generatedAt,
    previousGeneratedAt: snapshot.previousGeneratedAt,
    source, curated: snapshot.source.labels, labels, projects, groupContacts: snapshot.groupContacts, issues };
}

/** Turns rows back into the site's issues, yielding between small pieces of work (see slices.ts). */
export function* decodeSteps(payload: PayloadHead, rows: readonly IssueRow[]): Steps<Issue[]> {
  const curated = new Set(payload.curated);
  const previous = payload.previousGeneratedAt === null ? null : Date.parse(payload.previousGeneratedAt);
  // What each distinct label means is worked out once, not once per issue that carries it.
  const labels = payload.labels.map(([name, color, textColor]) => ({
    label: { name, color, textColor } satisfies SnapshotLabel,
    scoped: parseScopedLabel(name),
    curated: curated.has(name),
  }));
  const contacts = contactsByGroup(payload.groupContacts);
  const issues: Issue[] = [];
  for (const row of rows) {
    const [id, iid, projectIndex, title, excerpt, labelIndexes, weight, milestone, assignees, mrs, upvotes, comments] =
      row;
    const project = payload.projects[projectIndex]!;
    const kind: ItemKind = KINDS[row[16]] ?? 'issue';
    const firstSeenAt = row[15] * 1000;
    const own = labelIndexes.map((at) => labels[at]!);
    const { type, stage, group, workflow } = scopedFields(own.map((info) => info.scoped));
    const issueCurated = new Set(own.filter((info) => info.curated).map((info) => info.label.name));
    issues.push({
      kind,
      id,
      iid,
      project,
      reference: usualReference(kind, project, iid),
      url: row[19] ?? usualUrl(payload.source, kind, project, iid),
      title,
      excerpt,
      labels: labelIndexes.map((at) => labels[at]!.label),
      curated: payload.curated.filter((label) => issueCurated.has(label)),
      type,
      stage,
      group,
      workflow,
      areas: areasOf(own.map((info) => info.label.name)),
      weight,
      milestone: milestone && { title: milestone[0], dueDate: milestone[1] },
      parentEpic: row[17] && { title: row[17][0], url: row[17][1] },
      languages: row[18].map((at) => LANGUAGES[at]!),
      assignees,
      contacts: (group !== null && contacts.get(group)) || null,
      mergeRequests: mrs.length,
      openMergeRequests: mrs.map(([reference, url]) => ({ reference, url })),
      upvotes,
      comments,
      createdAt: row[12] * 1000,
      updatedAt: row[13] * 1000,
      hasImplementationPlan: row[14] === 1,
      firstSeenAt,
      isNew: isNewSince(firstSeenAt, previous),
    });
    if (issues.length % ITEMS_PER_STEP === 0) yield;
  }
  return issues;
}
