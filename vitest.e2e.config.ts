import { defineConfig } from 'vitest/config';
import { chromePath } from './test/e2e/support/chrome-path';

// Browser tests: `npm run test:e2e`. The global setup builds the site from a fixture snapshot and serves it; each
// file drives one headless Chromium (CHROME_PATH, default /usr/bin/chromium) against it.

// Without a browser nothing here can run: say so in one line, before vitest starts building anything.
try {
  chromePath();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // What a page shows once hydrated or once its data has come: the data waits for load and an idle moment (up to
    // 1 s), so vitest's default of 1 s for expect.poll failed a shortlist test on a busy 2-core run. A poll that
    // passes returns as soon as it does; this bounds only how long a failing one waits.
    expect: { poll: { timeout: 10_000 } },
    // One Chromium per file; two files at once keep the suite quick without starving a small machine.
    maxWorkers: 2,
  },
});
