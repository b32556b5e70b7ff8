// What the fetch tests share: temporary folders, snapshots read back, stand-ins closed after each test, and a fetch
// run into a fresh folder (the runs themselves: tools/run-script.ts).
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { parseSnapshot, type Snapshot } from '../../src/lib/snapshot';
import { startGitLab, type StandIn, type StandInOptions } from '../../tools/gitlab-stand-in/server';
import { runFetch } from '../../tools/run-script';

/** A fresh folder for one test's snapshot. */
export async function tempFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'cocreate-fetch-'));
}

/** Reads and validates a snapshot written by the fetch. */
export async function readSnapshot(path: string): Promise<Snapshot> {
  return parseSnapshot(await readFile(path, 'utf8'));
}

/** Files in a folder, to prove no temp file was left behind. */
export async function filesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).sort();
}

/** Fast retries keep failure tests short; the policy's shape is the same as in production. */
export const FAST_RETRIES = ['--backoff-ms', '20', '--timeout', '10'];

/** Starts GitLab stand-ins for the calling test file, each closed after the test that started it. */
export function useStandIns(): (options: StandInOptions) => Promise<StandIn> {
  const servers: StandIn[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (options) => {
    const server = await startGitLab(options);
    servers.push(server);
    return server;
  };
}

/** Runs the fetch against `server` into a fresh temporary folder's issues.json. */
export async function fetchInto(server: StandIn, args: string[] = [], env: Record<string, string> = {}) {
  const folder = await tempFolder();
  const out = join(folder, 'issues.json');
  const run = await runFetch(['--out', out, ...args], { GITLAB_URL: server.url, ...env });
  return { folder, out, run };
}
