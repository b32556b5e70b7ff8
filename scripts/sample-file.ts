/** The sample snapshot committed with the repo, for `npm run demo` (regenerate it with `npm run sample`). */
export const SAMPLE_FILE = 'src/data/sample/issues.json';
