import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parsePreviousSnapshot, type PreviousSnapshot } from '../../src/lib/previous-snapshot-schema';

/** What carries forward from the snapshot already at `path`: undefined when there is none, or why it cannot be read. */
export async function readPreviousSnapshot(path: string): Promise<PreviousSnapshot | undefined | { invalid: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { invalid: (error as Error).message };
  }
  try {
    return parsePreviousSnapshot(text);
  } catch (error) {
    return { invalid: (error as Error).message };
  }
}

/** Why a new snapshot must not replace the previous one (fewer than half its issues), or undefined. */
export function shrinkRefusal(previousCount: number, nextCount: number): string | undefined {
  if (previousCount === 0 || nextCount * 2 >= previousCount) return undefined;
  return `the new snapshot has ${nextCount} issues, fewer than half of the previous ${previousCount}; pass --allow-shrink if that is right`;
}

/** A write that failed; the message is one line naming the path and why (ENOSPC, EROFS, EACCES …). */
class WriteError extends Error {
  override name = 'WriteError';
}

function writeError(path: string, error: unknown): WriteError {
  const { code, message } = error as NodeJS.ErrnoException;
  const why = code === 'ENOSPC' ? 'no space left on the device' : code === 'EROFS' ? 'the file system is read-only' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : message;
  return new WriteError(`cannot write ${path}: ${why}${code ? ` (${code})` : ''}`);
}

// The temporary files writeFileAtomic makes beside `path`.
const tempPrefix = (path: string) => `.${basename(path)}.`;
const isTempOf = (path: string, name: string) => name.startsWith(tempPrefix(path)) && name.endsWith('.tmp');

/**
 * Makes sure `path` can be written before any work is done: its folder exists and is writable. Temporary files a
 * killed run left beside it (kill -9 during the write) are removed; two runs writing one file at once are not
 * supported.
 */
export async function prepareTarget(path: string): Promise<void> {
  const folder = dirname(path);
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
    for (const name of await readdir(folder)) if (isTempOf(path, name)) await rm(join(folder, name), { force: true });
  } catch (error) {
    throw writeError(path, error);
  }
}

/** Writes a file so that readers see the old content or the new, never a part: temp file beside it, then rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  // Same folder, so the rename stays on one filesystem and is atomic.
  const temp = join(folder, `${tempPrefix(path)}${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temp, data, { flush: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeError(path, error);
  }
}
