import { readFileSync } from 'node:fs';
import { parseSnapshot, type Snapshot } from '../lib/snapshot';

/** Raised when the build has no usable snapshot; its message is the one line the build prints. */
export class SnapshotUnavailable extends Error {
  override name = 'SnapshotUnavailable';
}

const HINT = 'run `npm run fetch` for live data, or `npm run demo` for the bundled sample';

/** Reads and validates the snapshot the site is built from; never falls back to sample data. */
export function readSnapshotFile(path: string): Snapshot {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no snapshot' : 'cannot read the snapshot';
    throw new SnapshotUnavailable(`${reason} at ${path}: ${HINT}`);
  }
  try {
    return parseSnapshot(text);
  } catch (error) {
    throw new SnapshotUnavailable(`invalid snapshot at ${path} (${(error as Error).message}): ${HINT}`);
  }
}
