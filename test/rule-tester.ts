import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleDoc } from './rule-docs.js';
import { run } from '../src/engine.js';
import { allFindings } from '../src/formatters/types.js';
import type { Finding, Lang } from '../src/model.js';
import { findRule } from '../src/rules/index.js';
import type { Rule } from '../src/rules/rule.js';
import { lineOf, MINI, planCopy, type Patch } from './helpers.js';

/** One expected finding: its message id, the line (found by a needle in the patched file) and some of its data. */
export interface ExpectedError<MessageId extends string> {
  readonly messageId: MessageId;
  /** The file's name (the last part of the finding's path). */
  readonly file: string;
  /** Text on the expected line of `file` after patching; or give `line`. */
  readonly at?: string;
  /** 1-based, where `at` cannot name the line (a file that is not text). */
  readonly line?: number;
  /** Placeholder values that must be in the finding's data (language-independent ones). */
  readonly data?: Readonly<Record<string, string | number>>;
}

export interface ValidCase {
  readonly name: string;
  /** The plan folder to start from; the clean mini plan by default. */
  readonly fixture?: string;
  readonly patches?: readonly Patch[];
  /** Prepares the copied plan folder further and returns the paths to run on (default: the folder). */
  readonly setup?: (dir: string) => readonly string[];
  readonly maxFileBytes?: number;
}

export interface InvalidCase<MessageId extends string> extends ValidCase {
  readonly errors: readonly ExpectedError<MessageId>[];
  /** Rules the case needs running beside its own when run with `--rule`. */
  readonly alsoRun?: readonly string[];
}

const LANGS: readonly Lang[] = ['zh', 'en'];

async function findingsOf(rule: Rule, paths: readonly string[], lang: Lang, testCase: ValidCase, only?: readonly string[]): Promise<Finding[]> {
  const result = await run(paths, {
    lang,
    audit: true,
    ...(only ? { only: new Set(only) } : {}),
    ...(testCase.maxFileBytes === undefined ? {} : { maxFileBytes: testCase.maxFileBytes }),
  });
  return allFindings(result).filter((finding) => finding.ruleId === rule.id);
}

function prepare(testCase: ValidCase): { dir: string; paths: readonly string[] } {
  const dir = planCopy(testCase.fixture ?? MINI, testCase.patches ?? []);
  return { dir, paths: testCase.setup ? testCase.setup(dir) : [dir] };
}

/**
 * Runs one rule's cases, as ESLint's RuleTester does: each valid case gives no finding of the
 * rule, each invalid case gives exactly the errors listed, at their lines, in both languages,
 * with every placeholder filled; and the rule runs alone with `--rule`.
 */
export function testRule<MessageId extends string>(
  rule: Rule<MessageId>,
  cases: { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase<NoInfer<MessageId>>[] },
): void {
  describe(rule.id, () => {
    it.each([{ name: 'the clean mini plan' } as ValidCase, ...cases.valid])('valid: $name', async (valid) => {
      const { paths } = prepare(valid);
      for (const lang of LANGS) expect(await findingsOf(rule, paths, lang, valid)).toEqual([]);
    });

    it.each(cases.invalid)('invalid: $name', async (invalid) => {
      const { dir, paths } = prepare(invalid);
      const expected = invalid.errors.map((error) => ({
        messageId: error.messageId,
        file: error.file,
        line: error.at === undefined ? error.line : lineOf(dir, error.file, error.at),
      }));
      for (const lang of LANGS) {
        const findings = await findingsOf(rule, paths, lang, invalid);
        const actual = findings.map((f) => ({ messageId: f.messageId, file: f.locations[0]!.file.split('/').pop(), line: f.locations[0]!.line }));
        expect(actual, lang).toEqual(expected);
        findings.forEach((finding, index) => {
          expect(finding.message, `${lang}: ${finding.message}`).not.toMatch(/\{\w+\}/);
          const data = invalid.errors[index]?.data;
          if (data) expect(finding.data, lang).toMatchObject(data);
        });
      }
      const only = [rule.id, ...(invalid.alsoRun ?? [])];
      const alone = await run(paths, { lang: 'en', audit: true, only: new Set(only) });
      // Reading rules always run; of the audit rules, only those named.
      const others = allFindings(alone).filter((f) => !only.includes(f.ruleId) && findRule(f.ruleId)?.stage === 'audit');
      expect(others).toEqual([]);
    });

    // docs/rules/<id>.md is written from the rule's meta and its first cases, by running them:
    // `npm run docs` writes it, and this test fails when it is stale.
    it(`docs/rules/${rule.id}.md is current`, async () => {
      const valid = cases.valid[0] ?? { name: 'the clean mini plan' };
      const invalid = cases.invalid[0];
      const fired = invalid
        ? await Promise.all(LANGS.map(async (lang) => findingsOf(rule, prepare(invalid).paths, lang, invalid)))
        : [];
      const text = ruleDoc(rule, { valid, invalid, fired: Object.fromEntries(LANGS.map((lang, index) => [lang, fired[index] ?? []])) as Record<Lang, Finding[]> });
      const path = new URL(`../docs/rules/${rule.id}.md`, import.meta.url);
      if (process.env['PLAN_WRITE_RULE_DOCS']) writeFileSync(path, text);
      else expect(existsSync(path) ? readFileSync(path, 'utf8') : '', 'run npm run docs').toBe(text);
    });
  });
}
