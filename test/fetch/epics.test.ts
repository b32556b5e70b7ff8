import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateEpics } from '../../tools/gitlab-stand-in/epics';
import { isConfidential } from '../../tools/gitlab-stand-in/catalog';
import { generateIssues, isListed } from '../../tools/gitlab-stand-in/generator';
import { FAST_RETRIES, fetchInto, filesIn, readSnapshot, useStandIns } from './run-fetch';
import { runFetch } from '../../tools/run-script';
import { serializeSnapshot } from '../../src/lib/snapshot';

const TOKEN = 'glpat-CANARY-epics-81b2';
const gitlab = useStandIns();

const issues = generateIssues({ count: 300, seed: 11 });
// A listed epic shares its id with a listed issue: the two must both be listed, once each.
const sharedId = issues.find((issue) => isListed(issue))!.id;
const generated = generateEpics({ count: 140, seed: 5 });
const twin = generated.find((epic) => isListed(epic))!;
const epics = generated.map((epic) => (epic === twin ? { ...epic, id: sharedId } : epic));
const listedEpics = epics.filter((epic) => isListed(epic));
const linesAbout = (text: string, word: RegExp) => text.split('\n').filter((line) => word.test(line));

describe('npm run fetch with the group epics', () => {
  it('lists the open, public curated epics beside the issues, with group, reference and URL', async () => {
    const server = await gitlab({ issues, epics, tokens: { [TOKEN]: { confidential: true } } });
    const { out, run } = await fetchInto(server, [], { GITLAB_TOKEN: TOKEN });
    expect(run.code, run.stderr).toBe(0);
    const snapshot = await readSnapshot(out);
    const listed = snapshot.issues.filter((item) => item.kind === 'epic');
    expect(epics.some((epic) => isConfidential(epic) && epic.state === 'opened')).toBe(true);
    expect(epics.some((epic) => epic.confidential === 'false' && isListed(epic))).toBe(true);
    expect(epics.some((epic) => epic.state === 'closed')).toBe(true);
    expect(listed.map((epic) => epic.id)).toEqual(listedEpics.map((epic) => epic.id).sort((a, b) => a - b));
    const listedIssues = snapshot.issues.filter((item) => item.kind === 'issue');
    expect(listedIssues).toHaveLength(issues.filter((issue) => isListed(issue)).length);
    expect(snapshot.issues.filter((item) => item.id === sharedId).map((item) => item.kind)).toEqual(['issue', 'epic']);

    const sub = listedEpics.find((epic) => epic.references.full.startsWith('gitlab-org/charts&'))!;
    expect(listed.find((epic) => epic.id === sub.id)).toMatchObject({
      kind: 'epic',
      project: 'gitlab-org/charts',
      reference: `gitlab-org/charts&${sub.iid}`,
      url: `https://gitlab.com/groups/gitlab-org/charts/-/epics/${sub.iid}`,
      weight: null,
      milestone: null,
      assignees: [],
      mergeRequests: 0,
      upvotes: sub.upvotes,
      type: 'feature',
    });
    const epicRequests = server.requests.filter((request) => request.path.endsWith('/epics'));
    expect(epicRequests.length).toBeGreaterThanOrEqual(3);
    for (const request of epicRequests) {
      expect(request.query).toMatchObject({ state: 'opened', with_labels_details: 'true', per_page: '100' });
    }
    expect(run.stdout).toMatch(new RegExp(`^ {2}epics: ${listedEpics.length}$`, 'm'));
    expect(run.stdout).toMatch(/^co-create: page 1\/1, \d+ epics$/m);
  });

  it('pages epics like issues: concurrently when GitLab tells the total', async () => {
    const many = generateEpics({
      count: 450,
      seed: 9,
      curatedLabels: ['co-create'],
      closedShare: 0,
      confidentialShare: 0,
    });
    const server = await gitlab({ issues: issues.slice(0, 20), epics: many });
    const { out, run } = await fetchInto(server, [], { CURATED_LABELS: 'co-create' });
    expect(run.code, run.stderr).toBe(0);
    expect((await readSnapshot(out)).issues.filter((item) => item.kind === 'epic')).toHaveLength(450);
    const epicRequests = server.requests.filter((request) => request.path.endsWith('/epics'));
    const pages = epicRequests.map((request) => request.query.page);
    expect(pages.sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  for (const status of [403, 404] as const) {
    it(`goes on with issues alone when the epics endpoint answers ${status}, saying so in one line`, async () => {
      const server = await gitlab({ issues, epics, epicsStatus: status });
      const { out, run } = await fetchInto(server, FAST_RETRIES);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      const about = linesAbout(`${run.stdout}${run.stderr}`, /epic/i);
      expect(about).toHaveLength(1);
      const expected = `^ {2}epics: not available from gitlab-org \\(${status} .+\\); listing issues only$`;
      expect(about[0]).toMatch(new RegExp(expected));
      const snapshot = await readSnapshot(out);
      expect(snapshot.issues.every((item) => item.kind === 'issue')).toBe(true);
      expect(snapshot.issues).toHaveLength(issues.filter((issue) => isListed(issue)).length);
    });
  }

  it('treats a stand-in without epics like GitLab Free: 404, issues only', async () => {
    const server = await gitlab({ issues });
    const { run } = await fetchInto(server);
    expect(run.code, run.stderr).toBe(0);
    expect(linesAbout(run.stdout, /epic/i)).toEqual([
      '  epics: not available from gitlab-org (404 Not Found); listing issues only',
    ]);
  });

  it('fails and keeps the previous snapshot when epics keep answering 5xx beyond the retries', async () => {
    const server = await gitlab({ issues, epics });
    const { folder, out } = await fetchInto(server);
    const before = await readFile(out);
    server.inject({ kind: 'status', status: 502, match: { path: '/epics' }, times: Infinity });
    const run = await runFetch(['--out', out, ...FAST_RETRIES], { GITLAB_URL: server.url });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /^fetch failed: GET \/groups\/gitlab-org\/epics\?labels=.+ page 1: 502 Bad Gateway after 6 attempts$/,
    );
    expect(await readFile(out)).toEqual(before);
    expect(await filesIn(folder)).toEqual(['issues.json']);
  });

  it('leaves out an epic of the wrong shape with one warning that names it and the field', async () => {
    const server = await gitlab({ issues, epics });
    server.inject({ kind: 'wrong-shape', match: { path: '/epics', label: 'co-create' } });
    const { out, run } = await fetchInto(server, FAST_RETRIES);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^warning: left out: GET \/groups\/gitlab-org\/epics\?labels=co-create page 1: epic id \d+: field \w+: .+$/),
    ]);
    expect(run.stdout).toMatch(/^ {2}left out 1 of \d+ items that failed validation \(see the warnings\)$/m);
    expect((await readSnapshot(out)).issues.filter((item) => item.kind === 'epic').length).toBeGreaterThan(0);
  });

  it('asks nothing of the epics endpoint with --no-epics', async () => {
    const server = await gitlab({ issues, epics });
    const { out, run } = await fetchInto(server, ['--no-epics']);
    expect(run.code, run.stderr).toBe(0);
    expect(server.requests.filter((request) => request.path.endsWith('/epics'))).toEqual([]);
    expect(linesAbout(run.stdout, /epic/i)).toEqual([]);
    expect((await readSnapshot(out)).issues.every((item) => item.kind === 'issue')).toBe(true);
  });
});

