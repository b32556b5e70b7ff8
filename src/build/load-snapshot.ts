import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
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

/** Reads and validates the snapshot the site is built from, once per process and file version; never falls back to sample data. */
export function readSnapshotFile(path: string): SnapshotFile {
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
