// Runs the project's CLIs (the fetch, `npm run previous`) as child processes, as their npm scripts do: for the
// fetch tests and the benchmark, which measure the real thing rather than a function call.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

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

/** Runs `scripts/fetch/cli.ts` as a child process, as `npm run fetch` does, with only the given GitLab settings. */
export function runFetch(args: string[], env: Record<string, string | undefined>): Promise<FetchRun> {
  return runScript('scripts/fetch/cli.ts', args, env);
}

/** Runs a script of scripts/ as a child process, as its npm script does, with only the given settings. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<FetchRun> {
  const started = performance.now();
  // Start from a clean slate so a developer's own GITLAB_* (or CI) variables cannot leak into a test.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(GITLAB_|CURATED_LABELS|ISSUES_FILE|HISTORY_FILE|SOURCE_DATE_EPOCH|DEBUG|CI_PAGES_URL)/.test(key),
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
