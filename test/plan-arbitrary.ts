import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { RULES } from '../src/rules/index.js';

/**
 * Plans that pass `plan validate` by construction, one generator beside each schema of
 * `schemas/`. `SCHEMA_PROPERTIES` lists every property each generator writes; a test walks the
 * schemas and fails when one gains a property missing here, so the generators keep up.
 */

/** A number written into YAML exactly as printed: `0.0`, `-1.5`, a 64-character decimal. */
export class Printed {
  constructor(readonly text: string) {}
}

/** The shortest and longest decimals the loader accepts (64 characters), 0 in its forms, negatives. */
const EDGE_DECIMALS = [
  '0',
  '0.0',
  '-0',
  '1',
  '-1',
  '0.5',
  '-2.5',
  '1.13',
  '750',
  `0.${'0'.repeat(61)}1`,
  `-0.${'0'.repeat(60)}1`,
  '9007199254740991',
  '-9007199254740991',
  `${'9'.repeat(31)}.${'9'.repeat(32)}`,
  `-${'9'.repeat(31)}.${'9'.repeat(31)}`,
];

/** Any decimal the schema's `number` admits, as printed. */
const decimal = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...EDGE_DECIMALS) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 }).map(String) },
    fc.integer({ min: -1000, max: 100000 }).map(String),
    fc.tuple(fc.integer({ min: -99, max: 99999 }), fc.integer({ min: 0, max: 999 })).map(([whole, fraction]) => `${whole}.${String(fraction).padStart(3, '0')}`),
  )
  .map((text) => new Printed(text));

/** A decimal at or above 0 (`minimum: 0`). */
const nonNegativeDecimal = decimal.map((d) => new Printed(d.text.replace(/^-/, '')));
/** A share from 0 to 1 (`minimum: 0, maximum: 1`). */
const unitShare = fc.constantFrom('0', '1', '0.05', '0.5', '0.0000001', '0.999999').map((text) => new Printed(text));
const positiveInteger = fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(1000, 10000, 9007199254740991));
const year = fc.oneof(fc.integer({ min: 2015, max: 2030 }), fc.constantFrom(1900, 2199));
const periodYear = fc.oneof(fc.integer({ min: 2015, max: 2030 }), fc.constantFrom(1000, 2999));
/** `2020` or `2021-2025`, never ending before it starts. */
const period = fc.oneof(
  periodYear.map(String),
  fc.tuple(periodYear, periodYear).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
  { weight: 12, arbitrary: fc.constantFrom('2020', '2020', '2025', '2021-2025') },
);
const numeral = fc.constantFrom('一', '二', '三', '四', '五', '十', '十一', '〇', '零', '两', '百', '一百');
/** A small pool, so that statements of one fact meet and relations find their facts. */
export const FACT_KEYS = ['a', 'childcare.places', 'childcare.rate', 'population.resident', 'area-x.total', 'k1.x-y'];
export const factKey = fc.constantFrom(...FACT_KEYS);
const unit = fc.constantFrom('个', '㎡', '万㎡', '人', '万人', '%', '万元', '亿元', '元', '亩', '张', '套', '项', 'km', '公里', '公顷', 'xyz', '个/千人');
const bound = fc.constantFrom('不少于', '不低于', '至少', '以上', '超过', '高于', '≥', '＞', '>', '以内', '以下', '不超过', '不高于', '低于', '≤', '＜', '<');
/** Sentences of the published text; quotes are drawn from them, or are not in it at all. */
export const SOURCE_SENTENCES = ['可提供最大托位750个', '每千人口拥有托位数0个', '全县常住人口0万人', '建设面积约5000㎡', '新建项目100个', '投资1.13亿元', '保障性住房0套', '—'];
const text = fc.oneof(fc.constantFrom(...SOURCE_SENTENCES, '测试', '第一章'), fc.string({ minLength: 1, maxLength: 6 }));
const optional = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined, freq: 3 });
const list = <T>(arbitrary: fc.Arbitrary<T>, maxLength = 3, minLength = 0): fc.Arbitrary<T[]> => fc.array(arbitrary, { minLength, maxLength });

