import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlanModel } from '../src/load/builders/index.js';
import { readPlanFolder } from '../src/load/plan-folder.js';
import { readSource } from '../src/load/source.js';
import type { FigureStatement, PlanModel } from '../src/model.js';
import { keyedApart } from '../src/rules/keyed-apart.js';
import { keyedTwice } from '../src/rules/keyed-twice.js';
import { periodMixed } from '../src/rules/period-mixed.js';
import { periodUnmatched } from '../src/rules/period-unmatched.js';
import type { Rule } from '../src/rules/rule.js';
import { auditFindings, WUSHAN } from './helpers.js';

const { folder } = readPlanFolder(WUSHAN);
const source = readSource(resolve(WUSHAN), 'source.txt');
const { plan } = buildPlanModel(folder, 'text' in source ? source.text : undefined);

function reports(rules: readonly Rule[], model: PlanModel): number {
  let count = 0;
  for (const rule of rules) rule.check?.({ plan: model, report: () => count++ });
  return count;
}

/** The plan with one statement given another key or period. */
function changed(statement: FigureStatement, change: Partial<FigureStatement>): PlanModel {
  return { ...plan, facts: plan.facts.map((s) => (s === statement ? { ...s, ...change } : s)) };
}

const container = (s: FigureStatement): string => `${s.at.file}#${s.at.pointer.replace(/\/facts\/\d+$/, '')}`;

describe('the keying checks on the bundled plan', () => {
  it('leave no keying warning unexplained: each is reviewed in reviews.yaml with the reason the two are apart', async () => {
    const findings = await auditFindings(WUSHAN, ['keyed-apart', 'keyed-twice', 'period-mixed', 'period-unmatched']);
    expect(findings.filter((f) => !f.review)).toEqual([]);
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['keyed-apart', 'keyed-twice']);
  });

  it('catch every restatement given a key of its own', () => {
    // Every figure (outside the indicator table) whose key is stated in another place too.
    const restatements = plan.facts.filter(
      (s) => s.at.file !== 'indicators.yaml' && s.value !== undefined && plan.facts.some((o) => o !== s && o.fact === s.fact && container(o) !== container(s)),
    );
    const caught = restatements.filter((s) => reports([keyedApart, keyedTwice], changed(s, { fact: 'mis.keyed.thing', identity: `mis.keyed.thing${s.period ? `@${s.period}` : ''}` })) > 0);
    expect(restatements.length).toBeGreaterThan(80);
    // Measured: all 95 (70 of 86 when this test was written; the keying checks have grown since).
    expect(caught.map((s) => s.at.ref)).toEqual(restatements.map((s) => s.at.ref));
  });

  it('catch every prose five-year total given its last year as its period', () => {
    const totals = plan.facts.filter((s) => s.at.file === 'statements.yaml' && s.cumulative && s.period?.includes('-'));
    expect(totals.length).toBeGreaterThan(0);
    for (const total of totals) {
      const year = total.period!.split('-')[1]!;
      expect(reports([periodUnmatched, periodMixed], changed(total, { period: year, identity: `${total.fact}@${year}` })), total.at.ref).toBeGreaterThan(0);
    }
  });
});
