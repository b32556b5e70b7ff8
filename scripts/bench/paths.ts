// Where the benchmark reads and writes; every path is derived from the repo root, never hard-coded.
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Everything the benchmark writes (git-ignored through test-results/). */
export const OUT = join(ROOT, 'test-results/bench');
/** The generated snapshots. */
export const DATA_DIR = join(OUT, 'data');
/** The results file `--compare` reads back. */
export const RESULTS_FILE = join(OUT, 'results.json');

/** The built site for a dataset size. */
export const siteDir = (size: number) => join(OUT, `site-${size}`);

/** A path as shown to people and written to JSON: relative to the repo, so no machine's layout leaks out. */
export const shown = (path: string) => relative(ROOT, path) || '.';
/** The baseline search pages (Pagefind, FlexSearch, the floor) for a dataset size. */
export const enginesDir = (size: number) => join(OUT, `engines-${size}`);
