import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { auditFindings } from './helpers.js';

interface Planted {
  readonly kind: string;
  readonly ruleId: string;
  readonly messageId: string;
  readonly ref: string;
}

interface ComposedPlan {
  readonly id: string;
  readonly files: Map<string, string>;
  readonly document: unknown[];
  readonly planted: Planted[];
  readonly truth: { projects: number; subtotals: number; totals: number; indicatorRows: number; boxItems: number };
}

// @ts-expect-error: the corpus generator is a script in plain JavaScript, without types
const { composePlan, PLANT_KINDS, COLUMN_LAYOUTS } = (await import('../scripts/corpus/compose.mjs')) as {
  composePlan: (seed: number, options?: { tables?: number; plants?: string[]; columns?: unknown; periodColumn?: string; longContent?: boolean }) => ComposedPlan;
  PLANT_KINDS: Record<string, { ruleId: string; messageId: string }>;
  COLUMN_LAYOUTS: readonly (readonly [string, string])[][];
};
// @ts-expect-error: as above
const { toText } = (await import('../scripts/corpus/render.mjs')) as { toText: (document: unknown[]) => string };

/** The composed plan's folder, as a transcriber writes it, with its Word-export text as source.txt. */
function writePlan(plan: ComposedPlan): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'plan-corpus-')), plan.id);
  mkdirSync(dir);
  for (const [name, text] of plan.files) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'source.txt'), toText(plan.document));
  return dir;
}

/** Errors and warnings by rule and message, sorted: what a planted answer names. */
const found = async (dir: string): Promise<string[]> =>
  (await auditFindings(dir)).filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}/${f.messageId}`).sort();

// The corpus scores a draft by the planted answers, so the answers must be exactly what the
// audit of a faithful transcription finds: no more, no fewer.
describe('the composed corpus', () => {
  it.each([
    { seed: 1, tables: 1 },
    { seed: 2, tables: 2 },
  ])('a plan without plants audits clean (seed $seed, $tables table(s))', async ({ seed, tables }) => {
    const plan = composePlan(seed, { tables, plants: [] });
    expect(plan.planted).toEqual([]);
    expect(await found(writePlan(plan))).toEqual([]);
  });

  it.each([
    { seed: 3, tables: 1 },
    { seed: 4, tables: 2 },
  ])('every kind of plant is found, once each, at its place (seed $seed, $tables table(s))', async ({ seed, tables }) => {
    const plan = composePlan(seed, { tables, plants: Object.keys(PLANT_KINDS) });
    expect(plan.planted.map((p) => p.kind).sort()).toEqual(Object.keys(PLANT_KINDS).sort());
    const findings = (await auditFindings(writePlan(plan))).filter((f) => f.severity !== 'info');
    expect(findings.map((f) => `${f.ruleId}/${f.messageId}`).sort()).toEqual(plan.planted.map((p) => `${p.ruleId}/${p.messageId}`).sort());
    // Places named as the document names them: 附表2 序号11 in a plan of two tables.
    for (const plant of plan.planted.filter((p) => p.ruleId === 'outside-plan-period' || p.ruleId === 'numbering')) {
      const finding = findings.find((f) => f.ruleId === plant.ruleId)!;
      expect(finding.locations[0]!.ref).toBe(plant.ref);
    }
  });

  it.each([0, 1, 2])('every kind of plant is found in an appendix of columns laid out as layout %i prints them', async (layout) => {
    const columns = COLUMN_LAYOUTS[layout]!;
    const plan = composePlan(10 + layout, { tables: 2, plants: Object.keys(PLANT_KINDS), columns, periodColumn: 'none' });
    const table = (plan.document as { kind: string; appendix?: number; header?: string[] }[]).find((block) => block.kind === 'table' && block.appendix !== undefined)!;
    expect(table.header).toEqual(columns.map(([, name]) => name));
    // A column not printed is not transcribed.
    const projects = plan.files.get('projects.yaml')!;
    expect(projects.includes('location:')).toBe(columns.some(([key]) => key === 'location'));
    expect(await found(writePlan(plan))).toEqual(plan.planted.map((p) => `${p.ruleId}/${p.messageId}`).sort());
  });

  it.each(['after', 'before'])('prints the period’s share of each investment %s it, and its transcription holds the whole only: every kind of plant is found', async (where) => {
    const plan = composePlan(14, { tables: 2, plants: Object.keys(PLANT_KINDS), columns: COLUMN_LAYOUTS[0], periodColumn: where });
    const table = (plan.document as { kind: string; appendix?: number; header?: string[]; rows?: { cells: string[] }[] }[]).find((block) => block.kind === 'table' && block.appendix !== undefined)!;
    const money = table.header!.flatMap((name, at) => (name.includes('投资') ? [at] : []));
    expect(money).toHaveLength(2);
    expect(table.header![money[where === 'after' ? 1 : 0]!]).toContain('十四五');
    // Each printed share is 60 % of its row's investment, on project, part, 小计 and 合计 rows alike.
    const whole = money[where === 'after' ? 0 : 1]!;
    const share = money[where === 'after' ? 1 : 0]!;
    for (const row of table.rows!.filter((r) => r.cells[whole] !== '')) expect(Number(row.cells[share])).toBe(Math.round(Number(row.cells[whole]) * 0.6));
    const first = table.rows!.find((r) => /^\d+$/u.test(r.cells[0]!))!;
    const transcribed = parse(plan.files.get('projects.yaml')!) as { tables: { sections: { projects: Record<string, unknown>[] }[] }[] };
    const project = transcribed.tables[0]!.sections[0]!.projects[0]!;
    expect(project['investment']).toBe(Number(first.cells[whole]));
    expect(Object.keys(project).some((key) => /period|share/u.test(key))).toBe(false);
    expect(await found(writePlan(plan))).toEqual(plan.planted.map((p) => `${p.ruleId}/${p.messageId}`).sort());
  });

  it.each([5, 6, 7, 8])('random plants give exactly their findings (seed %i)', async (seed) => {
    const plan = composePlan(seed);
    expect(plan.truth.projects).toBeGreaterThan(0);
    expect(await found(writePlan(plan))).toEqual(plan.planted.map((p) => `${p.ruleId}/${p.messageId}`).sort());
  });

  it('runs each project’s content on for a sentence or two with longContent, and the plan is otherwise the same: every plant is found', async () => {
    const [short, long] = [composePlan(15, { tables: 2, plants: Object.keys(PLANT_KINDS) }), composePlan(15, { tables: 2, plants: Object.keys(PLANT_KINDS), longContent: true })];
    const contents = (plan: typeof short): string[] => [...plan.files.get('projects.yaml')!.matchAll(/content: (.*)/gu)].map((match) => match[1]!);
    expect(contents(long)).toHaveLength(contents(short).length);
    contents(long).forEach((content, at) => {
      expect(content.startsWith(contents(short)[at]!)).toBe(true);
      expect(content.length).toBeGreaterThan(contents(short)[at]!.length + 10);
    });
    expect(long.planted).toEqual(short.planted);
    expect(await found(writePlan(long))).toEqual(long.planted.map((p) => `${p.ruleId}/${p.messageId}`).sort());
  });

  it('gives the same plan for the same seed', () => {
    const [a, b] = [composePlan(9), composePlan(9)];
    expect([...a.files]).toEqual([...b.files]);
    expect(toText(a.document)).toBe(toText(b.document));
  });
});
