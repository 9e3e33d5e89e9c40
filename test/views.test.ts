import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, DIVIDED, MINI, P, planCopy, SECOND, TABLES, WUSHAN } from './helpers.js';

interface SummaryJson {
  plans: {
    id: string;
    sections: { table?: string; numeral: string; name: string; projects: number; investment: string; share: string; statedSubtotal?: string; parts?: unknown[] }[];
    total: { projects: number; investment: string; stated?: string };
    departments: { name: string; projects: number; investment: string }[];
    natures: { name: string; investment: string }[];
    spans: { place: string; projects: number; investment: string }[];
    indicators: { serial: string; baseline: string; target: string; change: string; better: string }[];
    findings: { rule: string; error: number; warning: number; info: number; reviewed: number }[];
  }[];
}

async function summary(dir: string): Promise<SummaryJson['plans'][number]> {
  const result = await cli(['summary', dir, '--format', 'json']);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as SummaryJson).plans[0]!;
}

/** Exact decimal text to hundred-thousandths as an integer, so a test adds without floats. */
const scaled = (text: string): bigint => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole!) * 100000n + BigInt(fraction.padEnd(5, '0'));
};

describe('plan summary', () => {
  it('names the table of each section in a plan of two appendix tables, and adds their 合计s', async () => {
    const plan = await summary(TABLES);
    expect(plan.sections.map((s) => [s.table, s.numeral, s.name, s.investment])).toEqual([
      ['附表1', '一', '住有所居', '2000'],
      ['附表2', '一', '老有所养', '1000'],
    ]);
    expect(plan.total).toEqual({ projects: 2, investment: '3000', stated: '3000' });
    const text = (await cli(['summary', TABLES, '--lang', 'zh'])).stdout;
    expect(text).toMatch(/附表2.*一.*老有所养/);
    const one = await summary(MINI);
    expect(one.sections.every((s) => s.table === undefined)).toBe(true);
  });

  it('gives a divided section’s parts under it in JSON, and counts their projects once in the table', async () => {
    const dir = planCopy(MINI, [DIVIDED]);
    const plan = await summary(dir);
    expect(plan.sections.map((s) => [s.numeral, s.name, s.projects, s.investment, s.parts])).toEqual([
      ['一', '住有所居', 1, '2000', undefined],
      ['二', '老有所养', 1, '1000', [{ numeral: '（一）', name: '社区养老', projects: 1, investment: '1000', share: '33.33', statedSubtotal: '1000' }]],
    ]);
    expect(plan.total).toEqual({ projects: 2, investment: '3000', stated: '3000' });
    expect((await cli(['summary', dir, '--lang', 'zh'])).stdout).not.toContain('社区养老');
  });

  it('adds the nine sections of the bundled plan to 1,625,359 万元, exactly', async () => {
    const plan = await summary(WUSHAN);
    expect(plan.sections).toHaveLength(9);
    expect(plan.total).toEqual({ projects: 62, investment: '1625359', stated: '1625359' });
    expect(plan.sections.reduce((n, s) => n + scaled(s.investment), 0n)).toBe(scaled('1625359'));
    expect(plan.sections.reduce((n, s) => n + s.projects, 0)).toBe(62);
    for (const section of plan.sections) expect(section.investment).toBe(section.statedSubtotal);
    for (const rows of [plan.departments, plan.natures, plan.spans]) {
      expect(rows.reduce((n, r) => n + scaled(r.investment), 0n)).toBe(scaled('1625359'));
    }
    expect(plan.spans.filter((s) => s.place !== 'within').reduce((n, s) => n + s.projects, 0)).toBe(12);
    expect(plan.indicators).toHaveLength(33);
    expect(plan.findings.find((r) => r.rule === 'fact-agreement')?.reviewed).toBeGreaterThan(0);
  });

  it('keeps each finding under its severity, reviewed or not, and counts the reviewed beside it', async () => {
    const plan = await summary(WUSHAN);
    const audit = JSON.parse((await cli(['audit', WUSHAN, '--format', 'json'])).stdout) as { findings: { ruleId: string; severity: string; review?: unknown }[] };
    for (const severity of ['error', 'warning', 'info'] as const) {
      expect(plan.findings.reduce((n, row) => n + row[severity], 0), severity).toBe(audit.findings.filter((f) => f.severity === severity).length);
    }
    expect(plan.findings.reduce((n, row) => n + row.reviewed, 0)).toBe(audit.findings.filter((f) => f.review).length);
    const facts = plan.findings.find((r) => r.rule === 'fact-agreement')!;
    expect(facts.error).toBeGreaterThan(0);
    expect(facts.reviewed).toBe(facts.error);
  });

  it.each([
    { name: 'tenths add exactly', patches: [['investment: 2000', 'investment: 0.1'], ['investment: 1000', 'investment: 0.2']], total: '0.3', shares: ['33.33', '66.67'] },
    { name: 'whole numbers', patches: [], total: '3000', shares: ['66.67', '33.33'] },
    { name: 'a share of a third', patches: [['investment: 2000', 'investment: 1'], ['investment: 1000', 'investment: 2']], total: '3', shares: ['33.33', '66.67'] },
  ])('$name', async ({ patches, total, shares }) => {
    const dir = planCopy(MINI, patches.map(([from, to]) => ({ file: 'projects.yaml', from: from!, to: to! })));
    const plan = await summary(dir);
    expect(plan.total.investment).toBe(total);
    expect(plan.sections.map((s) => s.share)).toEqual(shares);
  });

  it.each([
    { name: 'within the period', from: 'end: 2024', to: 'end: 2024', place: 'within' },
    { name: 'starts before', from: 'start: 2022', to: 'start: 2019', place: 'starts-before' },
    { name: 'ends after', from: 'end: 2024', to: 'end: 2027', place: 'ends-after' },
    { name: 'both outside', from: 'start: 2022\n        end: 2024', to: 'start: 2019\n        end: 2027', place: 'both-outside' },
  ])('construction years $name', async ({ from, to, place }) => {
    const plan = await summary(planCopy(MINI, [{ file: 'projects.yaml', from, to }]));
    expect(plan.spans.map((s) => s.place)).toContain(place);
  });

  it.each(['text', 'markdown'])('prints grouped digits as %s', async (format) => {
    const result = await cli(['summary', WUSHAN, '--format', format, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1,625,359');
    expect(result.stdout).toContain('幼有所育');
  });
});

interface TraceJson {
  facts: {
    fact: string;
    verdict: string;
    statements: { number: number; ref: string; file: string; line: number; printed: string; interval?: string; qualifiers: { kind: string }[]; group?: number }[];
    pairs: { first: number; second: number; meet: boolean; common?: string }[];
    relations: { kind: string; formula: string; implied?: { fact: string; value?: string; from: string[] }; holds?: boolean }[];
  }[];
}

async function trace(...words: string[]): Promise<TraceJson['facts']> {
  const result = await cli(['trace', ...words, '--plan', WUSHAN, '--format', 'json']);
  return (JSON.parse(result.stdout) as TraceJson).facts;
}

describe('plan trace', () => {
  it('shows the three statements of the rental floor area and why they disagree', async () => {
    const [fact, ...others] = await trace('housing.rental-new.floor-area');
    expect(others).toHaveLength(0);
    expect(fact!.verdict).toBe('disagree');
    expect(fact!.statements.map((s) => [s.ref, s.printed, s.interval, s.group])).toEqual([
      ['专栏8 第2项', '70000㎡', '[69999.5, 70000.5)', 0],
      ['附表 序号32', '80000㎡', '[79999.5, 80000.5)', 1],
      ['第九章第一节', '约70000㎡', '[66499.5, 73500.5]', 0],
    ]);
    expect(fact!.statements.map((s) => `${s.file.split('/').pop()}:${s.line}`)).toEqual(['boxes.yaml:286', 'projects.yaml:417', 'statements.yaml:151']);
    expect(fact!.statements[2]!.qualifiers.map((q) => q.kind)).toEqual(['approx']);
    expect(fact!.pairs).toEqual([
      { first: 1, second: 2, meet: false, firstInterval: '[69999.5, 70000.5)', secondInterval: '[79999.5, 80000.5)' },
      { first: 1, second: 3, meet: true, firstInterval: '[69999.5, 70000.5)', secondInterval: '[66499.5, 73500.5]', common: '[69999.5, 70000.5)' },
      { first: 2, second: 3, meet: false, firstInterval: '[79999.5, 80000.5)', secondInterval: '[66499.5, 73500.5]' },
    ]);
  });

  it('shows a fact no statement gives with every relation that implies it, and a stated fact with its relations', async () => {
    const [population, ...others] = await trace('population.resident');
    expect(others).toHaveLength(0);
    expect(population!.verdict).toBe('hidden');
    expect(population!.statements).toEqual([]);
    expect(population!.relations.map((r) => [r.kind, r.implied?.fact, r.implied?.value, r.implied?.from])).toEqual([
      ['ratio', 'population.resident@2020', '663716.81', ['750个（第一章第一节）', '1.13个（专栏1 序号1 2020年）']],
      ['ratio', 'population.resident@2020', '464200.14', ['40877㎡（第一章第一节）', '880.59㎡（专栏1 序号29 2020年）']],
    ]);
    const [pitches] = await trace('sports.football-pitches.construction-area');
    expect(pitches!.relations.map((r) => [r.kind, r.holds])).toEqual([['product', true]]);
    const [housing] = await trace('housing.rental-new.floor-area');
    expect(housing!.relations).toEqual([]);
  });

  it.each([
    { name: 'a key', words: ['housing.rental-new.units'], facts: ['housing.rental-new.units'] },
    { name: 'words of a key', words: ['rental-new'], facts: ['housing.rental-new.units', 'housing.rental-new.floor-area'] },
    { name: 'words of a quote', words: ['保障性租赁住房', '80000㎡'], facts: ['housing.rental-new.units', 'housing.rental-new.floor-area'] },
    { name: 'words of a key and a quote', words: ['floor-area', '80000㎡'], facts: ['housing.rental-new.floor-area'] },
    { name: 'nothing', words: ['no-such-fact-anywhere'], facts: [] },
  ])('finds facts by $name', async ({ words, facts }) => {
    expect((await trace(...words)).map((f) => f.fact).sort()).toEqual([...facts].sort());
  });

  it.each([
    { args: ['trace', 'housing.rental-new.floor-area', '--plan', WUSHAN], code: 0 },
    { args: ['trace', 'no-such-fact', '--plan', WUSHAN], code: 1 },
    { args: ['trace', '--plan', WUSHAN], code: 2 },
    { args: ['trace', 'x', '--plan', '/no/such/plan'], code: 2 },
  ])('exits $code for $args', async ({ args, code }) => {
    expect((await cli(args)).code).toBe(code);
  });

  it('shows a count reach on its target: baseline plus additions against the target', async () => {
    const share = '  - { kind: share, part: pension.insured, whole: population.pension-eligible, from: "2020", to: "2025" }';
    const schools = '      - { fact: education.schools, value: 120, unit: 所, period: "2020", quote: 截至2020年底，全县学校120所 }';
    const dir = planCopy(SECOND, [
      P('statements.yaml', schools, `${schools}\n      - { fact: education.schools, value: 125, unit: 所, period: "2025", quote: 到2025年全县学校达到125所 }\n      - { fact: education.schools.new-primary, value: 2, unit: 所, quote: 新建小学2所 }`),
      P('relations.yaml', share, `${share}\n  - { kind: count, target: education.schools, from: "2020", to: "2025", additions: [education.schools.new-primary] }`),
    ]);
    const json = JSON.parse((await cli(['trace', 'education.schools@2025', '--plan', dir, '--format', 'json'])).stdout) as { facts: { reaches: unknown[] }[] };
    expect(json.facts[0]!.reaches).toMatchObject([{ kind: 'count', from: ['120所（第一章）', '2所（第一章）'], reached: '122', target: '125所（第一章）', verdict: 'short', missing: [] }]);
    const en = (await cli(['trace', 'education.schools@2025', '--plan', dir, '--lang', 'en'])).stdout;
    expect(en).toContain('120所（第一章） + 2所（第一章） = 122 所, target 125所（第一章）: short of the target');
    const zh = (await cli(['trace', 'education.schools@2025', '--plan', dir, '--lang', 'zh'])).stdout;
    expect(zh).toContain('达不到目标');
  });

  it('spells the comparison out in text, in both languages', async () => {
    const en = (await cli(['trace', 'housing.rental-new.floor-area', '--plan', WUSHAN, '--lang', 'en'])).stdout;
    expect(en).toContain('[69999.5, 70000.5) and #2 [79999.5, 80000.5) do not meet');
    expect(en).toContain('projects.yaml:417:13');
    const zh = (await cli(['trace', 'housing.rental-new.floor-area', '--plan', WUSHAN, '--lang', 'zh'])).stdout;
    expect(zh).toContain('无交集');
  });
});

describe('plan facts', () => {
  it('lists every fact with its statements and whether they agree', async () => {
    const result = await cli(['facts', WUSHAN, '--format', 'json']);
    expect(result.code).toBe(0);
    const facts = (JSON.parse(result.stdout) as { facts: { fact: string; period?: string; statements: number; verdict: string }[] }).facts;
    const floorArea = facts.find((f) => f.fact === 'housing.rental-new.floor-area');
    expect(floorArea).toMatchObject({ statements: 3, verdict: 'disagree' });
    expect(new Set(facts.map((f) => `${f.fact}@${f.period ?? ''}`)).size).toBe(facts.length);
    const audit = JSON.parse((await cli(['audit', WUSHAN, '--format', 'json', '--rule', 'fact-agreement'])).stdout) as { findings: { data: { fact: string } }[] };
    const reported = new Set(audit.findings.map((f) => f.data.fact));
    expect(reported.size).toBeGreaterThan(0);
    expect(new Set(facts.filter((f) => f.verdict === 'disagree' || f.verdict === 'unit-mismatch').map((f) => f.fact))).toEqual(reported);
  });

  it.each([
    { name: 'a plan with a schema error', dir: () => planCopy(MINI, [{ file: 'projects.yaml', from: 'investment: 2000', to: 'investmnt: 2000' }]), code: 1 },
    { name: 'a missing path', dir: () => '/no/such/plan', code: 2 },
    { name: 'a clean plan', dir: () => MINI, code: 0 },
  ])('summary and facts of $name exit $code', async ({ dir, code }) => {
    const path = dir();
    for (const command of ['summary', 'facts']) {
      const result = await cli([command, path]);
      expect(result.code, command).toBe(code);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });
});

describe('the README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  /** The lines of the README's console block that starts with `$ command`. */
  const block = (command: string): string[] => {
    const start = readme.indexOf(`$ ${command}\n`);
    expect(start, command).toBeGreaterThanOrEqual(0);
    return readme.slice(start, readme.indexOf('```', start)).split('\n').slice(1).filter((line) => line && line !== '…');
  };

  it.each([
    ['npx plan summary --lang en', ['summary', '--lang', 'en']],
    ['npx plan trace housing.rental-new.floor-area --lang en', ['trace', 'housing.rental-new.floor-area', '--lang', 'en']],
    ['npx plan facts --lang en', ['facts', '--lang', 'en']],
    ['npx plan trace population.resident --lang en', ['trace', 'population.resident', '--lang', 'en']],
  ])('quotes the real output of %s', async (command, args) => {
    const actual = (await cli(args)).stdout.split('\n');
    const shown = block(command);
    expect(shown.length).toBeGreaterThan(3);
    for (const line of shown) expect(actual, line).toContain(line);
  });
});

describe('control characters in the data', () => {
  it.each([
    { command: ['summary', '--lang', 'en'], format: 'text' },
    { command: ['summary', '--lang', 'en', '--format', 'markdown'], format: 'markdown' },
  ])('are shown as escapes by $command', async ({ command }) => {
    const dir = planCopy(MINI, [{ file: 'projects.yaml', from: 'departments: [县住房城乡建委]', to: 'departments: ["县住房\\e]0;pwned\\a城乡建委"]' }]);
    const result = await cli([...command, dir]);
    expect(result.code).toBe(0);
    expect([...result.stdout].filter((c) => c === '\u001b' || c === '\u0007')).toEqual([]);
    expect(result.stdout).toContain('u001b');
  });

  it('are shown as escapes by trace', async () => {
    const dir = planCopy(MINI, [{ file: 'projects.yaml', from: 'content: 新建保障性租赁住房100套，建筑面积5000㎡，其中一层2000㎡，二层3000㎡。', to: 'content: "\\e[2J新建保障性租赁住房100套，建筑面积5000㎡，其中一层2000㎡，二层3000㎡。"' }]);
    const result = await cli(['trace', 'housing.rental-new.units', '--plan', dir, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect([...result.stdout].filter((c) => c === '\u001b' || c === '\u0007')).toEqual([]);
    expect(result.stdout).toContain('\\u001b');
  });
});
