import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests need a build and Chromium; they run with `npm run test:e2e`.
    exclude: ['test/e2e/**', 'node_modules/**'],
    // The fetch tests run the real CLI against a real server; some wait out a Retry-After on purpose.
    testTimeout: 60_000,
  },
});