/** Drops absent optional keys, so the YAML has no `null` where the schema wants a value. */
function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/**
 * A range as a valid plan prints it: its maximum not below its value (8-5个 is the schema check's
 * `range-reversed` error, which a schema-valid plan does not have).
 */
function ordered<T extends { value?: Printed | undefined; valueMax?: Printed | undefined }>(record: T): T {
  const { value, valueMax } = record;
  if (value instanceof Printed && valueMax instanceof Printed && Number(valueMax.text) < Number(value.text)) return { ...record, value: valueMax, valueMax: value };
  return record;
}

const qualifiers = {
  valueMax: optional(decimal),
  approx: optional(fc.boolean()),
  bound: optional(bound),
  hold: optional(fc.boolean()),
  cumulative: optional(fc.boolean()),
};

/** figure.schema.json#/$defs/cell: a value or a text, and its qualifiers. */
const cell = fc
  .tuple(fc.oneof(decimal.map((value) => ({ value })), fc.constantFrom('—', '应保尽保').map((t) => ({ text: t }))), fc.record(qualifiers))
  .map(([value, rest]) => ordered(defined({ ...value, ...rest })));

/** figure.schema.json#/$defs/figure. */
const figure = fc
  .tuple(
    fc.record({ fact: factKey, unit }),
    fc.oneof({ weight: 5, arbitrary: decimal.map((value) => ({ value })) }, { weight: 1, arbitrary: fc.constantFrom('—', '应保尽保').map((t) => ({ text: t })) }),
    fc.record({ ...qualifiers, period: optional(period), quote: optional(text) }),
  )
  .map(([head, value, rest]) => ordered(defined({ ...head, ...value, ...rest })));

/** A printed appendix table's number (附表2): few, so links and sums name tables that exist, and some that do not. */
const tableNumber = fc.integer({ min: 1, max: 3 });

/** A declared sum of parts, of appendix tables' totals (详见附表1、附表2), or of both. */
const sums = list(
  fc
    .record({ total: factKey, parts: optional(list(factKey, 3, 1)), tables: optional(fc.uniqueArray(tableNumber, { minLength: 1, maxLength: 2 })), open: optional(fc.boolean()) })
    .map(defined)
    .filter((sum) => 'parts' in sum || 'tables' in sum),
  2,
);
const counts = list(fc.record({ fact: factKey, items: list(text, 3), open: optional(fc.boolean()) }).map(defined), 2);

const plan = fc
  .record({
    id: fc.constantFrom('gen-plan', 'a', 'x-2021-2025'),
    title: text,
    issuer: text,
    documentNumber: optional(fc.constantFrom('测试发改〔2023〕1号', 'x〔1999〕0号')),
    date: optional(fc.constantFrom('2023-01-01', '2000-02-29')),
    period: fc.tuple(year, year).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })),
    moneyUnit: fc.constantFrom('元', '万元', '亿元'),
    source: optional(fc.constant('source.txt')),
    approximateTolerance: optional(unitShare),
    coverage: optional(unitShare),
    // plan init's record of what a draft could not read: the audit skips the rules judging those parts.
    // An entry may name one misread appendix row (its serial, table and section); a row that names none of the plan's is left out by no rule.
    draft: optional(
      fc.record({
        unread: list(
          fc.record(
            {
              part: fc.constantFrom('appendix', 'indicators', 'services', 'boxes', 'outline'),
              where: fc.constantFrom('line 12', 'p. 3, line 4'),
              what: text,
              row: fc.record(
                {
                  serial: fc.integer({ min: 0, max: 5 }),
                  table: fc.integer({ min: 1, max: 3 }),
                  section: fc.constantFrom('一', '二'),
                  cells: fc.uniqueArray(fc.constantFrom('name', 'departments', 'nature', 'location', 'content', 'years', 'investment'), { minLength: 1, maxLength: 3 }),
                },
                { requiredKeys: ['serial'] },
              ),
            },
            { requiredKeys: ['part', 'where', 'what'] },
          ),
          2,
        ),
      }),
    ),
    accepted: optional(list(fc.record({ rule: fc.constantFrom('fact-agreement', 'no-such-rule'), file: fc.constant('projects.yaml'), pointer: fc.constantFrom('', '/sections/0'), reason: fc.constant('原文如此。') }), 2)),
  })
  .map(defined);

