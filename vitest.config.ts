import { defineConfig } from 'vitest/config';

// Tests that read the built site (inject('distDir') / inject('dataDir')) run in the "site" project,
// whose global setup builds the site once; every other test runs without a build, so
// `npx vitest run test/lib/…` starts in seconds. `npm test` runs both.
const SITE_TESTS = ['test/e2e/**/*.test.ts', 'test/site/**/*.test.ts', 'test/lib/explore/sql-matches-apply.test.ts', 'test/scripts/build-png.test.ts', 'test/scripts/build-pdf.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: SITE_TESTS } },
      { extends: true, test: { name: 'site', include: SITE_TESTS, globalSetup: ['test/global-setup.ts'] } },
    ],
  },
});
