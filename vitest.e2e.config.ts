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
    // One Chromium per file; two files at once keep the suite quick without starving a small machine.
    maxWorkers: 2,
  },
});
