// `npm run sample`: regenerates the bundled sample snapshot that `npm run demo` serves. It runs the generated
// GitLab data through the fetch's own validation, filtering and normalisation, so the sample looks exactly like
// a fetched snapshot (closed and confidential issues included in the input are dropped the same way). With it, the
// /health trend of the nights before it, as the published history would have it.
import { loadConfig } from '../src/config';
import { serializeHistory } from '../src/lib/health/history';
import { serializeSnapshot } from '../src/lib/snapshot';
import { snapshotFromApiIssues } from '../tools/gitlab-stand-in/generated-snapshot';
import { generateIssues } from '../tools/gitlab-stand-in/generator';
import { simulatedHistory } from '../tools/simulated-history';
import { writeFileAtomic } from './fetch/write-snapshot';
import { SAMPLE_FILE, SAMPLE_HISTORY_FILE, SAMPLE_NIGHTS } from './sample-file';

const config = loadConfig({});
const snapshot = snapshotFromApiIssues(generateIssues({ count: 500, seed: 2026 }), {
  source: { url: config.gitlabUrl, group: config.group, labels: config.curatedLabels },
  // Fixed, so regenerating gives the same file; the generator's dates lead up to it.
  generatedAt: '2026-11-01T06:00:00.000Z',
  newEvery: 25,
  departures: 45,
  what: 'generated sample',
});
await writeFileAtomic(SAMPLE_FILE, serializeSnapshot(snapshot));
console.log(`wrote ${SAMPLE_FILE} (${snapshot.issues.length} issues)`);
const history = simulatedHistory(snapshot, SAMPLE_NIGHTS);
await writeFileAtomic(SAMPLE_HISTORY_FILE, serializeHistory(history));
console.log(`wrote ${SAMPLE_HISTORY_FILE} (${history.points.length} nights)`);
