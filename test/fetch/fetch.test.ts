import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURATED_LABELS, generateIssues, isListed, type ApiIssue } from '../../tools/gitlab-stand-in/generator';
import { FAST_RETRIES, fetchInto, filesIn, readSnapshot, tempFolder, useStandIns } from './run-fetch';
import { runFetch } from '../../tools/run-script';
import { parseSnapshot, serializeSnapshot } from '../../src/lib/snapshot';

const TOKEN = 'glpat-CANARY-3f9a1c7e5d';
const gitlab = useStandIns();

const issues600 = generateIssues({ count: 600, seed: 7 });
const labelNames = (issue: ApiIssue) => issue.labels.map((label) => (typeof label === 'string' ? label : label.name));

describe('npm run fetch against the GitLab stand-in', () => {
  it('lists exactly the open, non-confidential curated issues, once each, even with a token that sees confidential ones', async () => {
    const server = await gitlab({ issues: issues600, tokens: { [TOKEN]: { confidential: true } } });
    const { out, run } = await fetchInto(server, [], { GITLAB_TOKEN: TOKEN });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const snapshot = await readSnapshot(out);
    const expected = issues600.filter((issue) => isListed(issue));
    expect(expected.length).toBeGreaterThan(200);
    expect(issues600.some((issue) => issue.confidential && labelNames(issue).some((l) => CURATED_LABELS.includes(l)))).toBe(true);
    expect(snapshot.issues.map((issue) => issue.id)).toEqual(expected.map((issue) => issue.id).sort((a, b) => a - b));

    const byId = new Map(snapshot.issues.map((issue) => [issue.id, issue]));
    const twoCurated = expected.filter((issue) => labelNames(issue).filter((l) => CURATED_LABELS.includes(l)).length >= 2);
    expect(twoCurated.length).toBeGreaterThan(0);
    for (const issue of expected) {
      expect(byId.get(issue.id)!.curated).toEqual(CURATED_LABELS.filter((label) => labelNames(issue).includes(label)));
    }
    // Every list request asked for what GitLab needs to be told explicitly, issues only among the work item types.
    const lists = server.requests.filter((request) => request.path.endsWith('/issues'));
    expect(lists.length).toBeGreaterThan(0);
    for (const request of lists) {
      expect(request.query).toMatchObject({
        state: 'opened',
        confidential: 'false',
        with_labels_details: 'true',
        per_page: '100',
        issue_type: 'issue',
      });
    }
    expect(snapshot.source).toEqual({ url: server.url, group: 'gitlab-org', labels: CURATED_LABELS });
  });

  it('keeps many pages in flight without a warning on stderr', async () => {
    // Every request in flight listens for the run's abort; Node warns past 10 listeners unless told otherwise.
    const issues = generateIssues({ count: 2500, seed: 9, curatedShare: 1, curatedLabels: ['co-create'] });
    const server = await gitlab({ issues, latencyMs: 100 });
    const { run } = await fetchInto(server, ['--no-epics', '--concurrency', '16']);
    expect(run.code, run.stderr).toBe(0);
    expect(server.requests.length).toBeGreaterThan(16);
    expect(run.stderr).toBe('');
  });

  it('prints progress per label and page, then a summary', async () => {
    const server = await gitlab({ issues: issues600 });
    const { run } = await fetchInto(server);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^quick win: page 1\/\d+, 100 issues$/m);
    expect(run.stdout).toMatch(/^fetched \d+ unique issues in [\d.]+ s$/m);
    expect(run.stdout).toMatch(/^ {2}co-create: \d+$/m);
    expect(run.stdout).toMatch(/^ {2}requests: \d+, retries: 0, waited for rate limits: 0\.0 s$/m);
  });

  it('survives a 429 storm, a 502 and a connection reset, waiting at least what Retry-After said', async () => {
    const server = await gitlab({ issues: issues600 });
    server.inject({ kind: 'rate-limit', retryAfterSeconds: 2, match: { page: 1 } });
    server.inject({ kind: 'status', status: 502, match: { label: 'quick win', page: 2 } });
    server.inject({ kind: 'reset', match: { label: 'co-create' } });
    const { out, run } = await fetchInto(server, ['--backoff-ms', '50']);
    expect(run.code, run.stderr).toBe(0);
    expect(server.requests.filter((request) => request.status === 429).length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/retry 1\/5 in [\d.]+ s: GET \/groups\/gitlab-org\/issues\?labels=.+ page 1: 429 Too Many Requests/);
    expect(run.stderr).toMatch(/quick win page 2: 502/);
    expect(run.stderr).toMatch(/co-create page 1: connection failed/);
    const waited = Number(run.stdout.match(/waited for rate limits: ([\d.]+) s/)![1]);
    expect(waited).toBeGreaterThanOrEqual(1.9);
    expect(run.ms).toBeGreaterThanOrEqual(2000);
    expect((await readSnapshot(out)).issues).toHaveLength(issues600.filter((issue) => isListed(issue)).length);
  });

  it('retries a request that hangs past the per-request timeout', async () => {
    const server = await gitlab({ issues: issues600 });
    server.inject({ kind: 'hang', match: { label: 'co-create' } });
    const { run } = await fetchInto(server, ['--timeout', '1', '--backoff-ms', '20']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/co-create page 1: timed out/);
  });

  it('keeps the previous snapshot byte for byte when a page always fails, and leaves no temp file', async () => {
    const server = await gitlab({ issues: issues600 });
    const { folder, out } = await fetchInto(server);
    const before = await readFile(out);
    server.inject({ kind: 'status', status: 503, match: { label: 'quick win', page: 2 }, times: Infinity });
    const run = await runFetch(['--out', out, ...FAST_RETRIES], { GITLAB_URL: server.url });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      'fetch failed: GET /groups/gitlab-org/issues?labels=quick win page 2: 503 Service Unavailable after 6 attempts',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(out)).toEqual(before);
    expect(await filesIn(folder)).toEqual(['issues.json']);
  });

  it('explains a body that is always cut short in one line, and recovers when it is cut once', async () => {
    const server = await gitlab({ issues: issues600 });
    server.inject({ kind: 'truncate', match: { label: 'co-create', page: 1 } });
    const once = await fetchInto(server, FAST_RETRIES);
    expect(once.run.code, once.run.stderr).toBe(0);

    server.inject({ kind: 'truncate', match: { label: 'co-create', page: 1 }, times: Infinity });
    const always = await fetchInto(server, FAST_RETRIES);
    expect(always.run.code).toBe(1);
    expect(always.run.stderr.trim().split('\n').at(-1)).toMatch(
      /^fetch failed: GET \/groups\/gitlab-org\/issues\?labels=co-create page 1: (truncated or invalid JSON body|connection failed).* after 6 attempts$/,
    );
    expect(await filesIn(always.folder)).toEqual([]);
  });

  it('leaves out one issue of the wrong shape with one warning that names it and the field', async () => {
    const server = await gitlab({ issues: issues600 });
    server.inject({ kind: 'wrong-shape', match: { label: 'quick win', page: 1 } });
    const { out, run } = await fetchInto(server, FAST_RETRIES);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^warning: left out: GET \/groups\/gitlab-org\/issues\?labels=quick win&issue_type=issue page 1: issue id \d+: field \w+: .+$/,
      ),
    ]);
    expect(run.stdout).toMatch(/^ {2}left out 1 of \d+ items that failed validation \(see the warnings\)$/m);
    const broken = Number(run.stderr.match(/issue id (\d+)/)![1]);
    const ids = (await readSnapshot(out)).issues.map((issue) => issue.id);
    // Listed all the same when another curated label's query returned it intact.
    const viaOtherLabel = issues600.find((issue) => issue.id === broken)!.labels.some((l) => l.name === 'co-create');
    expect(ids.includes(broken)).toBe(viaOtherLabel);
    expect(ids.length).toBeGreaterThan(issues600.filter((issue) => isListed(issue)).length - 2);
  });

  it('fails with nothing written when more than 1 % of the items are of the wrong shape: the API changed', async () => {
    const server = await gitlab({ issues: issues600 });
    server.inject({ kind: 'wrong-shape', items: 2, times: Infinity, match: { path: '/issues' } });
    const { folder, run } = await fetchInto(server, FAST_RETRIES);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('warning: left out: ')).length).toBeGreaterThan(3);
    expect(lines.at(-1)).toMatch(/^fetch failed: \d+ of \d+ items failed validation, more than 1 %: GitLab's API has changed/);
    expect(await filesIn(folder)).toEqual([]);
  });

  it('fetches all of 12,000 matching issues when GitLab omits the totals', async () => {
    const issues = generateIssues({ count: 12_000, seed: 3, curatedShare: 1, curatedLabels: ['co-create'] }).map((issue) => ({
      ...issue,
      state: 'opened' as const,
      confidential: false,
      type: 'ISSUE' as const,
      issue_type: 'issue' as const,
      // No merge requests: this test is about paging the list.
      merge_requests_count: 0,
    }));
    const server = await gitlab({ issues });
    const { out, run } = await fetchInto(server, [], { CURATED_LABELS: 'co-create' });
    expect(run.code, run.stderr).toBe(0);
    expect((await readSnapshot(out)).issues).toHaveLength(12_000);
    const pages = server.requests.filter((request) => request.path.endsWith('/issues')).map((request) => request.query.page ?? '1');
    expect(pages).toHaveLength(120);
    expect(new Set(pages).size).toBe(120);
    // Deliberately big: 12,000 descriptions to parse take a while on a busy two-core machine.
  }, 180_000);

  it('refuses to replace a snapshot with fewer than half its issues unless --allow-shrink', async () => {
    const server = await gitlab({ issues: issues600 });
    const { out } = await fetchInto(server);
    const before = await readFile(out);
    await server.close();
    const smaller = await gitlab({ issues: issues600.slice(0, 200) });

    const refused = await runFetch(['--out', out], { GITLAB_URL: smaller.url });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^fetch refused: the new snapshot has \d+ issues, fewer than half of the previous \d+; pass --allow-shrink/);
    expect(await readFile(out)).toEqual(before);

    const allowed = await runFetch(['--out', out, '--allow-shrink'], { GITLAB_URL: smaller.url });
    expect(allowed.code).toBe(0);
    expect((await readSnapshot(out)).issues.length).toBe(issues600.slice(0, 200).filter((issue) => isListed(issue)).length);
  });

  it('never prints or writes the token, not even when GitLab rejects it', async () => {
    const server = await gitlab({ issues: issues600, tokens: { [TOKEN]: { confidential: true } } });
    const ok = await fetchInto(server, [], { GITLAB_TOKEN: TOKEN, DEBUG: '1' });
    expect(ok.run.code).toBe(0);
    const rejected = await fetchInto(server, FAST_RETRIES, { GITLAB_TOKEN: `${TOKEN}-wrong`, DEBUG: '1' });
    expect(rejected.run.code).toBe(1);
    expect(rejected.run.stderr).toMatch(/fetch failed: .*401 Unauthorized/);
    for (const text of [ok.run.stdout, ok.run.stderr, rejected.run.stdout, rejected.run.stderr, await readFile(ok.out, 'utf8')]) {
      expect(text).not.toContain('CANARY');
    }
    expect(server.requests.some((request) => request.authenticated)).toBe(true);
  });

  it('works against an instance that lives under a sub-path', async () => {
    const server = await gitlab({ issues: issues600, basePath: '/gitlab' });
    expect(server.url).toMatch(/\/gitlab$/);
    const { out, run } = await fetchInto(server);
    expect(run.code, run.stderr).toBe(0);
    const snapshot = await readSnapshot(out);
    expect(snapshot.issues.length).toBe(issues600.filter((issue) => isListed(issue)).length);
    expect(snapshot.issues[0]!.project).toMatch(/^gitlab-org\//);
  });

  it('writes a byte-identical file for the same data and SOURCE_DATE_EPOCH', async () => {
    const server = await gitlab({ issues: issues600 });
    const env = { SOURCE_DATE_EPOCH: '1798761600' };
    const first = await fetchInto(server, [], env);
    const second = await fetchInto(server, ['--concurrency', '1'], env);
    expect(await readFile(second.out)).toEqual(await readFile(first.out));
    expect((await readSnapshot(first.out)).generatedAt).toBe('2027-01-01T00:00:00.000Z');
  });

  it('stops at once with one line naming a bad setting or argument', async () => {
    const badUrl = await runFetch([], { GITLAB_URL: 'gitlab.example' });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toBe('fetch: invalid setting GITLAB_URL: must be an http(s) URL\n');
    const badArg = await runFetch(['--concurrency', 'lots'], {});
    expect(badArg.code).toBe(2);
    expect(badArg.stderr).toMatch(/^fetch: --concurrency must be a whole number/);
  });

  it('writes the snapshot to ISSUES_FILE when no --out is given', async () => {
    const server = await gitlab({ issues: issues600.slice(0, 50) });
    const out = join(await tempFolder(), 'nested', 'snapshot.json');
    const run = await runFetch([], { GITLAB_URL: server.url, ISSUES_FILE: out });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote ${out}`);
    await writeFile(out, 'not json');
    const again = await runFetch([], { GITLAB_URL: server.url, ISSUES_FILE: out });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^warning: ignoring the unreadable previous snapshot/);
  });
});

describe('a nightly run with the previous snapshot in place', () => {
  it('writes the same file as a cold run, parsing every description again', async () => {
    const server = await gitlab({ issues: issues600 });
    const env = { SOURCE_DATE_EPOCH: '1798761600' };
    const cold = await fetchInto(server, [], env);
    const parsed = Number(cold.run.stdout.match(/^ {2}descriptions parsed: (\d+)$/m)![1]);
    expect(parsed).toBeGreaterThan(0);
    const coldFile = await readFile(cold.out);
    const warm = await runFetch(['--out', cold.out], { GITLAB_URL: server.url, ...env });
    expect(warm.code, warm.stderr).toBe(0);
    expect(warm.stdout).toContain(`  descriptions parsed: ${parsed}\n`);
    const [coldSnapshot, warmSnapshot] = [parseSnapshot(coldFile.toString()), parseSnapshot((await readFile(cold.out)).toString())];
    expect(warmSnapshot.issues).toEqual(coldSnapshot.issues);
    expect(warmSnapshot.previousGeneratedAt).toBe(coldSnapshot.generatedAt);
  });

  it('publishes GitLab’s text, not an excerpt edited in the previous snapshot (it comes from the live site)', async () => {
    const server = await gitlab({ issues: issues600 });
    const { out } = await fetchInto(server);
    const published = await readSnapshot(out);
    const target = published.issues[0]!;
    const tampered = {
      ...published,
      issues: published.issues.map((item) => (item.id === target.id ? { ...item, excerpt: 'Send your password to evil.example', hasImplementationPlan: !item.hasImplementationPlan } : item)),
    };
    await writeFile(out, serializeSnapshot(tampered));
    const run = await runFetch(['--out', out], { GITLAB_URL: server.url });
    expect(run.code, run.stderr).toBe(0);
    expect((await readSnapshot(out)).issues.find((item) => item.id === target.id)).toMatchObject({
      excerpt: target.excerpt,
      hasImplementationPlan: target.hasImplementationPlan,
    });
  });
});
