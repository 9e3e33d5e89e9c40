import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The lines of the README's console block that starts with `$ command`. */
function block(command: string): string[] {
  const start = readme.indexOf(`$ ${command}\n`);
  expect(start, command).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('```', start);
  return readme.slice(start, end).split('\n').slice(1);
}

describe('the README', () => {
  it('opens with the two set-up commands', () => {
    expect(readme).toMatch(/^# plan\n\n```sh\nnpm ci && npx plan audit\nnpm test\n```/);
  });

  it("quotes the audit's real output: every finding line it shows is printed, at that place", async () => {
    const actual = (await cli(['audit', '--lang', 'en', '--show-reviewed'])).stdout.split('\n');
    const shown = block('npx plan audit --lang en --show-reviewed').filter((line) => /^\s+(\d+:\d+|↳)/.test(line));
    expect(shown.length).toBeGreaterThan(5);
    for (const line of shown) {
      // The README shortens long lists with “…”: compare what stands before it.
      const prefix = line.split('…')[0]!;
      expect(actual.some((real) => real.startsWith(prefix)), line).toBe(true);
    }
  });

  it("quotes the summary of the bundled plan's audit", async () => {
    const actual = (await cli(['audit', '--lang', 'en'])).stdout;
    expect(`${block('npx plan audit').join('\n').trimEnd()}\n`).toBe(actual);
    const row = block('npx plan audit --lang en --show-reviewed').find((line) => line.startsWith('│ wushan-2021-2025'))!;
    expect(actual).toContain(row);
  });
});

describe("the README's rule table", () => {
  it('is the one generated from the rule registry (run npm run docs after changing a rule)', async () => {
    // @ts-expect-error: a build script in plain JavaScript, without types
    const { withRuleTable } = await import('../scripts/docs.mjs');
    const { RULES } = await import('../src/rules/index.js');
    expect(readme).toBe(withRuleTable(readme, RULES));
  });
});
