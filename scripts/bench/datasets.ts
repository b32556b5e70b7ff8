// Deterministic benchmark snapshots, made exactly as scripts/make-sample.ts makes the bundled sample: generated
// GitLab issues run through the fetch's own validation, filtering and normalisation.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { serializeSnapshot, type Snapshot } from '../../src/lib/snapshot';
import { snapshotFromApiIssues } from '../../tools/gitlab-stand-in/generated-snapshot';
import { generateIssues } from '../../tools/gitlab-stand-in/generator';
import { DATA_DIR } from './paths';

/** A snapshot on disk and what it holds. */
export interface Dataset {
  size: number;
  file: string;
  snapshot: Snapshot;
}

const SEED = 4242;

/** Builds the snapshot of exactly `size` listed issues and writes it under test-results/bench/data/. */
export function makeDataset(size: number): Dataset {
  const config = loadConfig({});
  // curatedShare 1 lists every generated issue, except the closed and confidential ones and the other work item
  // types (incidents, tasks, …) the fetch drops (about 45% in all); generate a margin and keep the first `size`, so
  // each dataset holds exactly that many.
  const generated = snapshotFromApiIssues(generateIssues({ count: Math.ceil(size * 2) + 40, seed: SEED, curatedShare: 1 }), {
    source: { url: config.gitlabUrl, group: config.group, labels: config.curatedLabels },
    // Fixed, so the same size always gives the same file; the generator's dates lead up to it.
    generatedAt: '2026-11-01T06:00:00.000Z',
    newEvery: 50,
    what: `bench dataset ${size}`,
  });
  if (generated.issues.length < size) throw new Error(`dataset ${size}: only ${generated.issues.length} issues generated`);
  const snapshot: Snapshot = { ...generated, issues: generated.issues.slice(0, size) };
  mkdirSync(DATA_DIR, { recursive: true });
  const file = join(DATA_DIR, `issues-${size}.json`);
  writeFileSync(file, serializeSnapshot(snapshot));
  return { size, file, snapshot };
}
