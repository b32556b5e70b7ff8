// The fetch figures: the real fetch CLI (cold, then warm with the previous snapshot in place) against gitbeaker making
// the same requests one after the other, each against a fresh GitLab stand-in with latency and a rate limit.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CURATED_LABELS, generateIssues, isListed, type ApiIssue } from '../../tools/gitlab-stand-in/generator';
import { startGitLab, type StandIn } from '../../tools/gitlab-stand-in/server';
import { runFetch, runScript } from '../../tools/run-script';
import { OUT } from './paths';

/** One fetch run: its wall time and what the stand-in saw. */
export interface FetchRunResult {
  ms: number;
  requests: number;
  tooMany: number;
  issues: number;
  /** Where the stand-in listened, so the warm run can use the same address. */
  port: number;
}

/** Everything the fetch figures are made of. */
export interface FetchBench {
  matching: number;
  minimumRequests: number;
  /** Listed issues GitLab counts closing merge requests for: one closed_by look-up each. */
  lookups: number;
  cold: FetchRunResult;
  warm: FetchRunResult;
  /** gitbeaker, sequential: the list pages, then the look-ups it made; `listMs`, the list pages alone. */
  baseline: FetchRunResult & { lookups: number; listMs: number };
}

const MATCHING = 5000;
const LATENCY_MS = 150;
const PER_MINUTE = 2000;
const PER_PAGE = 100;

// The shortest prefix of a generated dataset holding exactly MATCHING listed issues; the closed and
// confidential ones in it stay, as the stand-in must filter them as GitLab does.
function issuesWithMatching(count: number): ApiIssue[] {
  const generated = generateIssues({ count: count * 2, seed: 5000, curatedShare: 1 });
  let listed = 0;
  const end = generated.findIndex((issue) => isListed(issue) && ++listed === count);
  if (end < 0) throw new Error(`fetch dataset: fewer than ${count} listed issues generated`);
  return generated.slice(0, end + 1);
}

// Fewest requests a fetch can make: every label's matching issues at 100 per page (at least one page each), one
// look-up of the closing merge requests for each listed issue GitLab counts any for (they all fit one page), and the
// one read of the group contacts file (GROUP_CONTACTS, which the stand-in serves).
const CONTACTS_FILE_READS = 1;

function minimumRequests(issues: readonly ApiIssue[]): number {
  const pages = CURATED_LABELS.reduce((sum, label) => {
    const matching = issues.filter((issue) => isListed(issue, [label])).length;
    return sum + Math.max(1, Math.ceil(matching / PER_PAGE));
  }, 0);
  return pages + lookups(issues) + CONTACTS_FILE_READS;
}

function lookups(issues: readonly ApiIssue[]): number {
  return issues.filter((issue) => isListed(issue) && issue.merge_requests_count > 0).length;
}

async function withStandIn<R extends { ms: number; issues: number }>(
  issues: readonly ApiIssue[],
  run: (url: string) => Promise<R>,
  port = 0,
): Promise<R & FetchRunResult> {
  const standIn: StandIn = await startGitLab({ issues, latencyMs: LATENCY_MS, rateLimit: { perMinute: PER_MINUTE }, port });
  try {
    const result = await run(standIn.url);
    const tooMany = standIn.requests.filter((request) => request.status === 429).length;
    return { ...result, requests: standIn.requests.length, tooMany, port: Number(new URL(standIn.url).port) };
  } finally {
    await standIn.close();
  }
}

async function runBaseline(url: string): Promise<{ ms: number; issues: number; lookups: number; listMs: number }> {
  const run = await runScript('scripts/bench/fetch-baseline.ts', [url, ...CURATED_LABELS], {});
  if (run.code !== 0) throw new Error(`fetch baseline failed (exit ${run.code}): ${run.stderr.slice(-2000)}`);
  const { perLabel, lookups, listMs } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
    perLabel: Record<string, number>;
    lookups: number;
    listMs: number;
  };
  return { ms: run.ms, issues: Object.values(perLabel).reduce((a, b) => a + b, 0), lookups, listMs };
}

async function runOurs(url: string, out: string): Promise<{ ms: number; issues: number }> {
  // Issues only, like the gitbeaker baseline; the stand-in has no epics, so asking would add requests that no target counts.
  const run = await runFetch(['--out', out, '--no-epics'], { GITLAB_URL: url });
  if (run.code !== 0) throw new Error(`npm run fetch failed (exit ${run.code}): ${run.stderr.slice(-2000)}`);
  const fetched = /fetched (\d+) unique issues/.exec(run.stdout);
  return { ms: run.ms, issues: fetched ? Number(fetched[1]) : NaN };
}

/** Runs the baseline, then our fetch cold (no snapshot at --out) and warm (last run's snapshot in place). */
export async function benchFetch(log: (line: string) => void): Promise<FetchBench> {
  const issues = issuesWithMatching(MATCHING);
  const folder = join(OUT, 'fetch');
  const out = join(folder, 'issues.json');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  log(`fetch: baseline (gitbeaker, sequential) over ${issues.length} issues, ${MATCHING} listed, ${lookups(issues)} look-ups`);
  const baseline = await withStandIn(issues, runBaseline);
  if (baseline.lookups !== lookups(issues)) {
    throw new Error(`fetch baseline: looked up ${baseline.lookups} issues' merge requests, not the ${lookups(issues)} the fetch must`);
  }
  log('fetch: ours, cold');
  const cold = await withStandIn(issues, (url) => runOurs(url, out));
  log('fetch: ours, warm (previous snapshot present)');
  // The same address as the cold run, as for a nightly job: the fetch reuses only a snapshot of the same instance.
  const warm = await withStandIn(issues, (url) => runOurs(url, out), cold.port);
  return { matching: MATCHING, minimumRequests: minimumRequests(issues), lookups: lookups(issues), cold, warm, baseline };
}
