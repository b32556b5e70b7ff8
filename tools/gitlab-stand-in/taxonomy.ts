import type { ApiLabel, ApiMilestone, ApiUser } from './api-types';

// GitLab's own structure (gitlab-org and its projects, stages, groups, curated labels), so data generated from it
// exercises the same label names, scopes and paths the real fetch meets. Ids are made up but stable.

/** A project of gitlab-org the generator files issues under. */
export interface ProjectInfo {
  id: number;
  path: string;
  /** Relative share of issues. */
  share: number;
  /** The iid its first generated issue gets; real projects are far from #1. */
  firstIid: number;
  /** The devops stage and group most of its issues belong to, when it has one. */
  stage?: string;
  group?: string;
}

const GITLAB_ORG_ID = 9970;

/** Known groups by full path, with numeric ids for `GET /groups/:id/issues` by id. */
export const GROUPS: Readonly<Record<string, number>> = { 'gitlab-org': GITLAB_ORG_ID, 'gitlab-org/charts': 2_519_541 };

/** The projects issues are filed under; gitlab-org/gitlab carries most of them, as on gitlab.com. */
export const PROJECTS: readonly ProjectInfo[] = [
  { id: 278_964, path: 'gitlab-org/gitlab', share: 60, firstIid: 380_000 },
  { id: 250_833, path: 'gitlab-org/gitlab-runner', share: 8, firstIid: 31_000, stage: 'verify', group: 'runner' },
  { id: 2_009_901, path: 'gitlab-org/gitaly', share: 5, firstIid: 5_400, stage: 'data stores', group: 'gitaly' },
  { id: 74_823, path: 'gitlab-org/gitlab-development-kit', share: 4, firstIid: 1_900 },
  { id: 34_675_721, path: 'gitlab-org/cli', share: 4, firstIid: 7_100, stage: 'create', group: 'code review' },
  { id: 7_071_551, path: 'gitlab-org/gitlab-ui', share: 4, firstIid: 2_300 },
  { id: 5_261_717, path: 'gitlab-org/gitlab-vscode-extension', share: 4, firstIid: 1_200, stage: 'create', group: 'editor extensions' },
  { id: 3_828_396, path: 'gitlab-org/charts/gitlab', share: 4, firstIid: 5_000, stage: 'deploy', group: 'environments' },
  { id: 734_943, path: 'gitlab-org/gitlab-pages', share: 3, firstIid: 1_000, stage: 'deploy', group: 'environments' },
  { id: 14_022, path: 'gitlab-org/gitlab-shell', share: 2, firstIid: 700, stage: 'create', group: 'source code' },
  { id: 1_794_617, path: 'gitlab-org/gitlab-docs', share: 2, firstIid: 1_500 },
];

/** A devops stage and its groups, each group with the Category: label its issues usually carry. */
export interface StageInfo {
  stage: string;
  groups: readonly { name: string; category: string }[];
}

// GitLab's stages (devops::) and groups (group::) as labelled on gitlab-org, one group a row with the Category: label
// its issues usually carry; stages in this order, each with its groups in order.
const STAGE_GROUPS: ReadonlyArray<readonly [stage: string, group: string, category: string]> = [
  ['create', 'source code', 'Source Code Management'],
  ['create', 'code review', 'Code Review Workflow'],
  ['create', 'import and integrate', 'Importers'],
  ['create', 'editor extensions', 'Editor Extensions'],
  ['create', 'remote development', 'Workspaces'],
  ['plan', 'project management', 'Team Planning'],
  ['plan', 'product planning', 'Portfolio Management'],
  ['plan', 'knowledge', 'Wiki'],
  ['verify', 'pipeline authoring', 'Pipeline Composition'],
  ['verify', 'pipeline execution', 'Continuous Integration'],
  ['verify', 'runner', 'Runner'],
  ['package', 'container registry', 'Container Registry'],
  ['package', 'package registry', 'Package Registry'],
  ['secure', 'static analysis', 'SAST'],
  ['secure', 'composition analysis', 'Dependency Scanning'],
  ['secure', 'secret detection', 'Secret Detection'],
  ['deploy', 'environments', 'Environment Management'],
  ['monitor', 'platform insights', 'Error Tracking'],
  ['govern', 'security policies', 'Security Policy Management'],
  ['govern', 'threat insights', 'Vulnerability Management'],
  ['data stores', 'database', 'Database'],
  ['data stores', 'global search', 'Global Search'],
  ['data stores', 'gitaly', 'Gitaly'],
  ['ai-powered', 'duo chat', 'Duo Chat'],
  ['ai-powered', 'code creation', 'Code Suggestions'],
  ['software supply chain security', 'authentication', 'User Management'],
  ['software supply chain security', 'authorization', 'Permissions'],
  ['software supply chain security', 'compliance', 'Compliance Management'],
  ['tenant scale', 'organizations', 'Organization'],
];

