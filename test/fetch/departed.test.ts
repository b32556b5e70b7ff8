// Two nights against the stand-in on one address: last night's snapshot is the previous one, tonight some of its
// items are gone from the list, and the fetch asks GitLab why.
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEPARTED_LOOKUPS_MAX } from '../../scripts/fetch/departed';
import { serializeSnapshot } from '../../src/lib/snapshot';
import { generateIssues, isListed, type ApiIssue } from '../../tools/gitlab-stand-in/generator';
import { startGitLab } from '../../tools/gitlab-stand-in/server';
import { runFetch } from '../../tools/run-script';
import { fetchInto, readSnapshot, useStandIns } from './run-fetch';

const gitlab = useStandIns();
const TOKEN = 'glpat-CANARY-departed-71c2';
const LAST_NIGHT = { SOURCE_DATE_EPOCH: '1798761600' }; // 2027-01-01T00:00:00Z
const TONIGHT = { SOURCE_DATE_EPOCH: '1798848000' }; // a day later
const CLOSED_AT = '2027-01-01T06:00:00.000Z';

/** A port on 127.0.0.1 free now, so that both nights' stand-ins have the same address (the snapshot's source). */
async function freePort(): Promise<number> {
  const probe = await startGitLab({ issues: [] });
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return port;
}

const curated = ['co-create', 'quick win', 'quick win::first-time contributor'];
const withoutCurated = (issue: ApiIssue): ApiIssue => ({ ...issue, labels: issue.labels.filter((label) => !curated.includes(label.name)) });
const closed = (issue: ApiIssue): ApiIssue => ({ ...issue, state: 'closed', closed_at: CLOSED_AT, updated_at: CLOSED_AT });

/** Last night's snapshot of `before` at `port`, then tonight's fetch of `after` there; the stand-ins on one address. */
async function twoNights(before: (base: string) => ApiIssue[], after: (issues: ApiIssue[]) => ApiIssue[], tonight: { args?: string[]; env?: Record<string, string>; tokens?: Record<string, { confidential: boolean }> } = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const issues = before(base);
  const first = await gitlab({ issues, port });
  const lastNight = await fetchInto(first, [], LAST_NIGHT);
  expect(lastNight.run.code, lastNight.run.stderr).toBe(0);
  await first.close();
  const previous = await readSnapshot(lastNight.out);
  const second = await gitlab({ issues: after(issues), port, tokens: tonight.tokens ?? {} });
  const run = await runFetch(['--out', lastNight.out, ...(tonight.args ?? [])], { GITLAB_URL: base, ...TONIGHT, ...tonight.env });
  return { server: second, run, out: lastNight.out, previous, issues };
}

const listedOf = (base: string) => generateIssues({ count: 80, seed: 11, baseUrl: base });
const singleReads = (paths: string[]) => paths.filter((path) => /^\/api\/v4\/(projects\/[^/]+\/issues|groups\/[^/]+\/epics)\/\d+$/.test(path));

