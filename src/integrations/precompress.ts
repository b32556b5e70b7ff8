import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt', '.csv', '.bin']);
// Below this, compression headers cost about what they save.
const MIN_BYTES = 1024;
// Quality 6 is within a few per cent of 9 on this site's data at a fraction of the time; 11 took seconds per file.
const BROTLI_QUALITY = 6;
// gzip -9 where it costs nothing: small files, such as the first load's HTML, CSS and scripts. On large ones its
// longer search pays little: at 10,000 issues, over the plain list pages (84 MB) it took 0.60 s against level 6's
// 0.48 s for 1.7 % fewer bytes, over the rest (27 MB: /issues.json, /health.csv, the data) 0.95 s against 0.29 s for
// 3 %, over the word index's integers 8 times as long; and a browser that accepts brotli gets the .br file.
const GZIP_BEST_UNDER = 128 * 1024;
const gzipLevel = (bytes: number) => (bytes < GZIP_BEST_UNDER ? 9 : 6);

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.has(extname(entry.name))) yield path;
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
        let count = 0;
        const pending: Promise<void>[] = [];
        for await (const path of files(fileURLToPath(dir))) {
          const content = await readFile(path);
          if (content.length < MIN_BYTES) continue;
          count += 1;
          // zlib's async calls run on libuv's thread pool, so files compress in parallel.
          pending.push(
            gzipAsync(content, { level: gzipLevel(content.length) }).then((out) => writeFile(`${path}.gz`, out)),
            brotliAsync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }).then((out) =>
              writeFile(`${path}.br`, out),
            ),
          );
        }
        await Promise.all(pending);
        logger.info(`precompressed ${count} files (.gz, .br) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
