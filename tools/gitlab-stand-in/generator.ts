import type { ApiEpicReference, ApiIssue, ApiMilestone, ApiUser, ApiWorkItemType } from './api-types';
import { HOSTILE_VARIANT_COUNT, makeHostile } from './hostile';
import { createRandom, type Random } from './prng';
import { makeDescription, makeTitle, type IssueKind } from './text';
import { label, makeMilestones, makeUsers, PROJECTS, STAGES, type ProjectInfo } from './taxonomy';

export type { ApiIssue, ApiLabel } from './api-types';

/** The labels that put an issue on the site's list (any one of them). */
export const CURATED_LABELS: readonly string[] = ['co-create', 'quick win', 'quick win::first-time contributor'];

/** Options of generateIssues. */
export interface GenerateOptions {
  count: number;
  /** Same seed, same issues. Default 1. */
  seed?: number;
  /** The first issue's id; ids then increase. Default 150,000,000 (gitlab.com is in that range). */
  startId?: number;
  /** Instance URL for web_url and links, no trailing slash. Default https://gitlab.com. */
  baseUrl?: string;
  /** Share (0..1) of issues carrying at least one curated label. Default 0.6. */
  curatedShare?: number;
  /** The curated labels handed out, e.g. ['co-create'] for a dataset that all matches one label. */
  curatedLabels?: readonly string[];
}

// A fixed reference date keeps the data independent of the clock; created_at spans the four years before it.
const REFERENCE = new Date('2026-11-01T00:00:00.000Z');
const SPAN_MS = 4 * 365 * 86_400_000;
// Every HOSTILE_EVERY-th issue (from HOSTILE_OFFSET) gets the next hostile variant: a handful, spread out.
const HOSTILE_EVERY = 17;
const HOSTILE_OFFSET = 3;

// Which curated labels an issue gets, given it is curated: co-create and quick win alone or together.
const CURATED_MIXES: readonly (readonly [readonly string[], number])[] = [
  [['co-create'], 35],
  [['quick win'], 30],
  [['co-create', 'quick win'], 20],
  [['quick win::first-time contributor'], 10],
  [['co-create', 'quick win::first-time contributor'], 5],
];

function curatedNames(random: Random, allowed: readonly string[]): string[] {
  const mix = random.weighted(CURATED_MIXES).filter((name) => allowed.includes(name));
  return mix.length > 0 ? mix : [random.pick(allowed)];
}

function otherLabelNames(random: Random, project: ProjectInfo, kind: IssueKind, curated: boolean): string[] {
  const names: string[] = [];
  if (random.chance(0.9)) names.push(`type::${kind}`);
  const home =
    project.stage && project.group && random.chance(0.85) ? { stage: project.stage, group: project.group } : null;
  const stage = home
    ? STAGES.find((s) => s.stage === home.stage)
    : random.chance(0.8)
      ? random.pick(STAGES)
      : undefined;
  if (stage) {
    const group = stage.groups.find((g) => g.name === home?.group) ?? random.pick(stage.groups);
    names.push(`devops::${stage.stage}`, `group::${group.name}`);
    if (random.chance(0.6)) names.push(`Category:${group.category}`);
  }
  if (random.chance(0.25)) names.push('frontend');
  if (random.chance(0.35)) names.push('backend');
  if (random.chance(project.path.endsWith('gitlab-docs') ? 0.8 : 0.08)) names.push('documentation');
  if (random.chance(curated ? 0.35 : 0.05)) names.push('Seeking community contributions');
  const workflow = random.weighted([
    ['workflow::ready for development', 25],
    ['workflow::blocked', 5],
    ['workflow::problem validation', 3],
    ['workflow::solution validation', 3],
    ['workflow::design', 2],
    ['workflow::in dev', 2],
    [null, 60],
  ] as const);
  if (workflow) names.push(workflow);
  if (random.chance(0.08)) names.push('UX');
  if (random.chance(0.06)) names.push('performance');
  return names;
}

function pickUsers(random: Random, users: readonly ApiUser[], count: number): ApiUser[] {
  const picked = new Set<ApiUser>();
  while (picked.size < count) picked.add(random.pick(users));
  return [...picked].map((user) => ({ ...user }));
}