const outline = fc
  .record({
    preface: optional(text),
    appendix: optional(text),
    chapters: list(fc.record({ numeral, title: text, sections: optional(list(fc.record({ numeral, title: text }), 2)), boxes: optional(list(positiveInteger, 2)) }).map(defined), 3, 1),
  })
  .map(defined);

/** Where the indicator table stands: a box, or (at times) a table in no box, by the label its caption prints. */
const indicatorHolder = fc.oneof({ weight: 3, arbitrary: fc.record({ box: positiveInteger }) }, { weight: 1, arbitrary: fc.record({ table: fc.constantFrom('表1', '表 2', '附表1', '附表') }) });

const indicators = fc
  .record({
    holder: indicatorHolder,
    title: optional(text),
    columns: optional(fc.record({ baseline: optional(fc.oneof(year, fc.constant(2020))), target: optional(fc.oneof(year, fc.constant(2025))) }).map(defined)),
    note: optional(text),
    categories: list(
      fc.record({
        numeral,
        name: text,
        indicators: list(
          fc
            .record({ serial: positiveInteger, name: text, fact: factKey, unit, baseline: cell, target: cell, attribute: fc.constantFrom('预期性', '约束性'), better: optional(fc.constantFrom('higher', 'lower', 'none')) })
            .map(defined),
          3,
        ),
      }),
      2,
      1,
    ),
  })
  .map(({ holder, ...rest }) => defined({ ...holder, ...rest }));

const services = fc
  .record({
    box: positiveInteger,
    title: optional(text),
    total: optional(figure),
    areas: list(fc.record({ name: text, goal: optional(text), declared: optional(fc.nat(5)), itemsText: optional(text), items: list(text, 3) }).map(defined), 2, 1),
  })
  .map(defined);

/** A work's appendix project: a serial, or serials of a named table or section ({ table: 2, serials: [11] }, { section: 二, serials: [3] }). */
const linkSerials = fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 2 });
const projectLink = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.record({ table: tableNumber, serials: linkSerials }) },
  { weight: 1, arbitrary: fc.record({ table: optional(tableNumber), section: numeral, serials: linkSerials }).map(defined) },
);

const boxes = fc.record({
  boxes: list(
    fc
      .record({
        number: positiveInteger,
        title: text,
        chapter: optional(numeral),
        items: list(
          fc
            .record({
              number: positiveInteger,
              title: text,
              text: optional(text),
              works: list(fc.record({ name: text, projects: fc.uniqueArray(projectLink, { maxLength: 3, selector: (link) => JSON.stringify(link) }) }), 2, 1),
              facts: optional(list(figure, 4)),
              sums: optional(sums),
              counts: optional(counts),
            })
            .map(defined),
          2,
        ),
      })
      .map(defined),
    2,
  ),
});

const nature = fc.oneof(fc.constantFrom('新建', '改扩建', '续建'), fc.uniqueArray(fc.constantFrom('新建', '改建', '迁建'), { minLength: 2, maxLength: 3 }));
/** A section's or a part's projects. */
const projectList = list(
  fc
    .record({
      serial: positiveInteger,
      name: text,
      departments: optional(list(text, 2, 1)),
      nature: optional(nature),
      location: optional(text),
      content: optional(text),
      start: optional(year),
      end: optional(year),
      investment: optional(nonNegativeDecimal),
      facts: optional(list(figure, 4)),
      sums: optional(sums),
      counts: optional(counts),
    })
    .map(defined),
  3,
);

