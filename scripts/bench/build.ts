// Builds benchmark sites with `astro build` from a private copy of the project, so every dataset is built from the
// same sources even when the working tree changes during the run.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths';

// What a build reads (as the e2e setup copies it); node_modules is linked, not copied.
const COPIED = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', '.gitignore'];

/** A throwaway copy of the project to build from; `remove` deletes it. */
export interface BuildTree {
  dir: string;
  remove(): void;
}

/** Copies the project's current sources once, so every dataset is built from the same src/. */
export function makeBuildTree(): BuildTree {
  const dir = mkdtempSync(join(tmpdir(), 'co-create-bench-'));
  for (const entry of COPIED) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `npx astro build` for one snapshot into `outDir`; resolves to the wall time in ms. */
export function buildSite(tree: BuildTree, issuesFile: string, outDir: string): Promise<number> {
  rmSync(outDir, { recursive: true, force: true });
  // Blank CI_PAGES_URL: the site is served from the root here, whatever the environment says. Blank GITLAB_URL and
  // GITLAB_GROUP: the datasets are of the defaults' instance and group, which the build checks the snapshot against.
  const env = {
    ...process.env,
    ISSUES_FILE: issuesFile,
    ASTRO_OUT_DIR: outDir,
    CI_PAGES_URL: '',
    GITLAB_URL: '',
    GITLAB_GROUP: '',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const started = performance.now();
  const child = spawn('npx', ['astro', 'build'], { cwd: tree.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`astro build failed (exit ${code}):\n${output.slice(-3000)}`)),
    );
  });
}