function pickMilestone(
  random: Random,
  milestones: readonly ApiMilestone[],
  createdAt: string,
  extra: Random,
  project: ProjectInfo,
  baseUrl: string,
): ApiMilestone | null {
  const choice = random.weighted([
    ['none', 40],
    ['backlog', 10],
    ['release', 50],
  ] as const);
  if (choice === 'none') return null;
  // Issues are scheduled for a release due after they were opened.
  const candidates = milestones.filter((m) =>
    choice === 'backlog' ? m.due_date === null : m.due_date !== null && m.due_date >= createdAt.slice(0, 10),
  );
  if (candidates.length === 0) return null;
  const picked = random.pick(candidates);
  if (!extra.chance(0.15)) return { ...picked };
  // Some projects plan with milestones of their own: the same entity with project_id instead of group_id.
  const { group_id: _group, ...fields } = picked as ApiMilestone & { group_id: number };
  return { ...fields, project_id: project.id, web_url: `${baseUrl}/${project.path}/-/milestones/${picked.iid}` };
}

// What GET /groups/:id/issues lists besides issues when not told `issue_type=issue`: about a third of gitlab-org's
// curated-label matches in a real-shaped run.
const WORK_ITEM_TYPES: readonly (readonly [ApiWorkItemType, number])[] = [
  ['ISSUE', 64],
  ['INCIDENT', 12],
  ['TASK', 9],
  ['TEST_CASE', 6],
  ['TICKET', 5],
  ['REQUIREMENT', 4],
];

// Where GitLab's UrlBuilder puts each type's page.
function webPath(type: ApiWorkItemType, iid: number): string {
  if (type === 'TASK') return `-/work_items/${iid}`;
  return type === 'INCIDENT' ? `-/issues/incident/${iid}` : `-/issues/${iid}`;
}

const EPIC_TITLES = [
  'Contributor experience improvements',
  'Merge request review quality of life',
  'Runner fleet management',
  'CI/CD variables usability',
  'Package registry cleanup policies',
  'Work items migration',
];

// The parent epic as the issue entity embeds it (EpicBaseEntity), on gitlab-org.
function parentEpic(extra: Random): ApiEpicReference {
  const at = extra.int(0, EPIC_TITLES.length - 1);
  const iid = 10_000 + at * 37;
  return {
    id: 800_000 + at,
    iid,
    title: EPIC_TITLES[at]!,
    url: `/groups/gitlab-org/-/epics/${iid}`,
    group_id: 9970,
    human_readable_end_date: null,
    human_readable_timestamp: null,
  };
}

