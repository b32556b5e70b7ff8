// `npm run sample`: regenerates the bundled sample snapshot that `npm run demo` serves. It runs the generated
// GitLab data through the fetch's own validation, filtering and normalisation, so the sample looks exactly like
// a fetched snapshot (closed and confidential issues included in the input are dropped the same way).
import { loadConfig } from '../src/config';
import { SNAPSHOT_SCHEMA_VERSION, serializeSnapshot } from '../src/lib/snapshot';
import { generateIssues } from '../test/gitlab/generator';
import { parseIssuePage } from './fetch/api-issue';
import { mergeLabelResults } from './fetch/collect';
import { writeFileAtomic } from './fetch/write-snapshot';
import { SAMPLE_FILE } from './sample-file';

const config = loadConfig({});
const generated = parseIssuePage(generateIssues({ count: 500, seed: 2026 }), 'generated sample');
// What GitLab answers to one `labels=<label>` query per curated label.
const perLabel = config.curatedLabels.map(
  (label) => [label, generated.filter((issue) => issue.labels.some((l) => (typeof l === 'string' ? l : l.name) === label))] as const,
);
const { issues } = mergeLabelResults(perLabel, config.curatedLabels, config.gitlabUrl);
await writeFileAtomic(
  SAMPLE_FILE,
  serializeSnapshot({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    // Fixed, so regenerating gives the same file; the generator's dates lead up to it.
    generatedAt: '2026-11-01T06:00:00.000Z',
    source: { url: config.gitlabUrl, group: config.group, labels: config.curatedLabels },
    issues,
  }),
);
console.log(`wrote ${SAMPLE_FILE} (${issues.length} issues)`);
