import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config';
import { parseSnapshot, type Snapshot } from '../lib/snapshot';

/** Raised when the build has no usable snapshot; its message is the one line the build prints. */
export class SnapshotUnavailable extends Error {
  override name = 'SnapshotUnavailable';
}

/** A validated snapshot and the exact text it was read from. */
export interface SnapshotFile {
  snapshot: Snapshot;
  text: string;
}

const HINT = 'run `npm run fetch` for live data, or `npm run demo` for the bundled sample';

// Astro runs the integrations (which check the snapshot before the build) and the prerendered pages as separate
// module graphs in one process, so a module's own cache would read and validate a 10,000-issue snapshot twice, about
// 0.3 s each. This cache is the process's; a file that changed (astro dev) has another key and is read again.
const CACHE_KEY = Symbol.for('co-create:snapshot-files');
const cache: Map<string, SnapshotFile> = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] ??= new Map()) as Map<
  string,
  SnapshotFile
>;

function unavailable(path: string, error: unknown): SnapshotUnavailable {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no snapshot' : 'cannot read the snapshot';
  return new SnapshotUnavailable(`${reason} at ${path}: ${HINT}`);
}

/**
 * Reads and validates the snapshot the site is built from (`issuesFile`), once per process and file version, and
 * checks that it lists the configured instance and group; never falls back to sample data.
 */
export function readSnapshotFile(config: Pick<Config, 'issuesFile' | 'gitlabUrl' | 'group'>): SnapshotFile {
  const path = config.issuesFile;
  const file = readValidated(path);
  // The pages link the snapshot's instance and name its group: only the configured ones may be there (the schema
  // and the configuration both hold the URL to http(s)). JSON quoting keeps the snapshot's text on one line.
  const { url, group } = file.snapshot.source;
  if (url !== config.gitlabUrl || group !== config.group) {
    const listed = `${JSON.stringify(group)} of ${JSON.stringify(url)}`;
    const wanted = `GITLAB_GROUP ${config.group} of GITLAB_URL ${config.gitlabUrl}`;
    throw new SnapshotUnavailable(`snapshot at ${path} lists ${listed}, not ${wanted}: ${HINT}`);
  }
  return file;
}

function readValidated(path: string): SnapshotFile {
  let key: string;
  let text: string;
  try {
    const { size, mtimeMs } = statSync(path);
    key = `${resolve(path)}\n${size}\n${mtimeMs}`;
    const cached = cache.get(key);
    if (cached) return cached;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw unavailable(path, error);
  }
  try {
    const file = { snapshot: parseSnapshot(text), text };
    cache.set(key, file);
    return file;
  } catch (error) {
    throw new SnapshotUnavailable(`invalid snapshot at ${path} (${(error as Error).message}): ${HINT}`);
  }
}
