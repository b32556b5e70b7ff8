// Lighthouse 13.5.0 with its defaults (mobile, simulated throttling), run through its own CLI so it launches
// Chromium itself (chrome-launcher) exactly as a person running `lighthouse <url>` would.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromePath } from './browser';
import { OUT, ROOT } from './paths';

/** Category scores (0–100) and the vitals Lighthouse measured. */
export interface LighthouseResult {
  scores: Record<string, number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Weighted audits that scored below 0.9, per category: what costs the points. */
  failing: Record<string, string[]>;
}

interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, { numericValue?: number; score: number | null }>;
  runtimeError?: { message: string };
}

const CLI = join(ROOT, 'node_modules/lighthouse/cli/index.js');

/** Runs Lighthouse against `url` for the given categories; the full report is kept next to results.json. */
export async function runLighthouse(url: string, categories: readonly string[], name: string): Promise<LighthouseResult> {
  const report = join(OUT, `lighthouse-${name}.json`);
  const args = [
    CLI,
    url,
    '--quiet',
    '--output=json',
    `--output-path=${report}`,
    `--only-categories=${categories.join(',')}`,
    '--chrome-flags=--headless --no-sandbox --disable-gpu',
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CHROME_PATH: chromePath() }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`lighthouse failed (exit ${code}): ${stderr.slice(-2000)}`);
  const lhr = JSON.parse(readFileSync(report, 'utf8')) as Lhr;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, { score }]) => [id, Math.round((score ?? NaN) * 100)]));
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const failing = Object.fromEntries(
    Object.entries(lhr.categories).map(([id, category]) => [
      id,
      category.auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9).map((ref) => ref.id),
    ]),
  );
  return {
    scores,
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    failing,
  };
}
