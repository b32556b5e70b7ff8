import { scopedValue } from './labels';
import { AREAS, type Issue } from './model';
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

/** Turns the payload back into the site's issues. */
export function decodePayload(payload: ClientPayload): Issue[] {
  const labels = payload.labels.map(([name, color, textColor]): SnapshotLabel => ({ name, color, textColor }));
  const curated = new Set(payload.curated);
  return payload.issues.map((row) => {
    const [id, iid, projectIndex, title, excerpt, labelIndexes, weight, milestone, assignees, mergeRequests, upvotes, comments] =
      row;
    const project = payload.projects[projectIndex]!;
    const issueLabels = labelIndexes.map((index) => labels[index]!);
    const names = issueLabels.map((label) => label.name);
    const nameSet = new Set(names);
    return {
      id,
      iid,
      project,
      reference: `${project}#${iid}`,
      url: row[15] ?? usualIssueUrl(payload.source, project, iid),
      title,
      excerpt,
      labels: issueLabels,
      curated: payload.curated.filter((label) => curated.has(label) && nameSet.has(label)),
      type: scopedValue(names, 'type'),
      stage: scopedValue(names, 'devops'),
      group: scopedValue(names, 'group'),
      areas: AREAS.filter((area) => nameSet.has(area)),
      weight,
      milestone,
      assignees,
      mergeRequests,
      upvotes,
      comments,
      createdAt: row[12] * 1000,
      updatedAt: row[13] * 1000,
      hasImplementationPlan: row[14] === 1,
    };
  });
}
