// What the `npm run previous` tests share: the published snapshot, real HTTP servers on 127.0.0.1 to serve it (or
// to misbehave), the CLI run as a child process, and the proof that a skipped run left the file at --out alone.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CURATED_LABELS, generateIssues } from '../../tools/gitlab-stand-in/generator';
import { snapshotFromApiIssues } from '../../tools/gitlab-stand-in/generated-snapshot';
import { filesIn, tempFolder } from './run-fetch';
import { serveOnLoopback, type LoopbackServer } from '../../tools/loopback-server';
import { runScript, type FetchRun } from '../../tools/run-script';
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

/** A server on 127.0.0.1 with its base URL; `close` also drops connections a test left hanging. */
export type Site = LoopbackServer;
export const startSite = serveOnLoopback;

/** Runs `npm run previous` for GITLAB's gitlab-org, with only the given settings. */
export const runPrevious = (args: string[], env: Record<string, string> = {}): Promise<FetchRun> =>
  runScript('scripts/previous-snapshot.ts', args, { GITLAB_URL: GITLAB, ...env });

/** The bytes of the previous snapshot a skipped run must leave as they are. */
const EXISTING = Buffer.from('existing\n');

/** A folder with an existing snapshot file at `out`. */
export async function existing(): Promise<{ folder: string; out: string }> {
  const folder = await tempFolder();
  const out = join(folder, 'issues.json');
  await writeFile(out, EXISTING);
  return { folder, out };
}

/** The file at `out` is byte for byte what `existing` wrote, and no temporary file was left beside it. */
export async function expectUntouched({ folder, out }: { folder: string; out: string }): Promise<void> {
  expect((await readFile(out)).equals(EXISTING)).toBe(true);
  expect(await filesIn(folder)).toEqual(['issues.json']);
}

/** The run was skipped as it should be: exit 0, one warning line matching (or containing) `reason`, nothing written. */
export async function expectSkipped(
  run: FetchRun,
  reason: RegExp | string,
  kept: { folder: string; out: string },
): Promise<void> {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^warning: no previous snapshot: .+; nothing will be marked new$/);
  if (typeof reason === 'string') expect(lines[0]).toContain(reason);
  else expect(lines[0]).toMatch(reason);
  await expectUntouched(kept);
}
