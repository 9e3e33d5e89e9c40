import { defineConfig } from 'vitest/config';

/** Files that mock or spy on modules: each runs with a module registry of its own. */
const MOCKING = ['test/export-once.test.ts', 'test/rules/internal-error.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30000,
    // Two workers on two cores (vitest's default is one fewer than the cores): many tests wait
    // on a child process (Chromium, LibreOffice, git, the bin), the other worker runs meanwhile.
    maxWorkers: 2,
    // The ten slowest tests are printed at the end: the suite's time budget needs names on it.
    reporters: ['default', './test/slowest-reporter.ts'],
    // Transformed modules are kept between runs (node_modules/.experimental-vitest-cache, by
    // content hash): a rerun transforms only what changed (6–7 s of CPU → 1.4 s on test/rules).
    experimental: { fsModuleCache: true },
    projects: [
      // A worker keeps the modules it loaded from one file to the next: loading src/ again for each
      // of ninety files cost more than most of them take to run (test/rules: 51 → 13 s of CPU).
      // Built-ins a file replaced (pdfjs's core-js) are put back before the next file: native-built-ins.ts.
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: MOCKING, isolate: false, setupFiles: ['test/native-built-ins.ts'] } },
      { extends: true, test: { name: 'isolated', include: MOCKING } },
    ],
  },
});
