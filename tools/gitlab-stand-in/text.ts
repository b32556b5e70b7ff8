import type { Random } from './prng';

// Titles and GitLab-flavoured markdown descriptions built from GitLab's own issue templates, so the fetch's
// markdown handling (headings, fences, comments, task lists, quick actions) meets what gitlab-org really holds.

/** What an issue is about, for choosing its title and description template. */
export type IssueKind = 'bug' | 'feature' | 'maintenance';

/** Inputs a description is written from. */
export interface DescriptionInput {
  kind: IssueKind;
  quickWin: boolean;
  /** Username to @-mention as the contact person. */
  contact: string;
  /** Scoped labels to repeat in a `/label` quick action, as GitLab's templates do. */
  quickActionLabels: string[];
  /** Several KB of logs and tables appended. */
  long: boolean;
}

const OBJECTS = [
  'merge request diff file tree',
  'pipeline editor',
  'runner registration token',
  'issue board swimlanes',
  'container registry cleanup policy',
  'CODEOWNERS approval rules',
  'repository mirroring',
  'Gitaly RPC timeouts',
  'protected branches API',
  'epic roadmap',
  'environment approvals',
  'SAST analyzer output',
  'personal access token expiry',
  'group-level webhooks',
  'wiki page history',
  'merge train status',
  'CI/CD variables page',
  'project import from GitHub',
  'Web IDE file search',
  'code suggestions settings',
  'dependency list export',
  'two-factor authentication recovery codes',
  'issue description autosave',
  'GraphQL `mergeRequests` resolver',
  '`.gitlab-ci.yml` include:component',
  'label picker',
  'user profile README',
  'Markdown table rendering',
  'keyboard shortcuts help modal',
  'audit event streaming',
];
const FEATURE_VERBS = ['Add', 'Allow configuring', 'Support', 'Show', 'Improve', 'Add API for', 'Make sortable:'];
const MAINTENANCE_VERBS = ['Refactor', 'Remove deprecated', 'Migrate to Vue 3:', 'Add specs for', 'Clean up', 'Rename'];
const SYMPTOMS = [
  'returns 500 error',
  'is not updated',
  'shows wrong count',
  'breaks layout',
  'times out',
  'ignores permissions',
];
const CONTEXTS = [
  '',
  '',
  'when the branch name contains a slash',
  'in the Web IDE',
  'for group-level settings',
  'on mobile viewports',
  'in the GraphQL API',
  'for self-managed instances',
  'with a large number of labels',
  'after a project transfer',
];
const FILES = [
  'app/models/merge_request.rb',
  'app/services/issues/update_service.rb',
  'ee/app/finders/epics_finder.rb',
  'app/assets/javascripts/boards/components/board_list.vue',
  'lib/gitlab/ci/config/entry/job.rb',
  'app/graphql/resolvers/issues_resolver.rb',
  'spec/frontend/diffs/components/tree_list_spec.js',
];

/** A title for an issue of `kind`; a few are feature-flag rollouts, as in gitlab-org/gitlab. */
export function makeTitle(random: Random, kind: IssueKind): string {
  const object = random.pick(OBJECTS);
  const context = random.pick(CONTEXTS);
  const tail = context ? ` ${context}` : '';
  if (kind === 'maintenance' && random.chance(0.15)) {
    return `[Feature flag] Roll out \`${object.replace(/\W+/g, '_').replace(/^_|_$/g, '').toLowerCase()}\``;
  }
  if (kind === 'bug') return `${object[0]?.toUpperCase() ?? ''}${object.slice(1)} ${random.pick(SYMPTOMS)}${tail}`;
  const verb = random.pick(kind === 'feature' ? FEATURE_VERBS : MAINTENANCE_VERBS);
  return `${verb} ${object}${tail}`;
}

function sentence(random: Random): string {
  const object = random.pick(OBJECTS);
  return random.pick([
    `The ${object} should behave the same way across projects and groups.`,
    `Users report that the ${object} is confusing ${random.pick(CONTEXTS) || 'for new contributors'}.`,
    `Today the ${object} requires a page reload, which breaks the flow of reviewers.`,
    `This was first raised in #${random.int(1_000, 400_000)} and discussed in gitlab-org/gitlab#${random.int(1_000, 400_000)}.`,
    `See the [documentation](https://docs.gitlab.com/user/project/) and !${random.int(10_000, 180_000)} for context.`,
  ]);
}

function paragraph(random: Random): string {
  return Array.from({ length: random.int(1, 3) }, () => sentence(random)).join(' ');
}

function taskList(random: Random): string {
  return Array.from(
    { length: random.int(2, 5) },
    (_, i) =>
      `- [${random.chance(0.3) ? 'x' : ' '}] ${random.pick(['Update', 'Add', 'Check'])} ${random.pick(OBJECTS)} (step ${i + 1})`,
  ).join('\n');
}

function uploadImage(random: Random): string {
  const hash = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
  return `![screenshot](/uploads/${hash}/image.png){width=600}`;
}

const lines = (...parts: string[]): string => parts.join('\n');
const FENCE = '```';

