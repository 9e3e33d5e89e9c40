import { describe, expect, it } from 'vitest';
import { rulesOf } from '../src/rules/index.js';

const AUDIT_RULES = rulesOf('audit');
import { auditFindings, lineOf, MINI, planCopy } from './helpers.js';
import { RULE_CASES } from './rule-cases.js';
import { SECOND_ORDER_CASES } from './second-order-cases.js';

describe('the clean fixture', () => {
  it('gives no finding at all', async () => {
    expect(await auditFindings(MINI)).toEqual([]);
  });
});

describe.each(RULE_CASES)('$rule: $name', ({ rule, patches, expected, alsoRun = [] }) => {
  it('reports each mistake at its line, with its message id', async () => {
    const dir = planCopy(MINI, patches);
    const findings = (await auditFindings(dir)).filter((f) => f.ruleId === rule);
    const actual = findings.map((f) => ({ messageId: f.messageId, file: f.locations[0]!.file.split('/').pop(), line: f.locations[0]!.line }));
    expect(actual).toEqual(expected.map((e) => ({ messageId: e.messageId, file: e.file, line: lineOf(dir, e.file, e.at) })));
  });

  it('gives English and Chinese messages with every placeholder filled', async () => {
    const dir = planCopy(MINI, patches);
    for (const finding of (await auditFindings(dir)).filter((f) => f.ruleId === rule)) {
      expect(finding.message).not.toMatch(/\{\w+\}/);
    }
  });

  it('runs alone with --rule', async () => {
    const dir = planCopy(MINI, patches);
    const only = [rule, ...alsoRun];
    const findings = await auditFindings(dir, only);
    expect(findings.filter((f) => !only.includes(f.ruleId))).toEqual([]);
    expect(findings.some((f) => f.ruleId === rule)).toBe(true);
  });
});

describe('the rule registry', () => {
  const ids = AUDIT_RULES.map((rule) => rule.id);

  it('lists each rule once, sorted by id', () => {
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it.each(AUDIT_RULES)('$id has a description and messages in both languages, and a failing fixture', (rule) => {
    expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.description.zh.length).toBeGreaterThan(5);
    expect(rule.description.en.length).toBeGreaterThan(5);
    for (const message of Object.values(rule.messages)) {
      expect(message.zh.length).toBeGreaterThan(0);
      expect(message.en.length).toBeGreaterThan(0);
    }
    expect([...RULE_CASES, ...SECOND_ORDER_CASES].some((c) => c.rule === rule.id && c.expected.length > 0)).toBe(true);
  });
});