/** A section's parts, each with its numeral, name, subtotal and projects: （一）（二） under 一、. */
const parts = list(fc.record({ numeral, name: text, subtotal: optional(decimal), projects: projectList }).map(defined), 2, 1);

const sections = list(
  fc
    .record({
      numeral,
      name: text,
      subtotal: optional(decimal),
      projects: optional(projectList),
      parts: optional(parts),
    })
    // A section holds projects, parts or both.
    .map((section) => defined(section.projects === undefined && section.parts === undefined ? { ...section, projects: [] } : section)),
  2,
  1,
);

/** How a table numbers its projects: through the table, or section by section. */
const numbering = fc.constantFrom('table', 'section');

/**
 * projects.yaml: one appendix table (its number optional), or several under `tables`, each with
 * its number (repeated at times: the numbering rule's case), title, total and sections.
 */
const projects = fc.oneof(
  { weight: 3, arbitrary: fc.record({ number: optional(tableNumber), title: optional(text), total: optional(decimal), numbering: optional(numbering), sections }).map(defined) },
  { weight: 1, arbitrary: fc.record({ tables: list(fc.record({ number: tableNumber, title: optional(text), total: optional(decimal), numbering: optional(numbering), sections }).map(defined), 3, 1) }) },
);

const statements = fc.record({
  statements: list(fc.record({ chapter: optional(numeral), section: optional(numeral), facts: list(figure, 8), sums: optional(sums), counts: optional(counts) }).map(defined), 4),
});

const relationCommon = { period: optional(fc.constantFrom('2020', '2020', '2025', '2021-2025')), quote: optional(text) };
const relation = fc.oneof(
  fc.record({ kind: fc.constant('ratio'), ...relationCommon, rate: factKey, per: fc.constantFrom(1, 1000, 10000), amount: factKey, base: factKey, baseUnit: optional(unit) }).map(defined),
  fc.record({ kind: fc.constant('share'), ...relationCommon, rate: factKey, part: factKey, whole: factKey }).map(defined),
  fc.record({ kind: fc.constant('product'), ...relationCommon, total: factKey, count: factKey, each: factKey }).map(defined),
);
const reachPeriod = fc.constantFrom('2020', '2025', '2021-2025');
const reach = fc.oneof(
  fc
    .record({ kind: optional(fc.constant('rate')), target: factKey, per: fc.constantFrom(1, 1000), amount: factKey, base: factKey, from: reachPeriod, to: reachPeriod, additions: list(factKey, 2, 1), far: optional(fc.constantFrom(new Printed('1.5'), new Printed('2'), new Printed('1.0000001'))) })
    .map(defined),
  fc.record({ kind: fc.constant('share'), part: factKey, whole: factKey, from: reachPeriod, to: reachPeriod }),
  fc
    .record({ kind: fc.constant('count'), target: factKey, baseline: optional(factKey), from: reachPeriod, to: reachPeriod, additions: list(factKey, 2, 1), far: optional(fc.constantFrom(new Printed('1.5'), new Printed('2'))) })
    .map(defined),
);
const relations = fc.record({ relations: optional(list(relation, 4)), reach: optional(list(reach, 2)) }).map(defined);

const verdictReview = fc.oneof(
  fc.record({ verdict: fc.constant('as-printed'), quote: fc.constantFrom(...SOURCE_SENTENCES), reason: optional(fc.constant('原文如此。')) }).map(defined),
  fc.record({ verdict: fc.constant('not-an-error'), reason: fc.constant('不是错误。'), quote: optional(fc.constantFrom(...SOURCE_SENTENCES)) }).map(defined),
);
const reviewTarget = fc.oneof(
  fc.record({ fingerprint: fc.constantFrom('0123456789abcdef', 'ffffffffffffffff') }),
  fc.record({ file: fc.constantFrom('projects.yaml', 'statements.yaml', 'relations.yaml'), pointer: fc.constantFrom('', '/sections/0', '/relations/0') }),
);
const reviews = fc.record({
  reviews: list(
    fc.tuple(fc.record({ rule: fc.constantFrom(...RULES.map((r) => r.id), 'no-such-rule') }), reviewTarget, verdictReview).map(([a, b, c]) => ({ ...a, ...b, ...c })),
    2,
  ),
});

