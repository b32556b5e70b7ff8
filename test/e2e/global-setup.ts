// Builds the site once from the e2e fixture and serves it with `astro preview` on 127.0.0.1 for every e2e file.
// The build runs in a temporary copy of the project (node_modules linked), so it never overwrites the repo's
// dist/, which others may be using, and edits made while the tests run do not reach it.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { serializeHistory } from '../../src/lib/health/history';
import { parseSnapshot } from '../../src/lib/snapshot';
import { simulatedHistory } from '../../tools/simulated-history';
import { FIXTURE_NIGHTS, FIXTURE_PLAIN_PAGE_SIZE, fixtureText, GITLAB_URL } from './fixture';
import { chromePath } from './support/chrome-path';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const COPIED = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', '.gitignore'];

declare module 'vitest' {
  export interface ProvidedContext {
    /** The preview server's origin, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
    /** The snapshot the site was built from. */
    fixtureFile: string;
  }
}

/** An error that vitest prints as the one line it carries, without a stack trace. */
function oneLine(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(oneLine(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`)),
    );
  });
}

async function waitForServer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw oneLine(`astro preview exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw oneLine(`astro preview did not answer at ${url} within 30 s:\n${log()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  chromePath(); // fail before the build when there is no browser to drive

  const work = mkdtempSync(join(tmpdir(), 'co-create-e2e-'));
  const site = join(work, 'site');
  mkdirSync(site);
  for (const entry of COPIED) {
    if (existsSync(join(REPO, entry))) cpSync(join(REPO, entry), join(site, entry), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(site, 'node_modules'), 'dir');

  const fixtureFile = join(work, 'issues.json');
  const text = fixtureText();
  writeFileSync(fixtureFile, text);
  // The /health trend the site published before: FIXTURE_NIGHTS nights up to the fixture's, the last of which the
  // build makes again from the fixture and replaces.
  const historyFile = join(work, 'history.json');
  writeFileSync(historyFile, serializeHistory(simulatedHistory(parseSnapshot(text), FIXTURE_NIGHTS)));

  const astro = join(REPO, 'node_modules/.bin/astro');
  // Blank CI_PAGES_URL: the site is served from the root here, whatever the environment says; and the instance and
  // group are the fixture's, which the build checks the snapshot against.
  const env = {
    ...process.env,
    ISSUES_FILE: fixtureFile,
    HISTORY_FILE: historyFile,
    GITLAB_URL,
    GITLAB_GROUP: 'gitlab-org',
    PLAIN_PAGE_SIZE: String(FIXTURE_PLAIN_PAGE_SIZE),
    CI_PAGES_URL: '',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  await run(astro, ['build'], site, env);

  const port = await freePort();
  let log = '';
  const preview = spawn(astro, ['preview', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: site,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  preview.stdout?.on('data', (chunk: Buffer) => (log += chunk));
  preview.stderr?.on('data', (chunk: Buffer) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${baseUrl}/`, preview, () => log);
  } catch (error) {
    preview.kill();
    throw error;
  }

  project.provide('baseUrl', baseUrl);
  project.provide('fixtureFile', fixtureFile);

  return async () => {
    if (preview.exitCode === null) {
      const exited = new Promise((resolve) => preview.once('exit', resolve));
      preview.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (preview.exitCode === null) preview.kill('SIGKILL');
    }
    rmSync(work, { recursive: true, force: true });
  };
}
