import { describe, expect, it } from 'vitest';
import { generateEpics } from '../../tools/gitlab-stand-in/epics';
import { CURATED_LABELS, generateIssues, isListed, type ApiIssue } from '../../tools/gitlab-stand-in/generator';
import { withClosingMergeRequests, type IssueMergeRequests } from '../../tools/gitlab-stand-in/merge-requests';
import { fetchInto, readSnapshot, useStandIns } from './run-fetch';
import { runFetch } from '../../tools/run-script';
import { serializeSnapshot } from '../../src/lib/snapshot';
import { writeFile } from 'node:fs/promises';

// What real gitlab-org data looks like to the fetch: every work item type under the curated labels, merge requests
// in every state, epics on their way to work items, and gitlab.com's header-less 429s.

const TOKEN = 'glpat-CANARY-types-5e21';
const gitlab = useStandIns();
const issues = generateIssues({ count: 600, seed: 21 });
const curatedOfType = (type: ApiIssue['type']) =>
  issues.filter((issue) => issue.type === type && isListed(issue, CURATED_LABELS, [type]));

describe('work item types', () => {
  it('lists only ISSUE items, even with a token that sees everything, and asks GitLab for issues only', async () => {
    for (const type of ['INCIDENT', 'TEST_CASE', 'REQUIREMENT', 'TASK', 'TICKET'] as const) {
      expect(curatedOfType(type).length, type).toBeGreaterThan(0);
    }
    const server = await gitlab({ issues, tokens: { [TOKEN]: { confidential: true } } });
    const { out, run } = await fetchInto(server, ['--no-epics'], { GITLAB_TOKEN: TOKEN });
    expect(run.code, run.stderr).toBe(0);
    const listed = (await readSnapshot(out)).issues;
    expect(listed.map((item) => item.id)).toEqual(curatedOfType('ISSUE').map((issue) => issue.id));
    expect(listed.every((item) => item.kind === 'issue')).toBe(true);
    expect(run.stdout).not.toMatch(/dropped/);
  });

  it('drops other types GitLab returns anyway (an instance that ignores issue_type) and counts them by type', async () => {
    const server = await gitlab({ issues, ignoresIssueType: true });
    const { out, run } = await fetchInto(server, ['--no-epics']);
    expect(run.code, run.stderr).toBe(0);
    expect((await readSnapshot(out)).issues.map((item) => item.id)).toEqual(curatedOfType('ISSUE').map((issue) => issue.id));
    const dropped = run.stdout.match(/^ {2}dropped (.+) the API returned$/m)![1]!;
    for (const [type, noun] of [['INCIDENT', 'incident'], ['TEST_CASE', 'test case'], ['TASK', 'task']] as const) {
      const n = curatedOfType(type).length;
      expect(dropped).toContain(`${n} ${n === 1 ? noun : `${noun}s`}`);
    }
  });

  it('lists tasks too, marked as tasks, with ITEM_TYPES=issue,task: one query per type and label', async () => {
    const server = await gitlab({ issues });
    const { out, run } = await fetchInto(server, ['--no-epics'], { ITEM_TYPES: 'issue,task' });
    expect(run.code, run.stderr).toBe(0);
    const listed = (await readSnapshot(out)).issues;
    expect(listed.filter((item) => item.kind === 'task').map((item) => item.id)).toEqual(curatedOfType('TASK').map((issue) => issue.id));
    expect(listed.filter((item) => item.kind === 'issue')).toHaveLength(curatedOfType('ISSUE').length);
    const types = server.requests.filter((request) => request.path.endsWith('/issues')).map((request) => request.query.issue_type);
    expect(new Set(types)).toEqual(new Set(['issue', 'task']));
    expect(run.stdout).toMatch(/^fetched \d+ unique issues and \d+ tasks in /m);
  });

  it('refuses an ITEM_TYPES it does not know, with one line', async () => {
    const server = await gitlab({ issues });
    const { run } = await fetchInto(server, [], { ITEM_TYPES: 'issue,incident' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('fetch: invalid setting ITEM_TYPES: must list issue and/or task (comma-separated)\n');
  });
});

describe('"Someone is on it": open merge requests only', () => {
  // Four free, curated, unassigned issues given hand-made closing merge requests.
  const free = issues.filter((issue) => isListed(issue) && issue.assignees.length === 0).slice(0, 4);
  const cases: Array<[name: string, states: Parameters<typeof withClosingMergeRequests>[1]]> = [
    ['only a closed MR', ['closed']],
    ['an open MR and a closed one', ['closed', 'opened']],
    ['a merged MR, reopened since', ['merged']],
    ['a locked MR', ['locked']],
  ];
  const made = cases.map(([, states], n) => withClosingMergeRequests(free[n]!, states));
  const data = issues.map((issue) => made.find((m) => m.issue.id === issue.id)?.issue ?? issue);
  const mergeRequests = new Map<number, IssueMergeRequests>(made.map((m) => [m.issue.id, m.mergeRequests]));

  it('counts only open merge requests that close the issue, keeps their reference and URL, and asks only where GitLab counts any', async () => {
    const server = await gitlab({ issues: data, mergeRequests });
    const { out, run } = await fetchInto(server, ['--no-epics']);
    expect(run.code, run.stderr).toBe(0);
    const byId = new Map((await readSnapshot(out)).issues.map((item) => [item.id, item]));
    const [closedOnly, openToo, reopened, locked] = made.map((m) => byId.get(m.issue.id)!);
    expect(closedOnly).toMatchObject({ mergeRequests: 0, openMergeRequests: [] });
    const open = made[1]!.mergeRequests.closing[1]!;
    expect(openToo).toMatchObject({ mergeRequests: 1, openMergeRequests: [{ reference: open.references.full, url: open.web_url }] });
    expect(reopened).toMatchObject({ mergeRequests: 0, openMergeRequests: [] });
    expect(locked).toMatchObject({ mergeRequests: 0, openMergeRequests: [] });

    const lookups = server.requests.filter((request) => request.path.endsWith('/closed_by'));
    const counted = data.filter((issue) => isListed(issue) && issue.merge_requests_count > 0);
    expect(lookups).toHaveLength(counted.length);
    expect(new Set(lookups.map((request) => request.path)).size).toBe(counted.length);
    const open$ = [...byId.values()].reduce((sum, item) => sum + item.mergeRequests, 0);
    expect(run.stdout).toContain(`  open merge requests: ${open$}, looked up for ${counted.length} issues that GitLab links to any\n`);
  });

  it('never reuses merge requests from the previous snapshot: an MR closed since makes the issue free', async () => {
    const before = await gitlab({ issues: data, mergeRequests });
    const { out } = await fetchInto(before, ['--no-epics'], { SOURCE_DATE_EPOCH: '1798761600' });
    expect((await readSnapshot(out)).issues.find((item) => item.id === made[1]!.issue.id)!.mergeRequests).toBe(1);
    await before.close();
    // The open MR was closed; the issue itself did not change (GitLab does not touch its updated_at).
    const closedNow = new Map(mergeRequests);
    closedNow.set(made[1]!.issue.id, withClosingMergeRequests(made[1]!.issue, ['closed', 'closed']).mergeRequests);
    const after = await gitlab({ issues: data, mergeRequests: closedNow });
    const run = await runFetch(['--out', out, '--no-epics'], { GITLAB_URL: after.url, SOURCE_DATE_EPOCH: '1798848000' });
    expect(run.code, run.stderr).toBe(0);
    expect((await readSnapshot(out)).issues.find((item) => item.id === made[1]!.issue.id)).toMatchObject({
      mergeRequests: 0,
      openMergeRequests: [],
    });
  });
});

describe('rate limits as gitlab.com answers them', () => {
  it('waits out 40 s of 429s that carry no timing header at all, and writes the snapshot', async () => {
    const server = await gitlab({ issues: issues.slice(0, 150) });
    server.inject({ kind: 'rate-limit', retryAfterSeconds: 40, bare: true });
    const { out, run } = await fetchInto(server, ['--no-epics']);
    expect(run.code, run.stderr).toBe(0);
    const refused = server.requests.filter((request) => request.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/retry 1\/5 in 15\.0 s: .+: 429 Too Many Requests/);
    expect(run.stderr).toMatch(/retry 2\/5 in 30\.0 s: .+: 429 Too Many Requests/);
    // Every request waited for the same window: the summary counts it once, not once per request in flight.
    const waited = Number(run.stdout.match(/waited for rate limits: ([\d.]+) s/)![1]);
    expect(waited).toBeGreaterThanOrEqual(44);
    expect(waited).toBeLessThan(50);
    expect((await readSnapshot(out)).issues.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('epics on their way to work items', () => {
  it('keeps an epic’s firstSeenAt when its legacy id changes but its work item id stays', async () => {
    const epics = generateEpics({ count: 40, seed: 8, confidentialShare: 0, closedShare: 0 });
    const first = await gitlab({ issues: [], epics });
    const { out, run } = await fetchInto(first, [], { SOURCE_DATE_EPOCH: '1798761600' });
    expect(run.code, run.stderr).toBe(0);
    const cold = await readSnapshot(out);
    const OLD = '2026-01-01T00:00:00.000Z';
    await writeFile(out, serializeSnapshot({ ...cold, issues: cold.issues.map((item) => ({ ...item, firstSeenAt: OLD })) }));
    await first.close();

    // GitLab moved the epics: new legacy ids, the same work item ids.
    const moved = epics.map((epic) => ({ ...epic, id: epic.id + 5_000_000 }));
    // The same instance: the same address.
    const second = await gitlab({ issues: [], epics: moved, port: Number(new URL(first.url).port) });
    const next = await runFetch(['--out', out], { GITLAB_URL: second.url, SOURCE_DATE_EPOCH: '1798848000' });
    expect(next.code, next.stderr).toBe(0);
    const after = await readSnapshot(out);
    expect(after.issues.length).toBe(cold.issues.length);
    for (const item of after.issues) {
      expect(item.workItemId).not.toBeNull();
      expect(item.firstSeenAt).toBe(OLD);
    }
  });
});
