import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { parseSnapshot, type Snapshot } from '../../src/lib/snapshot';
import { startGitLab, type StandIn, type StandInOptions } from '../gitlab/server';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** What one run of the real fetch CLI (or another script) did. */
export interface FetchRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** The child's peak resident memory in kB as Linux reports it (VmHWM, sampled every 25 ms); null elsewhere. */
  peakRssKb: number | null;
}

/** A process's resident-memory high-water mark in kB, or null when /proc cannot tell. */
function highWaterMark(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb);
  } catch {
    return null;
  }
}

/** Runs `scripts/fetch.ts` as a child process, as `npm run fetch` does, with only the given GitLab settings. */
export function runFetch(args: string[], env: Record<string, string | undefined>): Promise<FetchRun> {
  return runScript('scripts/fetch.ts', args, env);
}

/** Runs a script of scripts/ as a child process, as its npm script does, with only the given settings. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<FetchRun> {
  const started = performance.now();
  // Start from a clean slate so a developer's own GITLAB_* (or CI) variables cannot leak into a test.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(GITLAB_|CURATED_LABELS|ISSUES_FILE|SOURCE_DATE_EPOCH|DEBUG|CI_PAGES_URL)/.test(key),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // VmHWM only grows, so the last sample before the child exits is its peak (within one interval's growth).
  let peakRssKb: number | null = null;
  const sampler = setInterval(() => (peakRssKb = highWaterMark(child.pid) ?? peakRssKb), 25);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => clearInterval(sampler));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started, peakRssKb }));
  });
}

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
