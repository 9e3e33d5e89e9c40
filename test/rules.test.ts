import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { auditFindings, MINI, SECOND } from './helpers.js';

const ruleFiles = (folder: string, suffix: string): string[] =>
  readdirSync(new URL(folder, import.meta.url)).filter((name) => name.endsWith(suffix)).map((name) => name.slice(0, -suffix.length)).sort();

describe('the clean fixtures', () => {
  it.each([MINI, SECOND])('%s gives no finding at all', async (fixture) => {
    expect(await auditFindings(fixture)).toEqual([]);
  });
});

describe('the rule registry', () => {
  const ids = RULES.map((rule) => rule.id);

  it('lists each rule once, sorted by id', () => {
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it('is the one the build generates from the rule files', async () => {
    // @ts-expect-error: a build script in plain JavaScript, without types
    const { ruleFiles, ruleIndexSource } = await import('../scripts/rule-index.mjs');
    expect(readFileSync(new URL('../src/rules/index.ts', import.meta.url), 'utf8')).toBe(ruleIndexSource(ruleFiles()));
  });

  it('holds every rule file of src/rules, each named by its rule id', () => {
    const files = ruleFiles('../src/rules/', '.ts').filter((name) => name !== 'rule' && name !== 'index');
    expect(files).toEqual([...ids].sort());
  });

  it.each(RULES)('$id has a stage, a description and messages in both languages, and a test file asserting every message id', (rule) => {
    expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(['read', 'audit']).toContain(rule.stage);
    // A reading rule reports through the loader; it has no audit of its own.
    if (rule.stage === 'read') expect(rule.check).toBeUndefined();
    expect(rule.description.zh.length).toBeGreaterThan(5);
    expect(rule.description.en.length).toBeGreaterThan(5);
    const test = readFileSync(new URL(`./rules/${rule.id}.test.ts`, import.meta.url), 'utf8');
    for (const [messageId, message] of Object.entries(rule.messages)) {
      expect(message.zh.length).toBeGreaterThan(0);
      expect(message.en.length).toBeGreaterThan(0);
      // The same placeholders in both languages.
      const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
      expect(placeholders(message.zh), messageId).toEqual(placeholders(message.en));
      expect(test, `${rule.id}/${messageId} is asserted by no test`).toContain(`messageId: '${messageId}'`);
    }
  });
});