/** GitLab's stages and their groups, from STAGE_GROUPS. */
export const STAGES: readonly StageInfo[] = [...new Set(STAGE_GROUPS.map(([stage]) => stage))].map((stage) => ({
  stage,
  groups: STAGE_GROUPS.filter((row) => row[0] === stage).map(([, name, category]) => ({ name, category })),
}));

// GitLab picks dark or light label text by the background's YIQ brightness; mirrored so text_color looks real.
function textColorFor(color: string): string {
  const hex = color.length === 4 ? `#${[...color.slice(1)].map((digit) => digit + digit).join('')}` : color;
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return ((r ?? 0) * 299 + (g ?? 0) * 587 + (b ?? 0) * 114) / 1000 > 153 ? '#1F1E24' : '#FFFFFF';
}

const labels = new Map<string, ApiLabel>();

function define(name: string, color: string, description: string | null, archived = false): void {
  labels.set(name, {
    id: 2_000_000 + labels.size * 7_919,
    name,
    color,
    description,
    description_html:
      description === null ? '' : `<p data-sourcepos="1:1-1:${description.length}" dir="auto">${description}</p>`,
    text_color: textColorFor(color),
    archived,
  });
}

/** A label of the catalogue: name, colour as entered, description, and whether it is archived. */
type LabelRow = readonly [name: string, color: string, description: string | null, archived?: boolean];

// Ids follow the order labels are defined in, so it stays: these, then each stage's, group's and category's, then
// LATER_LABELS.
const FIRST_LABELS: readonly LabelRow[] = [
  ['co-create', '#6699CC', 'Good candidates for the Co-Create initiative'],
  ['quick win', '#009966', 'Small, well-defined issues with an implementation plan and a contact person'],
  ['quick win::first-time contributor', '#009966', 'A quick win reserved for a first-time contributor'],
  ['type::bug', '#DC143C', 'Defects in shipped code and fixes for those defects'],
  ['type::feature', '#009966', 'New features and improvements to existing features'],
  ['type::maintenance', '#330066', 'Upkeep of the code base: refactoring, dependencies, tooling'],
];
const LATER_LABELS: readonly LabelRow[] = [
  ['frontend', '#D1D100', 'Changes to the Vue, JavaScript or CSS code'],
  ['backend', '#428BCA', 'Changes to the Ruby, Go or database code'],
  ['documentation', '#F0AD4E', 'Changes to docs.gitlab.com content'],
  ['Seeking community contributions', '#5CB85C', 'Agreed, well defined and likely to be accepted'],
  ['workflow::ready for development', '#428BCA', 'Refined and ready to be worked on'],
  ['workflow::blocked', '#D9534F', 'Waiting on another issue or decision'],
  ['workflow::problem validation', '#A8D695', 'The problem is still being validated'],
  ['workflow::solution validation', '#A8D695', 'The proposed solution is still being validated'],
  ['workflow::design', '#A8D695', 'Design work is under way'],
  ['workflow::in dev', '#428BCA', 'Someone is implementing it'],
  // GitLab keeps #RGB colours as they were entered.
  ['UX', '#03C', 'User experience design work'],
  // An archived label still shows on the issues that carry it.
  ['performance', '#a8d695', null, true],
];