function bugBody(random: Random): string[] {
  const file = random.pick(FILES);
  return [
    lines(
      '<!---',
      'Please read this!',
      '',
      'Before opening a new issue, make sure to search for keywords in the issues',
      'filtered by the "regression" or "type::bug" label.',
      '-->',
    ),
    `### Summary\n\n${paragraph(random)}`,
    lines(
      '### Steps to reproduce',
      '',
      '1. Go to **Settings > Repository**',
      `2. Open the ${random.pick(OBJECTS)}`,
      '3. Click **Save changes**',
    ),
    '### What is the current *bug* behavior?\n\nThe page shows an error toast and nothing is saved.',
    '### What is the expected *correct* behavior?\n\nThe change is saved and a confirmation is shown.',
    lines(
      '### Relevant logs and/or screenshots',
      '',
      `${FENCE}plaintext`,
      `Completed 500 Internal Server Error in ${random.int(80, 900)}ms`,
      "NoMethodError (undefined method `project' for nil:NilClass):",
      `  ${file}:${random.int(10, 400)}:in \`execute'`,
      FENCE,
      '',
      uploadImage(random),
    ),
    `### Possible fixes\n\nSee [\`${file}\`](https://gitlab.com/gitlab-org/gitlab/-/blob/master/${file}#L${random.int(10, 300)}).`,
  ];
}

function featureBody(random: Random): string[] {
  return [
    `### Release notes\n\n${paragraph(random)}`,
    lines(
      '### Problem to solve',
      '',
      '<!-- What problem do we solve? Try to define the who/what/why of the opportunity as a user story. -->',
      '',
      `As a **Developer**, I want the ${random.pick(OBJECTS)} to remember my choice, so that I do not repeat it.`,
    ),
    lines(
      '### Intended users',
      '',
      '* [Sasha (Software Developer)](https://handbook.gitlab.com/handbook/product/personas/#sasha-software-developer)',
      '* [Devon (DevOps Engineer)](https://handbook.gitlab.com/handbook/product/personas/#devon-devops-engineer)',
    ),
    lines(
      '### Proposal',
      '',
      paragraph(random),
      '',
      '| Setting | Default | Scope |',
      '|---------|---------|-------|',
      '| `enabled` | `false` | project |',
      `| \`limit\` | \`${random.int(10, 500)}\` | instance |`,
    ),
    `### Permissions and Security\n\n${taskList(random)}`,
    '### Documentation\n\nUpdate [the user docs](https://docs.gitlab.com/user/project/settings/).',
  ];
}

function maintenanceBody(random: Random): string[] {
  return [
    `## Summary\n\n${paragraph(random)}`,
    `## Improvements\n\n${taskList(random)}`,
    '## Risks\n\nLow: the change is behind a feature flag.',
    `## Involved components\n\n- \`${random.pick(FILES)}\`\n- \`${random.pick(FILES)}\``,
  ];
}

// The quick-win bar is a level-2 or level-3 heading starting with "Implementation"; the decoys look like one
// (level 4, inside a fence, inside an HTML comment) and must not count downstream.
function implementation(random: Random, quickWin: boolean, contact: string): string | null {
  const steps = lines(
    `1. Update \`${random.pick(FILES)}\` to handle the new case.`,
    '2. Add a spec in `spec/`.',
    '3. Add a changelog trailer to the commit.',
    '',
    `Contact: @${contact}`,
  );
  const variant = quickWin
    ? random.weighted([
        ['plan', 30],
        ['guide', 20],
        ['level4', 15],
        ['fenced', 5],
        ['comment', 5],
        ['none', 25],
      ] as const)
    : random.weighted([
        ['plan', 8],
        ['guide', 2],
        ['none', 90],
      ] as const);
  switch (variant) {
    case 'plan':
      return `## Implementation plan\n\n${steps}`;
    case 'guide':
      return `### Implementation guide\n\n${steps}`;
    case 'level4':
      return `#### Implementation\n\n${steps}`;
    case 'fenced':
      return lines('Template for the plan:', '', `${FENCE}markdown`, '## Implementation plan', '', '1. TODO', FENCE);
    case 'comment':
      return lines('<!--', '## Implementation plan', 'Fill this in before adding ~"quick win".', '-->');
    case 'none':
      return null;
  }
}

function longAppendix(random: Random): string {
  const logLines = Array.from({ length: random.int(120, 220) }, (_, i) => {
    const time = `2026-0${random.int(1, 9)}-1${random.int(0, 9)}T12:${String(i % 60).padStart(2, '0')}:00.000Z`;
    return `${time} WARN  job=${random.int(1e6, 9e6)} ${random.pick(SYMPTOMS)} in ${random.pick(FILES)}`;
  });
  const rows = Array.from(
    { length: 40 },
    (_, i) => `| ${i + 1} | ${random.pick(OBJECTS)} | ${random.int(0, 999)} ms |`,
  );
  return lines(
    '<details><summary>Full log</summary>',
    '',
    `${FENCE}plaintext`,
    ...logLines,
    FENCE,
    '',
    '</details>',
    '',
    '| # | Area | p95 |',
    '|---|------|-----|',
    ...rows,
  );
}

/** A markdown description in the style of GitLab's issue templates; null or empty for a few issues. */
export function makeDescription(random: Random, input: DescriptionInput): string | null {
  const roll = random.next();
  if (roll < 0.05) return null;
  if (roll < 0.07) return '';
  const body =
    input.kind === 'bug' ? bugBody(random) : input.kind === 'feature' ? featureBody(random) : maintenanceBody(random);
  const plan = implementation(random, input.quickWin, input.contact);
  if (plan) body.push(plan);
  if (input.long) body.push(longAppendix(random));
  const actions = input.quickActionLabels.map((name) => `/label ~"${name}"`);
  if (random.chance(0.3)) actions.push(`/cc @${input.contact}`);
  if (actions.length > 0) body.push(actions.join('\n'));
  return body.join('\n\n');
}
