import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseSnapshot, type Snapshot } from '../../src/lib/snapshot';

/** The snapshot already at `path`: undefined when there is none, or the reason it cannot be read. */
export async function readPreviousSnapshot(path: string): Promise<Snapshot | undefined | { invalid: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { invalid: (error as Error).message };
  }
  try {
    return parseSnapshot(text);
  } catch (error) {
    return { invalid: (error as Error).message };
  }
}

/** Why a new snapshot must not replace the previous one (fewer than half its issues), or undefined. */
export function shrinkRefusal(previousCount: number, nextCount: number): string | undefined {
  if (previousCount === 0 || nextCount * 2 >= previousCount) return undefined;
  return `the new snapshot has ${nextCount} issues, fewer than half of the previous ${previousCount}; pass --allow-shrink if that is right`;
}

/** Writes a file so that readers see the old content or the new, never a part: temp file beside it, then rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  // Same folder, so the rename stays on one filesystem and is atomic.
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flush: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
