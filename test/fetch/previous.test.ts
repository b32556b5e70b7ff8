import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIssues } from '../../tools/gitlab-stand-in/generator';
import { startGitLab } from '../../tools/gitlab-stand-in/server';
import { existing, expectSkipped, expectUntouched, history, published, publishedHistory, runPrevious, snapshot, startSite, type Site } from './previous-site';
import { filesIn, readSnapshot, tempFolder } from './run-fetch';
import { runFetch } from '../../tools/run-script';
import { serializeSnapshot, type Snapshot } from '../../src/lib/snapshot';

const TOKEN = 'glpat-CANARY-previous-5e1d';

/** What the site server answers under /<site>/history.json; a site not listed gets a 404. */
const histories = new Map<string, { body: string | Buffer; headers?: Record<string, string> }>([
  ['site', { body: publishedHistory }],
  ['gzipped', { body: gzipSync(publishedHistory), headers: { 'content-encoding': 'gzip' } }],
]);

/** What the site server answers under /<site>/issues.json; a site not listed gets a 404. */
const sites = new Map<string, { body: string | Buffer; headers?: Record<string, string> } | 'hang'>([
  ['site', { body: published }],
  ['gzipped', { body: gzipSync(published), headers: { 'content-encoding': 'gzip' } }],
  ['not-json', { body: '<!doctype html><title>Pages</title>' }],
  ['old-schema', { body: JSON.stringify({ ...JSON.parse(published), schemaVersion: 1 }) }],
  ['other-group', { body: serializeSnapshot({ ...snapshot, source: { ...snapshot.source, group: 'gitlab-com' } }) }],
  ['hang', 'hang'],
]);

let server: Site;
let base: string;
/** A port on 127.0.0.1 nobody listens on. */
let closedPort: number;