describe('firstSeenAt across runs', () => {
  it('keeps what the previous snapshot says and marks the items it lacked as first seen now', async () => {
    const server = await gitlab({ issues, epics });
    const first = await fetchInto(server, [], { SOURCE_DATE_EPOCH: '1798761600' });
    expect(first.run.code, first.run.stderr).toBe(0);
    const cold = await readSnapshot(first.out);
    expect(cold.previousGeneratedAt).toBeNull();
    expect(cold.issues.every((item) => item.firstSeenAt === cold.generatedAt)).toBe(true);

    // The previous snapshot lacked every fourth item (issues and epics); the rest were first seen long ago.
    const OLD = '2026-01-01T00:00:00.000Z';
    const key = (item: { kind: string; id: number }) => `${item.kind}-${item.id}`;
    const lacked = new Set(cold.issues.filter((_, n) => n % 4 === 0).map(key));
    expect([...lacked].some((key) => key.startsWith('epic-'))).toBe(true);
    const previous = {
      ...cold,
      issues: cold.issues.filter((item) => !lacked.has(key(item))).map((item) => ({ ...item, firstSeenAt: OLD })),
    };
    await writeFile(first.out, serializeSnapshot(previous));

    const run = await runFetch(['--out', first.out], { GITLAB_URL: server.url, SOURCE_DATE_EPOCH: '1798848000' });
    expect(run.code, run.stderr).toBe(0);
    const next = await readSnapshot(first.out);
    expect(next.generatedAt).toBe('2027-01-02T00:00:00.000Z');
    expect(next.previousGeneratedAt).toBe(cold.generatedAt);
    expect(next.issues).toHaveLength(cold.issues.length);
    for (const item of next.issues) {
      expect(item.firstSeenAt, key(item)).toBe(lacked.has(key(item)) ? next.generatedAt : OLD);
    }
  });
});
