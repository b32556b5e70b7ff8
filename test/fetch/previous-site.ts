// What the `npm run previous` tests share: the published snapshot and history, real HTTP servers on 127.0.0.1 to serve
// them (or to misbehave), the CLI run as a child process, and the proof that a skipped run left the files alone.
import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { CURATED_LABELS, generateIssues } from '../../tools/gitlab-stand-in/generator';
import { snapshotFromApiIssues } from '../../tools/gitlab-stand-in/generated-snapshot';
import { filesIn, tempFolder } from './run-fetch';
import { serveOnLoopback, type LoopbackServer } from '../../tools/loopback-server';
import { runScript, type FetchRun } from '../../tools/run-script';
import { newHistory, pointOf, serializeHistory, withPoint } from '../../src/lib/health/history';
import { toIssue } from '../../src/lib/model';
import { serializeSnapshot } from '../../src/lib/snapshot';

export const GITLAB = 'https://gitlab.example.com';

/** A valid snapshot of GITLAB's gitlab-org, as the site publishes it. */
export const snapshot = snapshotFromApiIssues(generateIssues({ count: 40, seed: 2, baseUrl: GITLAB }), {
  source: { url: GITLAB, group: 'gitlab-org', labels: [...CURATED_LABELS] },
  generatedAt: '2027-01-01T00:00:00.000Z',
  newEvery: 5,
  what: 'test data',
});
export const published = serializeSnapshot(snapshot);

/** The /health trend the site published with it: one point, the snapshot's, made as the build makes it. */
export const history = withPoint(
  newHistory(snapshot.source),
  pointOf(snapshot.issues.map((item) => toIssue(item, snapshot.previousGeneratedAt)), snapshot.source.labels, Date.parse(snapshot.generatedAt)),
);
export const publishedHistory = serializeHistory(history);

/** What the site publishes as `file`: the snapshot (issues.json) or the history (history.json). */
export const publishedFile = (file: string | undefined): string => (file === 'history.json' ? publishedHistory : published);

/** A server on 127.0.0.1 with its base URL; `close` also drops connections a test left hanging. */
export type Site = LoopbackServer;
export const startSite = serveOnLoopback;

/**
 * Runs `npm run previous` for GITLAB's gitlab-org, with only the given settings. Unless the test names a history path
 * (--history-out or HISTORY_FILE), the history goes beside --out as history.json, or into a fresh folder: never into
 * the repository's src/data/.
 */
export const runPrevious = (args: string[], env: Record<string, string> = {}): Promise<FetchRun> => {
  const out = args.indexOf('--out');
  const folder = out >= 0 ? dirname(args[out + 1]!) : mkdtempSync(join(tmpdir(), 'cocreate-history-'));
  const history = args.includes('--history-out') || env.HISTORY_FILE ? [] : ['--history-out', join(folder, 'history.json')];
  return runScript('scripts/previous-snapshot.ts', [...args, ...history], { GITLAB_URL: GITLAB, ...env });
};

/** The bytes of the previous snapshot and history a skipped run must leave as they are. */
const EXISTING = Buffer.from('existing\n');

/** A folder with an existing snapshot file at `out`, and an existing history beside it (where runPrevious puts it). */
export async function existing(): Promise<{ folder: string; out: string; historyOut: string }> {
  const folder = await tempFolder();
  const out = join(folder, 'issues.json');
  const historyOut = join(folder, 'history.json');
  await writeFile(out, EXISTING);
  await writeFile(historyOut, EXISTING);
  return { folder, out, historyOut };
}

/**
 * The snapshot at `out` is byte for byte what `existing` wrote, and so is the history beside it unless `history` is
 * false (a test where only the snapshot was skipped); no temporary file was left beside them.
 */
export async function expectUntouched({ folder, out }: { folder: string; out: string }, { history = true } = {}): Promise<void> {
  expect((await readFile(out)).equals(EXISTING)).toBe(true);
  if (history) expect((await readFile(join(folder, 'history.json'))).equals(EXISTING)).toBe(true);
  expect(await filesIn(folder)).toEqual(['history.json', 'issues.json']);
}

/** The one warning line of a skipped history, and why. */
export const HISTORY_SKIPPED = /^warning: no previous history: (.+); the \/health trend starts anew$/;

/**
 * The run was skipped as it should be: exit 0, one warning line matching (or containing) `reason`, nothing written.
 * The sites of these tests publish no history either (or fail it alike): the history's own warning line follows,
 * matching (or containing) `historyReason` when given.
 */
export async function expectSkipped(
  run: FetchRun,
  reason: RegExp | string,
  kept: { folder: string; out: string },
  historyReason?: RegExp | string,
): Promise<void> {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^warning: no previous snapshot: .+; nothing will be marked new$/);
  expectLine(lines[0]!, reason);
  expect(lines[1]).toMatch(HISTORY_SKIPPED);
  if (historyReason !== undefined) expectLine(lines[1]!, historyReason);
  await expectUntouched(kept);
}

/** The line contains `expected`, or matches it. */
export function expectLine(line: string, expected: RegExp | string): void {
  if (typeof expected === 'string') expect(line).toContain(expected);
  else expect(line).toMatch(expected);
}
