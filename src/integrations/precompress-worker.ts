// One thread of the build's precompression (precompress.ts): it takes the paths of files to compress, one message
// each, and answers each with whether it wrote the file's .gz and .br copies. Compression is synchronous here: zlib's
// asynchronous calls hand every 16 kB back to the build's own thread, which is busy with its garbage collection, and
// took twice as long on the same files.
import { readFileSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Below this, compression headers cost about what they save.
const MIN_BYTES = 1024;
// Quality 6 is within a few per cent of 9 on this site's data at a fraction of the time; 11 took seconds per file.
const BROTLI_QUALITY = 6;
// gzip -9 where it costs nothing: small files, such as the first load's HTML, CSS and scripts. On large ones its
// longer search pays little: at 10,000 issues, over the plain list pages when they held cards (84 MB) it took 0.60 s
// against level 6's 0.48 s for 1.7 % fewer bytes, over the rest (27 MB: /issues.json, /health.csv, the data) 0.95 s
// against 0.29 s for 3 %, over the word index's integers 8 times as long; and a browser that accepts brotli gets the
// .br file.
const GZIP_BEST_UNDER = 128 * 1024;

/** What the thread answers for one path: whether it wrote the copies, or why it could not. */
export type CompressAnswer = { compressed: boolean } | { error: string };

function compressFile(path: string): boolean {
  const content = readFileSync(path);
  if (content.length < MIN_BYTES) return false;
  writeFileSync(`${path}.gz`, gzipSync(content, { level: content.length < GZIP_BEST_UNDER ? 9 : 6 }));
  writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }));
  return true;
}

parentPort?.on('message', (path: string) => {
  let answer: CompressAnswer;
  try {
    answer = { compressed: compressFile(path) };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
