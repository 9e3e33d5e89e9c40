import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    // The ten slowest tests are printed at the end: the suite's time budget needs names on it.
    reporters: ['default', './test/slowest-reporter.ts'],
  },
});
