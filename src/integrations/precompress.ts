import type { AstroIntegration } from 'astro';
import { availableParallelism } from 'node:os';
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompressAnswer } from './precompress-worker';

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt', '.csv', '.bin']);

/** The text files under `dir` that get compressed copies, in no particular order. */
export async function compressibleFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await compressibleFiles(path)));
    else if (COMPRESSIBLE.has(extname(entry.name))) found.push(path);
  }
  return found;
}

/**
 * Writes `.gz` and `.br` copies beside each of `paths` large enough to gain from them, on `threads` worker threads
 * (precompress-worker.ts); resolves to how many files it compressed. The first file that cannot be compressed stops
 * them all and rejects with its path.
 */
export async function compressFiles(paths: readonly string[], threads = availableParallelism()): Promise<number> {
  const workers = Array.from({ length: Math.min(Math.max(1, threads), paths.length) }, () => new Worker(new URL('./precompress-worker.ts', import.meta.url)));
  let next = 0;
  let compressed = 0;
  const drain = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let path: string | undefined;
      const send = () => {
        path = paths[next++];
        if (path === undefined) resolve();
        else worker.postMessage(path);
      };
      worker.on('message', (answer: CompressAnswer) => {
        if ('error' in answer) reject(new Error(`precompress: ${path}: ${answer.error}`));
        else {
          if (answer.compressed) compressed += 1;
          send();
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`precompress: a worker thread exited (code ${code}) before the last file`)));
      send();
    });
  try {
    await Promise.all(workers.map(drain));
    return compressed;
  } finally {
    // Their work is done or abandoned: the exit that terminate() causes is no failure to report.
    for (const worker of workers) worker.removeAllListeners();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * Writes .gz and .br files beside every text file of the build: GitLab Pages serves them to browsers that accept
 * them, so visitors download a fraction of the bytes with no server work.
 */
export function precompressIntegration(): AstroIntegration {
  return {
    name: 'co-create:precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const count = await compressFiles(await compressibleFiles(fileURLToPath(dir)));
        logger.info(`precompressed ${count} files (.gz, .br) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
