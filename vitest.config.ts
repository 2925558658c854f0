import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The console's component tests are TSX with React's automatic runtime, as in console/vite.config.js.
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'console/src/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits up to 10 s (Vitest's default is 1 s): on a CI machine whose two cores run the
    // suite, a console page in headless Chromium can take longer than a second to show its rows.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    // Test files share their worker's module graph instead of importing the app again each: about
    // 1.8 s of import per file saved on 2 cores, and PGlite's WebAssembly and the server's hot code stay compiled
    // from file to file. Every file builds its own apps, databases and schemas, and the few that
    // touch process state (environment variables, fake timers) restore it in their hooks.
    isolate: false,
    // One test file at a time unless SENTRA_TEST_WORKERS says more. Two cut CI's Vitest from 1,441 s to
    // 1,000-1,131 s on 2 cores, but one run of three then failed export-dataset-cli on PostgreSQL (a
    // migration saw no audit_log partition of the month) and a 1.5 s token lifetime ran out under load.
    maxWorkers: Number(process.env.SENTRA_TEST_WORKERS ?? 1),
    // Every in-process test app logs to a file; the run fails if any log line holds a secret.
    globalSetup: ['test/support/log-scan.ts'],
    // A test worker that dies leaves its file neither passed nor failed: name it at the end.
    reporters: ['default', './test/support/unfinished-files-reporter.ts'],
  },
});
