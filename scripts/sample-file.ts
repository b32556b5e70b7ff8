/** The sample snapshot committed with the repo, for `npm run demo` (regenerate it with `npm run sample`). */
export const SAMPLE_FILE = 'src/data/sample/issues.json';
/** The sample's /health trend: the 30 nights up to the sample snapshot (tools/simulated-history.ts). */
export const SAMPLE_HISTORY_FILE = 'src/data/sample/history.json';
/** Nights in the sample's trend. */
export const SAMPLE_NIGHTS = 30;