/** One generated plan folder: each file's data (absent files are left out) and the published text. */
export interface GeneratedPlan {
  readonly files: Readonly<Record<string, unknown>>;
  readonly source: string;
}

export const planFolder: fc.Arbitrary<GeneratedPlan> = fc
  .record({
    'plan.yaml': plan,
    'outline.yaml': optional(outline),
    'indicators.yaml': optional(indicators),
    'services.yaml': optional(services),
    'boxes.yaml': optional(boxes),
    'projects.yaml': optional(projects),
    'statements.yaml': optional(statements),
    'relations.yaml': optional(relations),
    'reviews.yaml': optional(reviews),
    source: fc.subarray(SOURCE_SENTENCES),
    withSchema: fc.boolean(),
  })
  .map(({ source, withSchema, ...files }) => ({
    files: Object.fromEntries(
      Object.entries(defined(files)).map(([name, data]) => [name, withSchema ? { $schema: `../../schemas/${name.replace('.yaml', '.schema.json')}`, ...(data as object) } : data]),
    ),
    source: source.join('\n'),
  }));

/**
 * Every property the generators above write, by schema, as `schemaProperties` names them:
 * `.key` from the top, `[]` for a list's items, `#name` for a definition.
 */
export const SCHEMA_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'plan.schema.json': ['.$schema', '.id', '.title', '.issuer', '.documentNumber', '.date', '.period', '.period.start', '.period.end', '.moneyUnit', '.source', '.approximateTolerance', '.coverage', '.draft', '.draft.unread', '.draft.unread[].part', '.draft.unread[].where', '.draft.unread[].what', '.draft.unread[].row', '.draft.unread[].row.serial', '.draft.unread[].row.table', '.draft.unread[].row.section', '.draft.unread[].row.cells', '.accepted', '.accepted[].rule', '.accepted[].file', '.accepted[].pointer', '.accepted[].reason'],
  'outline.schema.json': ['.$schema', '.preface', '.appendix', '.chapters', '.chapters[].numeral', '.chapters[].title', '.chapters[].sections', '.chapters[].sections[].numeral', '.chapters[].sections[].title', '.chapters[].boxes'],
  'indicators.schema.json': [
    '.$schema', '.box', '.table', '.title', '.columns', '.columns.baseline', '.columns.target', '.note', '.categories', '.categories[].numeral', '.categories[].name', '.categories[].indicators',
    '.categories[].indicators[].serial', '.categories[].indicators[].name', '.categories[].indicators[].fact', '.categories[].indicators[].unit', '.categories[].indicators[].baseline',
    '.categories[].indicators[].target', '.categories[].indicators[].attribute', '.categories[].indicators[].better',
  ],
  'services.schema.json': ['.$schema', '.box', '.title', '.total', '.areas', '.areas[].name', '.areas[].goal', '.areas[].declared', '.areas[].itemsText', '.areas[].items'],
  'boxes.schema.json': [
    '.$schema', '.boxes', '.boxes[].number', '.boxes[].title', '.boxes[].chapter', '.boxes[].items', '.boxes[].items[].number', '.boxes[].items[].title', '.boxes[].items[].text',
    '.boxes[].items[].works', '.boxes[].items[].works[].name', '.boxes[].items[].works[].projects', '.boxes[].items[].facts', '.boxes[].items[].sums', '.boxes[].items[].counts',
    '#tableLink.table', '#tableLink.section', '#tableLink.serials',
  ],
  'projects.schema.json': [
    '.$schema', '.number', '.title', '.total', '.numbering', '.sections', '.tables', '.tables[].number', '.tables[].title', '.tables[].total', '.tables[].numbering', '.tables[].sections',
    '#sections[].numeral', '#sections[].name', '#sections[].subtotal', '#sections[].projects', '#sections[].parts', '#sections[].parts[].numeral', '#sections[].parts[].name',
    '#sections[].parts[].subtotal', '#sections[].parts[].projects', '#projects[].serial', '#projects[].name', '#projects[].departments', '#projects[].nature',
    '#projects[].location', '#projects[].content', '#projects[].start', '#projects[].end', '#projects[].investment', '#projects[].facts', '#projects[].sums', '#projects[].counts',
  ],
  'statements.schema.json': ['.$schema', '.statements', '.statements[].chapter', '.statements[].section', '.statements[].facts', '.statements[].sums', '.statements[].counts'],
  'figure.schema.json': [
    '#cell.value', '#cell.valueMax', '#cell.text', '#cell.approx', '#cell.bound', '#cell.hold', '#cell.cumulative',
    '#figure.fact', '#figure.value', '#figure.valueMax', '#figure.text', '#figure.unit', '#figure.approx', '#figure.bound', '#figure.hold', '#figure.cumulative', '#figure.period', '#figure.quote',
    '#sums[].total', '#sums[].parts', '#sums[].tables', '#sums[].open', '#counts[].fact', '#counts[].items', '#counts[].open',
  ],
  'relations.schema.json': [
    '.$schema', '.relations', '.reach', '#relation.kind', '#relation.period', '#relation.quote', '#relation.rate', '#relation.per', '#relation.amount', '#relation.base', '#relation.baseUnit',
    '#relation.part', '#relation.whole', '#relation.total', '#relation.count', '#relation.each', '#reach.kind', '#rateReach.target', '#rateReach.per', '#rateReach.amount', '#rateReach.base',
    '#rateReach.from', '#rateReach.to', '#rateReach.additions', '#rateReach.far', '#rateReach.kind', '#shareReach.kind', '#shareReach.part', '#shareReach.whole', '#shareReach.from', '#shareReach.to',
    '#countReach.kind', '#countReach.target', '#countReach.baseline', '#countReach.from', '#countReach.to', '#countReach.additions', '#countReach.far',
  ],
  'reviews.schema.json': ['.$schema', '.reviews', '#review.rule', '#review.fingerprint', '#review.file', '#review.pointer', '#review.verdict', '#review.quote', '#review.reason'],
};

