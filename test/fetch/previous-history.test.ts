// The /health trend carried from night to night: `npm run previous` downloads the published /history.json with the
// snapshot's rules (bounded, same-origin redirects only: previous-redirects.test.ts), checks it with the build's own
// schema and leaves HISTORY_FILE alone when it cannot use it; the build adds its snapshot's point and publishes it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateIssues } from '../../tools/gitlab-stand-in/generator';
import { startGitLab } from '../../tools/gitlab-stand-in/server';
import { runFetch, type FetchRun } from '../../tools/run-script';
import { historyPoints, serializeHistory, type HealthHistory } from '../../src/lib/health/history';
import { HISTORY_MAX_BYTES, parseHistory } from '../../src/lib/health/history-schema';
import {
  existing,
  expectLine,
  expectUntouched,
  HISTORY_SKIPPED,
  history,
  published as publishedSnapshot,
  publishedHistory,
  runPrevious,
  startSite,
  type Site,
} from './previous-site';
import { filesIn, tempFolder } from './run-fetch';

const MiB = 1024 * 1024;
const historySize = Buffer.byteLength(publishedHistory);

/** A published history changed by `change`, as text. */
const changed = (change: (file: HealthHistory) => unknown) => JSON.stringify(change(structuredClone(history)));
const twoPoints: HealthHistory = {
  ...history,
  points: [{ ...history.points[0]!, at: '2026-12-31T00:00:00.000Z' }, history.points[0]!],
};

/** A gzip of the published history followed by `spaces` MiB of whitespace: small, but it inflates to that much. */
function gzipBomb(spaces: number): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(publishedHistory), Buffer.alloc(spaces * MiB, ' ')]), { level: 9 });
}

type Answer = { body: string | Buffer; headers?: Record<string, string>; status?: number } | 'endless';

/** What the site answers under /<site>/history.json; issues.json is the published snapshot everywhere but /no-snapshot. */
const histories = new Map<string, Answer>([
  ['site', { body: publishedHistory, headers: { 'content-length': String(historySize) } }],
  ['streamed', { body: publishedHistory }],
  ['no-snapshot', { body: publishedHistory }],
  ['not-json', { body: '<!doctype html><title>Pages</title>' }],
  ['not-utf8', { body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }],
  ['newer-format', { body: changed((file) => ({ ...file, schemaVersion: 2 })) }],
  ['out-of-order', { body: serializeHistory({ ...twoPoints, points: [...twoPoints.points].reverse() }) }],
  ['healthy-above-total', { body: changed((file) => ({ ...file, points: [{ ...file.points[0]!, labels: file.points[0]!.labels.map(([total]) => [total!, total! + 1, 0]) }] })) }],
  ['too-many-points', { body: changed((file) => ({ ...file, points: Array.from({ length: 401 }, (_, n) => ({ ...file.points[0]!, at: new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString() })) })) }],
  ['misaligned', { body: changed((file) => ({ ...file, points: [{ ...file.points[0]!, groups: file.points[0]!.groups.slice(1) }] })) }],
  ['other-group', { body: changed((file) => ({ ...file, source: { ...file.source, group: 'gitlab-com' } })) }],
  ['declared-17mib', { body: publishedHistory, headers: { 'content-length': String(17 * MiB) } }],
  ['endless', 'endless'],
  ['bomb', { body: gzipBomb(64), headers: { 'content-encoding': 'gzip' } }],
  ['unavailable', { body: '<h1>503</h1>', status: 503 }],
]);

/** Requests for /<site>/history.json so far, by site: the flaky sites answer 503 to their first two. */
const asked = new Map<string, number>();
const FLAKY = new Set(['flaky']);

let site: Site;

beforeAll(async () => {
  site = await startSite((request, res) => {
    const [, name = '', file] = (request.url ?? '').split('/');
    const json = { 'content-type': 'application/json' };
    const published = nights.get(name);
    let answer: Answer | undefined;
    if (published) answer = { body: file === 'issues.json' ? published.issues : published.history };
    else if (file === 'issues.json' && name !== 'no-snapshot' && name !== 'nothing-published') answer = { body: publishedSnapshot };
    else if (file === 'history.json') {
      asked.set(name, (asked.get(name) ?? 0) + 1);
      answer = FLAKY.has(name) ? (asked.get(name)! <= 2 ? histories.get('unavailable') : histories.get('site')) : histories.get(name);
    }
    if (!answer) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
    if (answer === 'endless') {
      res.writeHead(200, json);
      const chunk = Buffer.alloc(64 * 1024, ' ');
      const more = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', more);
      return void more();
    }
    res.writeHead(answer.status ?? 200, { ...json, ...answer.headers }).end(answer.body);
  });
});

afterAll(() => site.close());

