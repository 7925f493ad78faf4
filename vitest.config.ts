import { defineConfig } from 'vitest/config';

// One `npm test` runs unit tests and browser tests (tests/browser/, against the built site).
// The global setup builds the site first on a whole-suite run when dist/ is missing or stale;
// test files that need it call ensureSite() (tests/helpers/site.ts). Browser test files each
// drive one Chromium; two workers keep a 2-core machine responsive.
export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', 'src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', '.dist-*/**'],
    environment: 'node',
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Vitest's summary, then one plain "N passed, N failed, N skipped" line for CI.
    reporters: ['default', './tests/helpers/closing-line.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