function dateOnly(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Deterministic GitLab API issues (as GET /groups/:id/issues?with_labels_details=true returns them). */
export function generateIssues(options: GenerateOptions): ApiIssue[] {
  const random = createRandom(options.seed ?? 1);
  const baseUrl = options.baseUrl ?? 'https://gitlab.com';
  const share = options.curatedShare ?? 0.6;
  const allowed = options.curatedLabels ?? CURATED_LABELS;
  const users = makeUsers(baseUrl);
  const milestones = makeMilestones(baseUrl, REFERENCE);
  const nextIid = new Map(PROJECTS.map((p) => [p.path, p.firstIid]));
  const issues: ApiIssue[] = [];
  let id = options.startId ?? 150_000_000;
  // Fields added after the first datasets were made draw from a second sequence, so that every earlier field of a
  // given seed keeps its value.
  const extra = createRandom((options.seed ?? 1) * 7_919 + 104_729);

  for (let index = 0; index < options.count; index += 1) {
    const project = random.weighted(PROJECTS.map((p) => [p, p.share] as const));
    const iid = nextIid.get(project.path) ?? 1;
    nextIid.set(project.path, iid + random.int(1, 30));
    if (index > 0) id += random.int(1, 500);
    // Spread creation evenly over the span so creation order matches id order, as on GitLab.
    const createdMs = REFERENCE.getTime() - SPAN_MS + Math.floor((SPAN_MS * (index + random.next())) / options.count);
    const updatedMs = createdMs + Math.floor(random.next() * (REFERENCE.getTime() - createdMs));
    // Hostile issues stay open, public and curated so they reach the rendered page.
    const hostile = index % HOSTILE_EVERY === HOSTILE_OFFSET;
    const curated = hostile ? share > 0 : random.chance(share);
    const closed = !hostile && random.chance(0.1);
    const confidential = !hostile && random.chance(0.05);
    const kind = random.weighted([
      ['bug', 40],
      ['feature', 35],
      ['maintenance', 25],
    ] as const);
    const curatedSet = curated ? curatedNames(random, allowed) : [];
    const names = [...curatedSet, ...otherLabelNames(random, project, kind, curated)];
    const quickWin = curatedSet.some((name) => name.startsWith('quick win'));
    // Hostile issues stay issues so that they reach the page.
    const type = hostile ? 'ISSUE' : extra.weighted(WORK_ITEM_TYPES);
    const labels = names.map(label).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const author = { ...random.pick(users) };
    const assignees = pickUsers(
      random,
      users,
      random.weighted([
        [0, 60],
        [1, 30],
        [2, 10],
      ] as const),
    );
    const createdAt = new Date(createdMs).toISOString();
    const estimate = random.chance(0.1) ? random.int(1, 16) : 0;
    const apiBase = `${baseUrl}/api/v4/projects/${project.id}`;
    const issue: ApiIssue = {
      id,
      iid,
      project_id: project.id,
      title: makeTitle(random, kind),
      description: makeDescription(random, {
        kind,
        quickWin,
        contact: random.pick(users).username,
        quickActionLabels: names.filter((name) => name.startsWith('type::') || (quickWin && name === 'quick win')),
        long: random.chance(0.03),
      }),
      state: closed ? 'closed' : 'opened',
      created_at: createdAt,
      updated_at: new Date(updatedMs).toISOString(),
      closed_at: closed
        ? new Date(createdMs + Math.floor(random.next() * (updatedMs - createdMs))).toISOString()
        : null,
      closed_by: closed ? { ...random.pick(users) } : null,
      labels,
      milestone: pickMilestone(random, milestones, createdAt, extra, project, baseUrl),
      assignees,
      author,
      type,
      assignee: assignees[0] ?? null,
      user_notes_count: random.skewed(80),
      merge_requests_count: random.skewed(4),
      upvotes: random.skewed(60),
      downvotes: random.chance(0.1) ? random.int(1, 3) : 0,
      due_date: random.chance(0.1) ? dateOnly(createdMs + random.int(7, 120) * 86_400_000) : null,
      confidential,
      discussion_locked: extra.chance(0.03) ? true : extra.chance(0.5) ? false : null,
      issue_type: type.toLowerCase() as Lowercase<ApiWorkItemType>,
      web_url: `${baseUrl}/${project.path}/${webPath(type, iid)}`,
      time_stats: {
        time_estimate: estimate * 3600,
        total_time_spent: 0,
        human_time_estimate: estimate > 0 ? `${estimate}h` : null,
        human_total_time_spent: null,
      },
      task_completion_status: { count: 0, completed_count: 0 },
      weight: random.chance(1 / 3) ? null : random.int(0, quickWin ? 3 : 5),
      blocking_issues_count: random.chance(0.05) ? random.int(1, 3) : 0,
      has_tasks: false,
      _links: {
        self: `${apiBase}/issues/${iid}`,
        notes: `${apiBase}/issues/${iid}/notes`,
        award_emoji: `${apiBase}/issues/${iid}/award_emoji`,
        project: apiBase,
        closed_as_duplicate_of: null,
      },
      references: { short: `#${iid}`, relative: `#${iid}`, full: `${project.path}#${iid}` },
      severity: 'UNKNOWN',
      moved_to_id: null,
      imported: false,
      imported_from: 'none',
      service_desk_reply_to: null,
      epic_iid: null,
      epic: null,
      iteration: null,
      health_status: random.chance(0.05) ? 'on_track' : null,
    };
    if (extra.chance(0.2)) {
      issue.epic = parentEpic(extra);
      issue.epic_iid = issue.epic.iid;
    }
    if (issue.health_status === null && extra.chance(0.05)) issue.health_status = extra.pick(['needs_attention', 'at_risk'] as const);
    if (hostile) makeHostile(issue, Math.floor(index / HOSTILE_EVERY) % HOSTILE_VARIANT_COUNT);
    countTasks(issue);
    issues.push(issue);
  }
  return issues;
}

// GitLab derives the task fields from the description's checklist items.
function countTasks(issue: ApiIssue): void {
  const items = issue.description?.match(/^[ \t]*[-*+] \[[ xX]\] /gm) ?? [];
  const done = items.filter((item) => /\[[xX]\]/.test(item)).length;
  issue.task_completion_status = { count: items.length, completed_count: done };
  issue.has_tasks = items.length > 0;
  if (issue.has_tasks) issue.task_status = `${done} of ${items.length} checklist items completed`;
}

/**
 * Whether the site should list `item`: open, not confidential (GitLab may say so as a string), carrying any of the
 * curated labels, and for issues of a listed work item type (`types`, default ISSUE only).
 */
export function isListed(
  item: { state: string; confidential: boolean | string; labels: readonly { name: string }[]; type?: ApiWorkItemType },
  curated: readonly string[] = CURATED_LABELS,
  types: readonly ApiWorkItemType[] = ['ISSUE'],
): boolean {
  const confidential = item.confidential === true || item.confidential === 'true';
  const listedType = item.type === undefined || types.includes(item.type);
  return item.state === 'opened' && !confidential && listedType && item.labels.some((l) => curated.includes(l.name));
}