/** The run wrote the snapshot, and skipped the history with one line matching `reason`, leaving it as it was. */
async function expectHistorySkipped(run: FetchRun, reason: RegExp | string, kept: { folder: string; out: string }) {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^previous: wrote \S+issues\.json from [^\n]+\n$/);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(HISTORY_SKIPPED);
  expectLine(lines[0]!, reason);
  expect(await readFile(kept.out, 'utf8')).toBe(publishedSnapshot);
  expect(await readFile(join(kept.folder, 'history.json'), 'utf8')).toBe('existing\n');
  expect(await filesIn(kept.folder)).toEqual(['history.json', 'issues.json']);
}

describe('npm run previous, the /health history', () => {
  it('writes the published history even when there is no snapshot to carry', async () => {
    const kept = await existing();
    const run = await runPrevious(['--out', kept.out, '--from', `${site.url}/no-snapshot`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^warning: no previous snapshot: GET \S+\/no-snapshot\/issues\.json: 404 Not Found; nothing will be marked new\n$/);
    expect(run.stdout).toBe(`previous: wrote ${kept.historyOut} from ${site.url}/no-snapshot/history.json (1 snapshot, the newest of ${history.points[0]!.at})\n`);
    expect(await readFile(kept.historyOut, 'utf8')).toBe(publishedHistory);
    await expectUntouched(kept, { history: false });
  });

  it('reads a history of exactly --max-history-bytes', async () => {
    for (const name of ['site', 'streamed']) {
      const kept = await existing();
      const run = await runPrevious(['--out', kept.out, '--from', `${site.url}/${name}`, '--max-history-bytes', String(historySize)]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      expect(await readFile(kept.historyOut, 'utf8')).toBe(publishedHistory);
    }
  });

  it('asks again after a 503, and writes the history the third answer brings', async () => {
    const kept = await existing();
    const run = await runPrevious(['--out', kept.out, '--from', `${site.url}/flaky`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(asked.get('flaky')).toBe(3);
    expect(await readFile(kept.historyOut, 'utf8')).toBe(publishedHistory);
  });

  // Why (the site's name, known once the server listens), extra arguments, the reason printed.
  const skips: Array<[string, string, string[], RegExp | string]> = [
    ['the site has no history yet (404)', 'first-history', [], /\/first-history\/history\.json: 404 Not Found; /], // not asked again: a 404 is an answer
    ['the site answers 503 three times', 'unavailable', [], /\/unavailable\/history\.json: 503 Service Unavailable \(3 attempts\); /],
    ['the answer is not JSON', 'not-json', [], 'is not a valid history: not valid JSON'],
    ['the answer is not UTF-8', 'not-utf8', [], 'is not a valid history: '],
    ['it is of a newer format', 'newer-format', [], "is not a valid history: history schemaVersion 2 is not this site's 1"],
    ['its points are out of order', 'out-of-order', [], 'is not a valid history: points.1.at: must be later than the point before'],
    ['a tally meets the bar more often than it has issues', 'healthy-above-total', [], 'is not a valid history: points.0.labels.0: must have at most 11 counts, none above total'],
    ['it has more than 400 points', 'too-many-points', [], /is not a valid history: points: /],
    ['a point does not cover every group', 'misaligned', [], 'is not a valid history: points.0.groups: must have one tuple for each of the'],
    ['it is of another group', 'other-group', [], /history\.json is of gitlab-com of https:\/\/gitlab\.example\.com, not gitlab-org of/],
    ['its Content-Length is over --max-history-bytes', 'site', ['--max-history-bytes', String(historySize - 1)], `Content-Length ${historySize} is over the limit of ${historySize - 1} bytes`],
    ['its body, sent without a Content-Length, is over --max-history-bytes', 'streamed', ['--max-history-bytes', String(historySize - 1)], `the body is over the limit of ${historySize - 1} bytes`],
    ['it declares more than the build reads (16 MiB)', 'declared-17mib', [], `Content-Length ${17 * MiB} is over the limit of ${HISTORY_MAX_BYTES} bytes`],
    ['it never ends', 'endless', ['--max-history-bytes', String(MiB)], `the body is over the limit of ${MiB} bytes`],
    ['it inflates to more than the limit', 'bomb', [], `the body is over the limit of ${HISTORY_MAX_BYTES} bytes`],
  ];
  for (const [why, name, args, reason] of skips) {
    it(`exits 0 with one line and leaves the history alone when ${why}`, async () => {
      const kept = await existing();
      const run = await runPrevious(['--out', kept.out, '--from', `${site.url}/${name}`, '--timeout', '10', ...args]);
      await expectHistorySkipped(run, reason, kept);
      expect(run.ms).toBeLessThan(10_000);
    });
  }

  for (const value of ['0', 'lots', '1.5', String(HISTORY_MAX_BYTES + 1)]) {
    it(`stops on --max-history-bytes ${value} with exit 2, the reason and the usage line`, async () => {
      const kept = await existing();
      const run = await runPrevious(['--out', kept.out, `--max-history-bytes=${value}`, '--from', `${site.url}/site`]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const [reason, usage, ...rest] = run.stderr.trimEnd().split('\n');
      expect(reason).toBe(`previous: --max-history-bytes must be a whole number of bytes ≥ 1 and ≤ ${HISTORY_MAX_BYTES}`);
      expect(usage).toMatch(/^usage: npm run previous -- .*--history-out PATH.*--max-history-bytes N/);
      expect(rest).toEqual([]);
      await expectUntouched(kept);
    });
  }
});

/** What the site published after each night's build, by the name it is served under. */
const nights = new Map<string, { issues: string; history: string }>();

/**
 * The build's /history.json for the snapshot at ISSUES_FILE and the history at HISTORY_FILE: the endpoint the site
 * publishes, run as the build runs it (its module graph loaded afresh, as each nightly job starts from nothing).
 */
async function buildHistory(env: { ISSUES_FILE: string; HISTORY_FILE: string; GITLAB_URL: string }): Promise<string> {
  vi.resetModules();
  // The stand-in's instance and the defaults' group and labels, whatever this shell's settings say (blank is unset).
  const settings: Record<string, string> = { ...env, GITLAB_GROUP: '', CURATED_LABELS: '' };
  const saved = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  try {
    const { GET } = await import('../../src/pages/history.json');
    const response = await GET({} as Parameters<typeof GET>[0]);
    return await response.text();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** One night of the pages job: `npm run previous` from the site `from`, the fetch, the build; publishes as `as`. */
async function night(gitlab: string, epoch: number, from: string, as: string): Promise<{ previous: FetchRun; built: HealthHistory; folder: string }> {
  // Each night starts from a fresh clone: nothing but what the site published.
  const folder = await tempFolder();
  const env = { GITLAB_URL: gitlab, ISSUES_FILE: join(folder, 'issues.json'), HISTORY_FILE: join(folder, 'history.json') };
  const previous = await runPrevious(['--from', `${site.url}/${from}`], env);
  expect(previous.code, previous.stderr).toBe(0);
  const fetched = await runFetch([], { ...env, SOURCE_DATE_EPOCH: String(epoch) });
  expect(fetched.code, fetched.stderr).toBe(0);
  const text = await buildHistory(env);
  nights.set(as, { issues: await readFile(env.ISSUES_FILE, 'utf8'), history: text });
  return { previous, built: parseHistory(text), folder };
}

describe('two nights of the pages job, served by a real HTTP server', () => {
  it('carry the history: a point a night, the same snapshot once, and a broken history starts anew', async () => {
    const gitlab = await startGitLab({ issues: generateIssues({ count: 200, seed: 4 }) });
    try {
      const day = 86_400;
      const first = 1_798_761_600; // 2027-01-01T00:00:00Z

      // The first deploy: no site yet, so the trend starts with this night's snapshot.
      const one = await night(gitlab.url, first, 'nothing-published', 'night-1');
      expect(one.previous.stderr).toMatch(/no previous history: GET \S+\/nothing-published\/history\.json: 404 Not Found; the \/health trend starts anew/);
      expect(one.built.points.map((point) => point.at)).toEqual(['2027-01-01T00:00:00.000Z']);

      // The next night reads what the first published, and adds its own point after it.
      const two = await night(gitlab.url, first + day, 'night-1', 'night-2');
      expect(two.previous.stdout).toContain(`/night-1/history.json (1 snapshot, the newest of 2027-01-01T00:00:00.000Z)`);
      expect(two.built.points.map((point) => point.at)).toEqual(['2027-01-01T00:00:00.000Z', '2027-01-02T00:00:00.000Z']);
      expect(historyPoints(two.built)[0]).toEqual(historyPoints(one.built)[0]);

      // A deploy the same night, of a snapshot of the same time: its point replaces that night's.
      const again = await night(gitlab.url, first + day, 'night-2', 'night-2-again');
      expect(again.built).toEqual(two.built);

      // A third night finds the published history broken (cut short): it says so and starts anew, never failing.
      nights.set('broken', { issues: nights.get('night-2')!.issues, history: nights.get('night-2')!.history.slice(0, 200) });
      const three = await night(gitlab.url, first + 2 * day, 'broken', 'night-3');
      expect(three.previous.stderr).toMatch(/no previous history: \S+\/broken\/history\.json is not a valid history: not valid JSON/);
      expect(three.built.points.map((point) => point.at)).toEqual(['2027-01-03T00:00:00.000Z']);
      // And the build would still have gone on from the snapshot it carried.
      expect(JSON.parse(await readFile(join(three.folder, 'issues.json'), 'utf8')).previousGeneratedAt).toBe('2027-01-02T00:00:00.000Z');
    } finally {
      await gitlab.close();
    }
  });
});
