import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlanModel } from '../src/load/builders/index.js';
import { kindOfFileName } from '../src/load/file-kinds.js';
import { readPlanFolder } from '../src/load/plan-folder.js';
import { readSource } from '../src/load/source.js';
import { toNumber } from '../src/decimal.js';
import type { FigureStatement } from '../src/model.js';
import { unitMeaning } from '../src/units.js';
import { auditFindings, cli, planCopy, WUSHAN } from './helpers.js';

const { folder } = readPlanFolder(WUSHAN);
const source = readSource(resolve(WUSHAN), 'source.txt');
const { plan } = buildPlanModel(folder, 'text' in source ? source.text : undefined);

/** Replaces the number at a figure's `pointer` in a copy of the plan by `next`. */
function withNumber(file: string, pointer: string, next: (printed: string) => string): string {
  const yaml = folder.files.get(kindOfFileName(file)!)!;
  const printed = yaml.numberText(pointer)!;
  const { line, column } = yaml.locate(pointer);
  const dir = planCopy(WUSHAN);
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const text = lines[line - 1]!;
  expect(text.slice(column - 1, column - 1 + printed.length)).toBe(printed);
  lines[line - 1] = `${text.slice(0, column - 1)}${next(printed)}${text.slice(column - 1 + printed.length)}`;
  writeFileSync(join(dir, file), lines.join('\n'));
  return dir;
}

const bump = (printed: string): string => {
  const places = printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0;
  return (Number(printed) + 10 ** -places).toFixed(places);
};

describe('the bundled Wushan plan', () => {
  it('is valid', async () => {
    expect((await cli(['validate', WUSHAN])).code).toBe(0);
  });

  it('holds all 62 projects in 9 sections with the printed amounts', () => {
    const projects = plan.appendixSections.flatMap((s) => s.projects);
    expect(projects).toHaveLength(62);
    expect(plan.appendixSections.map((s) => s.label)).toEqual(['一', '二', '三', '四', '五', '六', '七', '七', '九']);
    expect(plan.appendixSections.map((s) => s.subtotal?.text)).toEqual(['8000', '466511', '2000', '251248', '9000', '710200', '36700', '2000', '139700']);
    expect(plan.appendixTotal?.text).toBe('1625359');
    expect(plan.indicatorCategories.flatMap((c) => c.indicators)).toHaveLength(33);
    expect(plan.serviceAreas).toHaveLength(9);
    expect(plan.chapters).toHaveLength(14);
  });

  it('adds up: 62 projects to 9 subtotals to 1,625,359 万元', async () => {
    expect(await auditFindings(WUSHAN, ['appendix-sums'])).toEqual([]);
  });

  it('reports the 70,000 ㎡ against 80,000 ㎡ rental housing as an error, both places quoted', async () => {
    const findings = await auditFindings(WUSHAN, ['fact-agreement']);
    const rental = findings.find((f) => f.data['fact'] === 'housing.rental-new.floor-area');
    expect(rental).toMatchObject({ severity: 'error', values: [80000, 70000], unit: '㎡' });
    const quotes = rental!.locations.map((l) => l.quote ?? '');
    expect(quotes.some((q) => q.includes('80000㎡'))).toBe(true);
    expect(quotes.some((q) => q.includes('70000㎡'))).toBe(true);
    expect(rental!.locations.map((l) => l.file.split('/').pop())).toEqual(expect.arrayContaining(['projects.yaml', 'boxes.yaml']));
  });

  it.each([
    ['appendix-sums', 'an amount, a subtotal or the total'],
    ['numbering', 'the repeated appendix section 七'],
    ['money-outside-total', 'the 10亿元 of the education city'],
    ['declared-counts', 'the 12 items of 劳有所得 that list 14'],
    ['outside-plan-period', 'projects running past 2025'],
  ])('finds %s (%s)', async (rule) => {
    const findings = await auditFindings(WUSHAN, [rule]);
    if (rule === 'appendix-sums') expect(findings).toEqual([]);
    else expect(findings.length).toBeGreaterThan(0);
  });

  it('changing any single amount, subtotal or the total breaks the sum that holds it', async () => {
    const amounts = [
      plan.appendixTotal!,
      ...plan.appendixSections.flatMap((s) => [s.subtotal!, ...s.projects.map((p) => p.investment!)]),
    ];
    expect(amounts).toHaveLength(1 + 9 + 62);
    for (const amount of amounts) {
      const dir = withNumber(amount.at.file, amount.at.pointer, bump);
      const findings = await auditFindings(dir, ['appendix-sums']);
      // A subtotal breaks two sums: its projects' and the grand total's.
      expect(findings.length, amount.at.ref).toBeGreaterThan(0);
      expect(findings.every((f) => f.severity === 'error' && f.ruleId === 'appendix-sums')).toBe(true);
    }
  });

  it('changing any restated area or count breaks the fact or the sum it belongs to', async () => {
    // The unit of the last printed place, in base units: 1.55 万人 is printed to 100 人, 15500 人 to 1 人.
    const step = (s: FigureStatement): number => 10 ** -(s.valueText?.split('.')[1] ?? '').length * toNumber(unitMeaning(s.unit).factor);
    const exact = (s: FigureStatement): boolean => s.value !== undefined && !s.approx && !s.bound;
    const byIdentity = new Map<string, FigureStatement[]>();
    for (const s of plan.facts) byIdentity.set(s.identity, [...(byIdentity.get(s.identity) ?? []), s]);
    const allExact = (fact: string): boolean => plan.facts.filter((s) => s.fact === fact).every(exact);
    // Sums with a part printed with 约 widen by its tolerance and may absorb a one-unit change.
    const sumsOf = (fact: string): string[] =>
      plan.sums
        .filter((sum) => (sum.total === fact || sum.parts.includes(fact)) && [sum.total, ...sum.parts].every(allExact))
        .map((sum) => sum.total);
    // A change of one unit in the last printed place must show against any exact restatement printed
    // at least as precisely; a restatement printed less precisely (2.2 for 2.20) rightly absorbs it.
    const candidates = plan.facts.filter(
      (s) =>
        exact(s) &&
        ((byIdentity.get(s.identity) ?? []).some((o) => o !== s && exact(o) && step(o) <= step(s)) || sumsOf(s.fact).length > 0),
    );
    expect(candidates.length).toBeGreaterThan(30);
    for (const statement of candidates) {
      const dir = withNumber(statement.at.file, `${statement.at.pointer}/value`, bump);
      const findings = await auditFindings(dir, ['fact-agreement', 'declared-sums']);
      const named = findings.filter(
        (f) =>
          (f.ruleId === 'fact-agreement' && f.data['fact'] === statement.fact) ||
          (f.ruleId === 'declared-sums' && sumsOf(statement.fact).some((total) => String(f.data['total']).startsWith(total))),
      );
      expect(named.length, `${statement.fact} at ${statement.at.ref}`).toBeGreaterThan(0);
    }
  });
});