beforeAll(async () => {
  server = await startSite((request, res) => {
    const [, name, file] = (request.url ?? '').split('/');
    const answer = file === 'issues.json' ? sites.get(name ?? '') : file === 'history.json' ? histories.get(name ?? '') : undefined;
    if (answer === 'hang') return;
    if (!answer) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
    res.writeHead(200, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
  });
  base = server.url;
  const probe = await startSite(() => {});
  closedPort = probe.port;
  await probe.close();
});

afterAll(() => server.close());

describe('npm run previous', () => {
  it('writes the published snapshot byte for byte to --out, and the history to --history-out', async () => {
    const { folder, out, historyOut } = await existing();
    const run = await runPrevious(['--out', out, '--history-out', historyOut], { CI_PAGES_URL: `${base}/site` });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const items = `${snapshot.issues.length} items of 2027-01-01T00:00:00.000Z`;
    const snapshots = `1 snapshot, the newest of ${history.points[0]!.at}`;
    expect(run.stdout).toBe(
      `previous: wrote ${out} from ${base}/site/issues.json (${items})\nprevious: wrote ${historyOut} from ${base}/site/history.json (${snapshots})\n`,
    );
    expect(await readFile(out, 'utf8')).toBe(published);
    expect(await readFile(historyOut, 'utf8')).toBe(publishedHistory);
    expect(await filesIn(folder)).toEqual(['history.json', 'issues.json']);
  });

  it('takes the site from --from, writes to ISSUES_FILE and HISTORY_FILE, and reads gzip-encoded answers', async () => {
    const folder = join(await tempFolder(), 'data');
    const env = { ISSUES_FILE: join(folder, 'issues.json'), HISTORY_FILE: join(folder, 'history.json'), CI_PAGES_URL: `${base}/nowhere` };
    const run = await runPrevious(['--from', `${base}/gzipped/`], env);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(env.ISSUES_FILE, 'utf8')).toBe(published);
    expect(await readFile(env.HISTORY_FILE, 'utf8')).toBe(publishedHistory);
  });

  // Why, CI_PAGES_URL (known once the servers listen; null = unset), extra arguments, the reason printed.
  const skips: Array<[string, (() => string) | null, string[], RegExp]> = [
    ['CI_PAGES_URL is unset', null, [], /CI_PAGES_URL is not set/],
    ['the site has no snapshot yet (404)', () => `${base}/first-deploy`, [], /issues\.json: 404 Not Found/],
    ['the answer is not JSON', () => `${base}/not-json`, [], /is not a valid snapshot: not valid JSON/],
    ['the schema version is another', () => `${base}/old-schema`, [], /is not a valid snapshot: snapshot format 1 is older than this site's format 5; fetch it again/],
    ['it is of another group', () => `${base}/other-group`, [], /is of gitlab-com of https:\/\/gitlab\.example\.com, not/],
    ['the site is unreachable', () => `http://127.0.0.1:${closedPort}/site`, [], /connection failed \(ECONNREFUSED\) \(3 attempts\)/],
    ['the site never answers', () => `${base}/hang`, ['--timeout', '1'], /timed out after 1 s \(3 attempts\)/],
  ];
  for (const [why, site, args, reason] of skips) {
    it(`exits 0 with one line and leaves the file alone when ${why}`, async () => {
      const kept = await existing();
      const run = await runPrevious(['--out', kept.out, ...args], site ? { CI_PAGES_URL: site() } : {});
      await expectSkipped(run, reason, kept);
    });
  }

  it('never prints the token, not even from credentials in the site URL', async () => {
    const { out } = await existing();
    const run = await runPrevious(['--out', out], {
      GITLAB_TOKEN: TOKEN,
      CI_PAGES_URL: `${base.replace('//', `//oauth2:${TOKEN}@`)}/first-deploy`,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/404 Not Found/);
    expect(`${run.stdout}${run.stderr}`).not.toContain('CANARY');
  });

  // Number() reads all of these, and `> 0` let Infinity through: a timer of Infinity ms (or of 1e309 s) fires at once.
  for (const timeout of ['soon', 'NaN', 'Infinity', '1e309', '0', '-1']) {
    it(`stops on --timeout ${timeout} with exit 2, the reason and the usage line`, async () => {
      const kept = await existing();
      const run = await runPrevious(['--out', kept.out, `--timeout=${timeout}`], { CI_PAGES_URL: `${base}/site` });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const [reason, usage, ...rest] = run.stderr.trimEnd().split('\n');
      expect(reason).toBe('previous: --timeout must be a finite number of seconds > 0');
      expect(usage).toMatch(/^usage: npm run previous -- /);
      expect(rest).toEqual([]);
      await expectUntouched(kept);
    });
  }

  it('waits as long as a --timeout beyond what a timer holds (2^31-1 ms) allows, instead of not at all', async () => {
    const { out } = await existing();
    // 3,000,000 s: Node fires a timer of more than 2^31-1 ms after 1 ms, with a warning.
    const run = await runPrevious(['--out', out, '--timeout', '3000000'], { CI_PAGES_URL: `${base}/site` });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(await readFile(out, 'utf8')).toBe(published);
  });
});

/** A snapshot as format 3 published it: the same, but each item's assignees counted instead of named. */
function asFormatThree(text: Buffer): Buffer {
  const current: Snapshot = JSON.parse(text.toString());
  const issues = current.issues.map((item) => ({ ...item, assignees: item.assignees.length }));
  return Buffer.from(JSON.stringify({ ...current, schemaVersion: 3, issues }));
}

describe('the pages job: npm run previous, then npm run fetch', () => {
  // The night after a deploy that changed the format, the published snapshot is still of the one before.
  for (const [format, published] of [['this format', (text: Buffer) => text], ['format 3', asFormatThree]] as const) {
    it(`carries firstSeenAt forward from the published snapshot of ${format}`, async () => {
      const gitlab = await startGitLab({ issues: generateIssues({ count: 200, seed: 4 }) });
      try {
        const lastNight = await tempFolder();
        const lastEnv = { GITLAB_URL: gitlab.url, SOURCE_DATE_EPOCH: '1798761600' };
        const first = await runFetch(['--out', join(lastNight, 'issues.json')], lastEnv);
        expect(first.code, first.stderr).toBe(0);
        const publishedLastNight = published(await readFile(join(lastNight, 'issues.json')));
        sites.set('tonight', { body: publishedLastNight });

        // Tonight's job starts from a fresh clone: nothing but what the site published.
        const env = { GITLAB_URL: gitlab.url, CI_PAGES_URL: `${base}/tonight`, SOURCE_DATE_EPOCH: '1798848000' };
        const out = join(await tempFolder(), 'issues.json');
        expect((await runPrevious(['--out', out], env)).code).toBe(0);
        expect(await readFile(out)).toEqual(publishedLastNight);
        const fetched = await runFetch(['--out', out], env);
        expect(fetched.code, fetched.stderr).toBe(0);
        expect(fetched.stderr).not.toMatch(/previous snapshot/);
        const before: Snapshot = JSON.parse(publishedLastNight.toString());
        const after = await readSnapshot(out);
        expect(after.previousGeneratedAt).toBe(before.generatedAt);
        expect(after.issues.map((item) => item.firstSeenAt)).toEqual(before.issues.map((item) => item.firstSeenAt));
        expect(after.issues.some((item) => item.assignees.length > 0)).toBe(true);
      } finally {
        await gitlab.close();
      }
    });
  }
});