for (const row of FIRST_LABELS) define(...row);
for (const { stage, groups } of STAGES) {
  define(`devops::${stage}`, '#E44D2A', `Issues owned by the ${stage} stage`);
  for (const group of groups) {
    define(`group::${group.name}`, '#A8D695', `Issues owned by the ${group.name} group`);
    define(`Category:${group.category}`, '#F0AD4E', null);
  }
}
for (const row of LATER_LABELS) define(...row);

/** A fresh copy of the named label from the catalogue; throws for a name the catalogue does not know. */
export function label(name: string): ApiLabel {
  const found = labels.get(name);
  if (!found) throw new Error(`taxonomy has no label ${JSON.stringify(name)}`);
  return { ...found };
}

const PEOPLE = [
  'Amelia Okafor',
  'Bruno Costa',
  'Chen Wei',
  'Dana Kowalski',
  'Emeka Nwosu',
  'Fatima Zahra',
  'Grace Lindqvist',
  'Hiroshi Tanaka',
  'Ines Moreau',
  'José Álvarez',
  'Kaito Yamamoto',
  'Lena Fischer',
  'Łukasz Nowak',
  'Maya Patel',
  'Noah Schmidt',
  'Olga Ivanova',
  'Priya Raman',
  'Quinn Murphy',
  'Rafael Díaz',
  'Sofia Rossi',
  'Tomás Silva',
  'Uma Krishnan',
  'Viktor Horváth',
  'Wen Li',
  'Yara Haddad',
  'Zoë van Dijk',
  '山田 太郎',
  'محمد علي',
  'Ava Brown',
  'Ben Carter',
];

/** The fixed pool of users authors and assignees are drawn from, with web URLs on `baseUrl`. */
export function makeUsers(baseUrl: string): ApiUser[] {
  return PEOPLE.map((name, index): ApiUser => {
    const id = 1_100_000 + index * 4_001;
    // Non-Latin names get a Latin handle, as GitLab usernames are ASCII.
    const username = /^[\p{Script=Latin} ]+$/u.test(name)
      ? name
          .normalize('NFD')
          .replace(/[^A-Za-z ]/g, '')
          .toLowerCase()
          .replace(/ +/g, '.')
      : `contributor${index}`;
    return {
      id,
      username,
      name,
      state: 'active',
      locked: false,
      avatar_url: `${baseUrl}/uploads/-/system/user/avatar/${id}/avatar.png`,
      web_url: `${baseUrl}/${username}`,
    };
  });
}

// GitLab releases monthly on the third Thursday; 17.0 shipped in May 2024.
function thirdThursday(year: number, month: number): Date {
  const first = new Date(Date.UTC(year, month, 1));
  const offset = (4 - first.getUTCDay() + 7) % 7;
  return new Date(Date.UTC(year, month, 1 + offset + 14));
}

/** gitlab-org's release milestones 17.0–19.5 plus "Backlog", against a fixed reference date (never the clock). */
export function makeMilestones(baseUrl: string, reference: Date): ApiMilestone[] {
  const day = (date: Date): string => date.toISOString().slice(0, 10);
  const releases = Array.from({ length: 30 }, (_, k) => {
    const due = thirdThursday(2024, 4 + k);
    const start = thirdThursday(2024, 3 + k);
    start.setUTCDate(start.getUTCDate() + 1);
    const created = new Date(start.getTime() - 90 * 86_400_000);
    return {
      title: `${17 + Math.floor(k / 12)}.${k % 12}`,
      due: day(due),
      start: day(start),
      created: created.toISOString(),
      expired: due.getTime() < reference.getTime(),
    };
  });
  const backlog = { title: 'Backlog', due: null, start: null, created: '2019-08-12T09:41:07.512Z', expired: false };
  return [...releases, backlog].map((m, k): ApiMilestone => ({
    id: 4_600_000 + k * 137,
    iid: 100 + k,
    group_id: GITLAB_ORG_ID,
    title: m.title,
    description: m.due ? `Release ${m.title}, shipping ${m.due}.` : 'Not scheduled yet.',
    state: m.expired ? 'closed' : 'active',
    created_at: m.created,
    updated_at: m.created,
    due_date: m.due,
    start_date: m.start,
    expired: m.expired,
    web_url: `${baseUrl}/groups/gitlab-org/-/milestones/${100 + k}`,
  }));
}
