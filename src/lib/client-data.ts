import { parseScopedLabel } from './labels';
import { AREAS, type Area, type Issue } from './model';
import { ITEMS_PER_STEP, runNow, type Steps } from './slices';
import type { Snapshot, SnapshotLabel } from './snapshot';

// The browser downloads every issue once, so the payload is columnar-ish and deduplicated: labels and projects
// are listed once and referenced by index, dates are unix seconds, and the URL and reference are left out
// whenever they follow GitLab's usual pattern (they nearly always do).

/** One issue as a tuple; see encodeIssues for the field order. */
type IssueRow = [
  id: number,
  iid: number,
  project: number,
  title: string,
  excerpt: string,
  labels: number[],
  weight: number | null,
  milestone: string | null,
  assignees: number,
  mergeRequests: number,
  upvotes: number,
  comments: number,
  createdAt: number,
  updatedAt: number,
  hasImplementationPlan: 0 | 1,
  /** Present only when the issue's URL does not follow `${source}/${project}/-/issues/${iid}`. */
  url?: string,
];

/** The issue data the page fetches after load. */
export interface ClientPayload {
  v: 1;
  generatedAt: string;
  source: string;
  curated: string[];
  labels: Array<[name: string, color: string | null, textColor: string | null]>;
  projects: string[];
  issues: IssueRow[];
}

const seconds = (iso: string) => Math.round(Date.parse(iso) / 1000);

/** The URL GitLab gives an issue, when nothing unusual is going on. */
export function usualIssueUrl(source: string, project: string, iid: number): string {
  return `${source}/${project}/-/issues/${iid}`;
}

/** Encodes a snapshot for the browser; `decodePayload` is its inverse (to the site's Issue model). */
export function encodePayload(snapshot: Snapshot): ClientPayload {
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
  const issues = snapshot.issues.map((issue): IssueRow => {
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
      issue.milestone,
      issue.assignees,
      issue.mergeRequests,
      issue.upvotes,
      issue.comments,
      seconds(issue.createdAt),
      seconds(issue.updatedAt),
      issue.hasImplementationPlan ? 1 : 0,
    ];
    if (issue.url !== usualIssueUrl(source, issue.project, issue.iid)) row.push(issue.url);
    return row;
  });
  return { v: 1, generatedAt: snapshot.generatedAt, source, curated: snapshot.source.labels, labels, projects, issues };
}

/** Turns the payload back into the site's issues, at once. */
export function decodePayload(payload: ClientPayload): Issue[] {
  return runNow(decodeSteps(payload));
}

/** Turns the payload back into the site's issues, yielding between small pieces of work (see slices.ts). */
export function* decodeSteps(payload: ClientPayload): Steps<Issue[]> {
  const curated = new Set(payload.curated);
  // What each distinct label means is worked out once, not once per issue that carries it.
  const labels = payload.labels.map(([name, color, textColor]) => {
    const { scope, value } = parseScopedLabel(name);
    return {
      label: { name, color, textColor } satisfies SnapshotLabel,
      scope,
      value,
      area: (AREAS as readonly string[]).includes(name) ? (name as Area) : null,
      curated: curated.has(name),
    };
  });
  const issues: Issue[] = [];
  for (const row of payload.issues) {
    const [id, iid, projectIndex, title, excerpt, labelIndexes, weight, milestone, assignees, mergeRequests, upvotes, comments] =
      row;
    const project = payload.projects[projectIndex]!;
    const scoped: Record<string, string | null> = { type: null, devops: null, group: null };
    const areas = new Set<Area>();
    const issueCurated = new Set<string>();
    for (const at of labelIndexes) {
      const info = labels[at]!;
      // Two labels of one scope cannot happen in GitLab; if data says so anyway, the first by name wins.
      if (info.scope && info.scope in scoped && (scoped[info.scope] === null || info.value < scoped[info.scope]!)) {
        scoped[info.scope] = info.value;
      }
      if (info.area) areas.add(info.area);
      if (info.curated) issueCurated.add(info.label.name);
    }
    issues.push({
      id,
      iid,
      project,
      reference: `${project}#${iid}`,
      url: row[15] ?? usualIssueUrl(payload.source, project, iid),
      title,
      excerpt,
      labels: labelIndexes.map((at) => labels[at]!.label),
      curated: payload.curated.filter((label) => issueCurated.has(label)),
      type: scoped.type!,
      stage: scoped.devops!,
      group: scoped.group!,
      areas: AREAS.filter((area) => areas.has(area)),
      weight,
      milestone,
      assignees,
      mergeRequests,
      upvotes,
      comments,
      createdAt: row[12] * 1000,
      updatedAt: row[13] * 1000,
      hasImplementationPlan: row[14] === 1,
    });
    if (issues.length % ITEMS_PER_STEP === 0) yield;
  }
  return issues;
}
