import { defineConfig } from 'vitest/config';

// One `npm test` runs unit tests and browser tests (tests/browser/, against the built site).
// Browser test files build the site once if needed (tests/helpers/site.ts) and each drive
// one Chromium; two workers keep a 2-core machine responsive.
export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', 'src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', '.dist-*/**'],
    environment: 'node',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
