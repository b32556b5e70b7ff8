// `npm run demo`: builds the site from the bundled sample snapshot and serves it, no GitLab access needed.
import { build, preview } from 'astro';
import { SAMPLE_FILE, SAMPLE_HISTORY_FILE } from './sample-file';

process.env.ISSUES_FILE = SAMPLE_FILE;
process.env.HISTORY_FILE = SAMPLE_HISTORY_FILE;
// The sample lists the default instance and group, and the build checks the snapshot against them (blank is unset).
process.env.GITLAB_URL = '';
process.env.GITLAB_GROUP = '';
await build({});
const server = await preview({});
console.log(`Demo on the bundled sample: http://${server.host ?? 'localhost'}:${server.port}/ (Ctrl+C to stop)`);