describe('what left the list, and why', () => {
  // Closed, unlabelled, moved, made confidential, deleted; one of each among last night's listed issues.
  const reshape = (issues: ApiIssue[]) => {
    const listed = issues.filter((issue) => isListed(issue));
    const [a, b, c, d, e] = listed;
    const changes = new Map<number, ApiIssue | null>([
      [a!.id, closed(a!)],
      [b!.id, { ...withoutCurated(b!), updated_at: CLOSED_AT }],
      [c!.id, { ...closed(c!), moved_to_id: 999_999_999 }],
      [d!.id, { ...d!, confidential: true }],
      [e!.id, null],
    ]);
    const after = issues.flatMap((issue) => (changes.has(issue.id) ? (changes.get(issue.id) ? [changes.get(issue.id)!] : []) : [issue]));
    return { after, gone: [a!, b!, c!, d!, e!] };
  };

  for (const [who, tokens, env] of [
    ['anonymous (a confidential issue is a 404)', {}, {}],
    ['with a token that sees confidential issues', { [TOKEN]: { confidential: true } }, { GITLAB_TOKEN: TOKEN }],
  ] as const) {
    it(`says closed, no longer curated, moved and hidden, asking GitLab once for each, ${who}`, async () => {
      let gone: ApiIssue[] = [];
      const { server, run, out } = await twoNights(listedOf, (issues) => {
        const reshaped = reshape(issues);
        gone = reshaped.gone;
        return reshaped.after;
      }, { tokens, env });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^ {2}left the list: 5: closed 1, uncurated 1, moved 1, hidden 2$/m);
      const snapshot = await readSnapshot(out);
      const [a, b, c, d, e] = gone;
      const byReference = new Map(snapshot.departed.map((entry) => [entry.reference, entry]));
      expect(byReference.get(a!.references.full)).toMatchObject({ reason: 'closed', at: CLOSED_AT, title: a!.title, url: a!.web_url });
      expect(byReference.get(b!.references.full)).toMatchObject({ reason: 'uncurated', at: CLOSED_AT, title: b!.title });
      expect(byReference.get(c!.references.full)).toMatchObject({ reason: 'moved', at: CLOSED_AT });
      // Hidden: nothing of a confidential or deleted issue but what identified it on the list.
      expect(byReference.get(d!.references.full)).toMatchObject({ reason: 'hidden', title: '', at: snapshot.generatedAt });
      expect(byReference.get(e!.references.full)).toMatchObject({ reason: 'hidden', title: '', at: snapshot.generatedAt });
      expect(await readFile(out, 'utf8')).not.toContain(d!.title);
      expect(snapshot.departed).toHaveLength(5);
      expect(byReference.get(a!.references.full)!.curated).toEqual(curated.filter((label) => a!.labels.some((l) => l.name === label)));
      // Once each, through the same requester: the token went along when there was one.
      const reads = server.requests.filter((request) => singleReads([request.path]).length > 0);
      expect(reads.map((request) => decodeURIComponent(request.path)).sort()).toEqual(
        gone.map((issue) => `/api/v4/projects/${issue.references.full.replace(/#.*/, '')}/issues/${issue.iid}`).sort(),
      );
      expect(reads.every((request) => request.authenticated === ('GITLAB_TOKEN' in env))).toBe(true);
    });
  }

  it('carries last night’s departures forward, drops one that came back, and asks nothing on a night without changes', async () => {
    let gone: ApiIssue[] = [];
    const { server: tonight, run, out, issues } = await twoNights(listedOf, (all) => {
      const reshaped = reshape(all);
      gone = reshaped.gone;
      return reshaped.after;
    });
    expect(run.code, run.stderr).toBe(0);
    await tonight.close();
    // A third night: the closed issue was reopened, nothing else changed.
    const reopened = issues.filter((issue) => issue.id !== gone[1]!.id && issue.id !== gone[2]!.id && issue.id !== gone[3]!.id && issue.id !== gone[4]!.id);
    const port = Number(new URL(JSON.parse(await readFile(out, 'utf8')).source.url).port);
    const server = await gitlab({ issues: reopened, port });
    const third = await runFetch(['--out', out], { GITLAB_URL: server.url, SOURCE_DATE_EPOCH: '1798934400' });
    expect(third.code, third.stderr).toBe(0);
    expect(singleReads(server.requests.map((request) => request.path))).toEqual([]);
    const snapshot = await readSnapshot(out);
    expect(snapshot.departed.map((entry) => entry.reference).sort()).toEqual(gone.slice(1).map((issue) => issue.references.full).sort());
  });

  it(`asks about at most ${DEPARTED_LOOKUPS_MAX} items a night and records the rest as unknown`, async () => {
    const many = (base: string) => generateIssues({ count: 900, seed: 5, baseUrl: base });
    const { server, run, out, previous } = await twoNights(many, (issues) => issues.map(closed), { args: ['--allow-shrink'] });
    expect(run.code, run.stderr).toBe(0);
    const listed = previous.issues.length;
    expect(listed).toBeGreaterThan(DEPARTED_LOOKUPS_MAX);
    expect(singleReads(server.requests.map((request) => request.path))).toHaveLength(DEPARTED_LOOKUPS_MAX);
    const snapshot = await readSnapshot(out);
    expect(snapshot.issues).toEqual([]);
    expect(snapshot.departed.filter((entry) => entry.reason === 'closed')).toHaveLength(DEPARTED_LOOKUPS_MAX);
    expect(snapshot.departed.filter((entry) => entry.reason === 'unknown')).toHaveLength(listed - DEPARTED_LOOKUPS_MAX);
    expect(run.stdout).toContain(`left the list: ${listed} (asked about the first ${DEPARTED_LOOKUPS_MAX}; the rest: unknown)`);
  });

  it('publishes no link off the instance and no text from a tampered previous snapshot', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const issues = listedOf(base);
    const first = await gitlab({ issues, port });
    const { out } = await fetchInto(first, [], LAST_NIGHT);
    await first.close();
    const published = await readSnapshot(out);
    const listed = issues.filter((issue) => isListed(issue));
    const [offSite, confidential, pastCap] = listed;
    const tamper = new Map([
      [offSite!.id, { url: 'https://evil.example/phish', title: 'Click here' }],
      [confidential!.id, { title: 'Secret, made public again' }],
      [pastCap!.id, { title: 'A'.repeat(300) }],
    ]);
    const planted = {
      reference: 'gitlab-org/gitlab#1', url: 'javascript:planted()', title: 'planted', reason: 'closed', at: '2027-01-01T00:00:00.000Z', curated: ['co-create'], stage: null, group: null,
    };
    const text = serializeSnapshot({ ...published, issues: published.issues.map((item) => ({ ...item, ...tamper.get(item.id) })).map((item) => ({ ...item, title: item.title.slice(0, 255) })) });
    await writeFile(out, text.replace('"departed":[]', `"departed":[${JSON.stringify(planted)}]`));
    const after = issues.map((issue) => (issue.id === confidential!.id ? { ...issue, confidential: true } : issue.id === offSite!.id || issue.id === pastCap!.id ? closed(issue) : issue));
    const server = await gitlab({ issues: after, port });
    const run = await runFetch(['--out', out], { GITLAB_URL: server.url, ...TONIGHT });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`warning: left out the departure of ${offSite!.references.full}: the previous snapshot's link is not under ${base}`);
    const written = await readFile(out, 'utf8');
    for (const text of ['evil.example', 'javascript:planted', 'planted', 'Secret, made public again', 'Click here']) expect(written).not.toContain(text);
    const snapshot = await readSnapshot(out);
    expect(snapshot.departed.map((entry) => [entry.reference, entry.reason]).sort()).toEqual(
      [[confidential!.references.full, 'hidden'], [pastCap!.references.full, 'closed']].sort(),
    );
    // A closed issue's title is GitLab's tonight, not the previous snapshot's.
    expect(snapshot.departed.find((entry) => entry.reason === 'closed')!.title).toBe(pastCap!.title);
  });
});
