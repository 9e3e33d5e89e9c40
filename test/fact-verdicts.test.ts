import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceCommand, type FactTrace } from '../src/commands/trace.js';
import type { Finding } from '../src/model.js';
import { loadForViews } from '../src/views/load.js';
import { cli, WUSHAN } from './helpers.js';

/** The verdict the audit gives a fact: from the fact rules' findings whose every place is one of its statements. */
function auditVerdict(trace: FactTrace, findings: readonly Finding[]): string | undefined {
  const places = new Set(trace.statements.map((s) => `${basename(s.file)}#${s.pointer}`));
  const mine = findings.filter(
    (f) => (f.ruleId === 'fact-agreement' || f.ruleId === 'fact-bounds') && f.locations.every((l) => places.has(`${basename(l.file)}#${l.pointer}`)),
  );
  const has = (rule: string, messageId: string): boolean => mine.some((f) => f.ruleId === rule && f.messageId === messageId);
  if (has('fact-agreement', 'unit-mismatch')) return 'unit-mismatch';
  if (has('fact-agreement', 'disagree')) return 'disagree';
  if (has('fact-bounds', 'different-bounds')) return 'different-bounds';
  return undefined;
}

const identity = (fact: { fact: string; period?: string }): string => (fact.period ? `${fact.fact}@${fact.period}` : fact.fact);

describe('one comparison, one verdict: trace, facts and the audit', () => {
  it('give every fact of the bundled plan the same verdict', async () => {
    const audit = await cli(['audit', WUSHAN, '--format', 'json']);
    expect(audit.code).toBe(0);
    const findings = (JSON.parse(audit.stdout) as { findings: Finding[] }).findings;
    const facts = await cli(['facts', WUSHAN, '--format', 'json']);
    expect(facts.code).toBe(0);
    const listed = (JSON.parse(facts.stdout) as { facts: { fact: string; period?: string; verdict: string }[] }).facts;
    const input = await loadForViews([WUSHAN], 'en');
    expect(listed.length).toBeGreaterThan(100);
    const verdicts = new Map<string, string>();
    for (const fact of listed) {
      const traced = JSON.parse(traceCommand(input, { query: identity(fact), format: 'json', lang: 'en', version: 'test' }).output) as { facts: FactTrace[] };
      const trace = traced.facts.find((t) => identity(t) === identity(fact))!;
      expect(trace.verdict, identity(fact)).toBe(fact.verdict);
      const fromAudit = auditVerdict(trace, findings);
      if (fromAudit) expect(fact.verdict, identity(fact)).toBe(fromAudit);
      else expect(['agree', 'single', 'not-numeric'], identity(fact)).toContain(fact.verdict);
      verdicts.set(identity(fact), fact.verdict);
    }
    // The two pairs the issue names: bounds that meet, yet set two targets.
    expect(verdicts.get('elderly-care.nursing-beds.share@2025')).toBe('different-bounds');
    expect(verdicts.get('mental-health.community-rehab.township-share@2025')).toBe('different-bounds');
    // Every fact finding of the audit is some fact's verdict.
    const named = [...verdicts.values()];
    expect(named.filter((v) => v === 'different-bounds')).toHaveLength(findings.filter((f) => f.ruleId === 'fact-bounds').length);
    expect(named.filter((v) => v === 'disagree').length).toBeGreaterThan(0);
  });

  it('names a bound mismatch in trace as the fact-bounds rule does', async () => {
    const result = await cli(['trace', 'elderly-care.nursing-beds.share@2025', '--plan', WUSHAN, '--lang', 'zh']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 处陈述: 界限不同');
    expect(result.stdout).toContain('两处界限不同（fact-bounds）');
    expect(result.stdout).not.toMatch(/：一致/);
  });
});
