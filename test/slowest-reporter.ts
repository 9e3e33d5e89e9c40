/**
 * Prints the ten slowest tests and the five slowest files after the run, so that the suite's
 * time has names on it (the issue "Fast at every size": `npm test` ≤ 60 s, slow ones found).
 */
import type { Reporter, TestModule } from 'vitest/node';

const SLOWEST_TESTS = 10;
const SLOWEST_FILES = 5;

export default class SlowestReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const tests: { name: string; ms: number }[] = [];
    const files: { name: string; ms: number }[] = [];
    for (const module of testModules) {
      files.push({ name: module.relativeModuleId, ms: module.diagnostic().duration });
      for (const test of module.children.allTests()) {
        const ms = test.diagnostic()?.duration;
        if (ms !== undefined) tests.push({ name: `${module.relativeModuleId} › ${test.fullName}`, ms });
      }
    }
    if (tests.length === 0) return;
    const lines = ['', ` Slowest ${Math.min(SLOWEST_TESTS, tests.length)} tests`];
    for (const t of slowest(tests, SLOWEST_TESTS)) lines.push(`  ${seconds(t.ms)}  ${t.name}`);
    lines.push(` Slowest ${Math.min(SLOWEST_FILES, files.length)} files`);
    for (const f of slowest(files, SLOWEST_FILES)) lines.push(`  ${seconds(f.ms)}  ${f.name}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

function slowest<T extends { ms: number }>(items: T[], n: number): T[] {
  return [...items].sort((a, b) => b.ms - a.ms).slice(0, n);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2).padStart(6)} s`;
}