/**
 * The properties a schema declares, named as in `SCHEMA_PROPERTIES`. Branches (`allOf`, `if`,
 * `then`) add to the object they stand in; `$ref`s are not followed (their target is listed under
 * its own schema).
 */
export function schemaProperties(schema: unknown): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, path);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'properties') {
        for (const [name, sub] of Object.entries(value as Record<string, unknown>)) {
          names.add(`${path}.${name}`);
          walk(sub, `${path}.${name}`);
        }
      } else if (key === 'items') walk(value, `${path}[]`);
      else if (key === '$defs') for (const [name, sub] of Object.entries(value as Record<string, unknown>)) walk(sub, `#${name}`);
      else if (['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else'].includes(key)) walk(value, path);
    }
  };
  walk(schema, '');
  return names;
}

/** The data as YAML (JSON is YAML), numbers written as printed. */
export function yamlText(value: unknown, indent = ''): string {
  if (value instanceof Printed) return value.text;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${indent}  ${yamlText(item, `${indent}  `)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([key, item]) => `${indent}  ${JSON.stringify(key)}: ${yamlText(item, `${indent}  `)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Writes the plan into `dir` (created), replacing the plan files there. */
export function writePlan(dir: string, generated: GeneratedPlan): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (name.endsWith('.yaml') || name === 'source.txt') rmSync(join(dir, name));
  for (const [name, data] of Object.entries(generated.files)) writeFileSync(join(dir, name), `${yamlText(data)}\n`);
  writeFileSync(join(dir, 'source.txt'), generated.source);
}
