// Serves a folder on 127.0.0.1 as GitLab Pages serves a published site (precompressed copies and all), for the pages
// job's second night in pages-job.sh: `node --import tsx test/pipeline/serve-pages.ts ROOT`. Prints its URL once it
// listens; runs until it is stopped.
import { resolve } from 'node:path';
import { serveStatic } from '../../scripts/bench/static-server';

const root = process.argv[2];
if (!root) {
  console.error('usage: node --import tsx test/pipeline/serve-pages.ts ROOT');
  process.exit(2);
}
const server = await serveStatic(resolve(root));
console.log(`pages listening on ${server.url}`);
