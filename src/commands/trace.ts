import { commonPart, describeInterval, intervalOf, printedFigure, type Interval } from '../figures.js';
import type { FigureStatement, Lang } from '../model.js';
import { type BoundPair, compareFact, statementsToCompare, type FactVerdict } from '../rules/support/fact-comparison.js';
import { toDecimalString } from '../decimal.js';
import { visible } from '../formatters/safe-text.js';
import { describeRounded } from '../interval-arithmetic.js';
import { countReachesOf, readCountReach } from '../rules/support/count-reach.js';
import { hiddenFacts, relationsOf, type RelationView } from '../rules/support/relations.js';
import { unitMeaning } from '../units.js';
import type { AuditedPlan, ViewInput } from '../views/load.js';
import type { ViewTable } from '../views/table.js';
import { fill, wordTable } from '../words.js';

/** A printed qualifier of a statement: 约 (with its tolerance), a bound, 【】, a range, a period. */
export type Qualifier =
  | { readonly kind: 'approx'; readonly tolerance: string }
  | { readonly kind: 'bound'; readonly word: string }
  | { readonly kind: 'cumulative' }
  | { readonly kind: 'range' }
  | { readonly kind: 'period'; readonly period: string }
  | { readonly kind: 'text' };

export interface StatementTrace {
  /** 1-based, in the order the plan's files hold them. */
  readonly number: number;
  readonly ref: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly pointer: string;
  readonly printed: string;
  /** The number as printed (`2.20`), and the upper end of a printed range. */
  readonly value?: string;
  readonly valueMax?: string;
  readonly unit: string;
  /** The values the statement stands for in `baseUnit`, spelled as an interval; absent for a non-numeric figure. */
  readonly interval?: string;
  readonly baseUnit: string;
  readonly qualifiers: readonly Qualifier[];
  readonly quote?: string;
  /** Index of its agreeing group (0 is the group taken as what the plan says); absent when not compared. */
  readonly group?: number;
  /** Its unit measures something else than the fact's other statements. */
  readonly foreignUnit: boolean;
}

/** Whether two statements agree, with the intervals that decide it. */
export interface PairTrace {
  readonly first: number;
  readonly second: number;
  readonly meet: boolean;
  readonly firstInterval: string;
  readonly secondInterval: string;
  /** The values both stand for, when they meet. */
  readonly common?: string;
  /** Both are bounds of one direction with different limits: they meet, yet set two targets (the fact-bounds rule). */
  readonly boundsDiffer?: true;
}

/** The fact rules' verdict on a fact (one comparison, `compareFact`), or `hidden` for a fact only relations imply. */
export type Verdict = FactVerdict | 'hidden';

export interface FactTrace {
  readonly plan: string;
  readonly fact: string;
  readonly period?: string;
  readonly verdict: Verdict;
  readonly baseUnit: string;
  readonly statements: readonly StatementTrace[];
  readonly pairs: readonly PairTrace[];
  /** The relations of relations.yaml that name this fact. */
  readonly relations: readonly RelationTrace[];
  /** The count reaches of relations.yaml that name this fact: baseline + additions against the target. */
  readonly reaches: readonly ReachTrace[];
}

/** A count reach naming the fact: what is added to what, and whether it reaches the target. */
export interface ReachTrace {
  readonly kind: 'count';
  /** `education.schools（2020） + education.schools.new-primary → education.schools（2025）`. */
  readonly formula: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  /** The printed figures added up, each with its place: `120所（第一章）`. */
  readonly from: readonly string[];
  /** Their sum, as an interval in `unit`. */
  readonly reached?: string;
  readonly target?: string;
  readonly unit: string;
  /** Absent when a figure it needs is stated nowhere (`missing`). */
  readonly verdict?: 'reaches' | 'short' | 'overshoot';
  readonly missing: readonly string[];
}

function traceReaches(plan: AuditedPlan, fact: string, period: string | undefined): ReachTrace[] {
  const figure = (s: FigureStatement): string => `${printedFigure(s)}（${s.at.ref ?? s.at.file}）`;
  return countReachesOf(plan.model, fact)
    .filter((r) => r.additions.includes(fact) || (r.target === fact && period === r.to) || (r.baseline === fact && period === r.from))
    .map((reach) => {
      const reading = readCountReach(plan.model, reach);
      const location = plan.locate(reach.at);
      return {
        kind: 'count',
        formula: `${reach.baseline}（${reach.from}） + ${reach.additions.join(' + ')} → ${reach.target}（${reach.to}）`,
        file: location.file,
        line: location.line,
        column: location.column,
        from: [...(reading.baseline ? [reading.baseline] : []), ...reading.additions].map(figure),
        ...(reading.reached ? { reached: describeRounded(reading.reached) } : {}),
        ...(reading.target ? { target: figure(reading.target) } : {}),
        unit: reading.unit,
        ...(reading.verdict ? { verdict: reading.verdict } : {}),
        missing: reading.missing,
      };
    });
}

/** A relation naming the fact: its formula and place, what it implies, or whether it holds. */
export interface RelationTrace {
  readonly kind: 'ratio' | 'share' | 'product';
  readonly formula: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  /** The one unstated fact of the relation, its value from the printed ones, the interval and what it comes from. */
  readonly implied?: { readonly fact: string; readonly value?: string; readonly interval: string; readonly unit: string; readonly from: readonly string[] };
  /** With all three facts stated: whether they agree. */
  readonly holds?: boolean;
  /** Why it is not evaluated: a negative figure, a division by 0, or one fact named twice (relation-arithmetic says more). */
  readonly unchecked?: 'negative' | 'zero' | 'repeated';
}

function traceRelation(plan: AuditedPlan, view: RelationView): RelationTrace {
  const location = plan.locate(view.relation.at);
  const { implied } = view;
  return {
    kind: view.relation.kind,
    formula: view.formula,
    file: location.file,
    line: location.line,
    column: location.column,
    ...(implied
      ? {
          implied: {
            fact: implied.reference.identity,
            ...(implied.point ? { value: toDecimalString(implied.point, 2) } : {}),
            interval: describeRounded(implied.interval),
            unit: implied.unit,
            from: implied.from.map((s) => `${printedFigure(s)}（${s.at.ref ?? s.at.file}）`),
          },
        }
      : {}),
    ...(view.holds === undefined ? {} : { holds: view.holds }),
    ...(view.unchecked === undefined ? {} : { unchecked: view.unchecked }),
  };
}

/** A fact stated nowhere that relations imply (a population): its relations, no statements. */
function traceHidden(plan: AuditedPlan, fact: string, period: string | undefined, identity: string): FactTrace {
  const relations = relationsOf(plan.model, identity).map((view) => traceRelation(plan, view));
  return {
    plan: plan.model.id,
    fact,
    ...(period === undefined ? {} : { period }),
    verdict: 'hidden',
    baseUnit: relations.find((r) => r.implied?.fact === identity)?.implied?.unit ?? '',
    statements: [],
    pairs: [],
    relations,
    reaches: traceReaches(plan, fact, period),
  };
}

function qualifiers(statement: FigureStatement, tolerance: string): Qualifier[] {
  const list: Qualifier[] = [];
  if (statement.approx) list.push({ kind: 'approx', tolerance });
  if (statement.bound) list.push({ kind: 'bound', word: statement.bound });
  if (statement.cumulative) list.push({ kind: 'cumulative' });
  if (statement.valueMaxText !== undefined) list.push({ kind: 'range' });
  if (statement.period) list.push({ kind: 'period', period: statement.period });
  if (statement.valueText === undefined) list.push({ kind: 'text' });
  return list;
}

/**
 * Every statement of one fact (key and period) and how they compare, with the same intervals
 * and grouping the fact-agreement rule uses.
 */
export function traceFact(plan: AuditedPlan, statements: readonly FigureStatement[], withPairs = true): FactTrace {
  const { model, locate } = plan;
  const tolerance = model.approximateTolerance;
  const { clusters, foreign, differentBounds, verdict } = compareFact(statements, tolerance);
  const groupOf = new Map<FigureStatement, number>();
  for (const [index, cluster] of clusters.entries()) for (const member of cluster) groupOf.set(member.statement, index);
  const percent = `${toDecimalString({ num: tolerance.num * 100n, den: tolerance.den })}%`;
  const intervals = new Map<FigureStatement, Interval>();
  const traced = statements.map((statement, index): StatementTrace => {
    const location = locate(statement.at);
    const interval = intervalOf(statement, tolerance, 'printed');
    if (interval) intervals.set(statement, interval);
    const group = groupOf.get(statement);
    return {
      number: index + 1,
      ref: statement.at.ref ?? `${statement.at.file}#${statement.at.pointer}`,
      file: location.file,
      line: location.line,
      column: location.column,
      pointer: statement.at.pointer,
      printed: printedFigure(statement),
      unit: statement.unit,
      baseUnit: unitMeaning(statement.unit).base,
      qualifiers: qualifiers(statement, percent),
      foreignUnit: foreign.includes(statement),
      ...(statement.valueText === undefined ? {} : { value: statement.valueText }),
      ...(statement.valueMaxText === undefined ? {} : { valueMax: statement.valueMaxText }),
      ...(interval ? { interval: describeInterval(interval) } : {}),
      ...(statement.quote === undefined ? {} : { quote: statement.quote }),
      ...(group === undefined ? {} : { group }),
    };
  });
  const pairs = withPairs ? pairsOf(statements, intervals, groupOf, differentBounds) : [];
  const first = statements[0]!;
  return {
    plan: model.id,
    fact: first.fact,
    ...(first.period === undefined ? {} : { period: first.period }),
    verdict,
    baseUnit: traced.find((s) => s.group === 0)?.baseUnit ?? traced[0]!.baseUnit,
    statements: traced,
    pairs,
    relations: relationsOf(model, first.period ? `${first.fact}@${first.period}` : first.fact).map((view) => traceRelation(plan, view)),
    reaches: traceReaches(plan, first.fact, first.period),
  };
}

/**
 * The comparisons of a fact's statements, one for each two distinct intervals (statements with
 * the same interval compare alike), each named by the first statement with it: 10 000
 * statements of one value are one interval and no pair, not 50 million pairs.
 */
function pairsOf(
  statements: readonly FigureStatement[],
  intervals: ReadonlyMap<FigureStatement, Interval>,
  groupOf: ReadonlyMap<FigureStatement, number>,
  differentBounds: readonly BoundPair[],
): PairTrace[] {
  const distinct = new Map<string, { key: string; number: number; interval: Interval; text: string }>();
  const keyOf = new Map<FigureStatement, string>();
  statements.forEach((statement, index) => {
    const interval = intervals.get(statement);
    if (!interval || !groupOf.has(statement)) return;
    const end = (value: Interval['low']): string => (value === undefined ? '' : `${value.num}/${value.den}`);
    const key = `${interval.lowOpen}${end(interval.low)},${end(interval.high)}${interval.highOpen}`;
    keyOf.set(statement, key);
    if (!distinct.has(key)) distinct.set(key, { key, number: index + 1, interval, text: describeInterval(interval) });
  });
  // Two bounds with different limits have different intervals: the pair of their intervals is marked.
  const boundsApart = new Set(differentBounds.flatMap((pair) => [`${keyOf.get(pair.statement)}|${keyOf.get(pair.other)}`, `${keyOf.get(pair.other)}|${keyOf.get(pair.statement)}`]));
  const list = [...distinct.values()];
  const pairs: PairTrace[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      const common = commonPart(a.interval, b.interval);
      pairs.push({
        first: a.number,
        second: b.number,
        meet: common !== undefined,
        firstInterval: a.text,
        secondInterval: b.text,
        ...(common ? { common: describeInterval(common) } : {}),
        ...(boundsApart.has(`${a.key}|${b.key}`) ? { boundsDiffer: true as const } : {}),
      });
    }
  }
  return pairs;
}

/** Every fact of the plans, each with its statements compared (without the pairs, which only `trace` shows). */
export function allFacts(plans: readonly AuditedPlan[]): FactTrace[] {
  return plans.flatMap((plan) => [...statementsToCompare(plan.model).values()].map((statements) => traceFact(plan, statements, false)));
}

/**
 * The facts a query names: those whose key (or key@period) is the query, else those whose key
 * or one of whose quotes contains every word of it (case-insensitive).
 */
export function findFacts(plans: readonly AuditedPlan[], query: string): FactTrace[] {
  const wanted = query.trim();
  const groups = plans.flatMap((plan) => [...statementsToCompare(plan.model).entries()].map(([identity, statements]) => ({ plan, identity, statements })));
  const exact = groups.filter((g) => g.statements[0]!.fact === wanted || g.identity === wanted);
  const words = wanted.toLowerCase().split(/\s+/).filter(Boolean);
  const chosen =
    exact.length > 0
      ? exact
      : groups.filter((g) => words.length > 0 && words.every((word) => g.identity.toLowerCase().includes(word) || g.statements.some((s) => s.quote?.toLowerCase().includes(word))));
  // Facts no statement gives but relations imply (population.resident@2020) are found by key too.
  const hidden = plans.flatMap((plan) => [...hiddenFacts(plan.model)].map(([identity, reference]) => ({ plan, identity, reference })));
  const hiddenChosen = hidden.filter(
    (h) => h.reference.fact === wanted || h.identity === wanted || (exact.length === 0 && words.length > 0 && words.every((word) => h.identity.toLowerCase().includes(word))),
  );
  return [...chosen.map((g) => traceFact(g.plan, g.statements)), ...hiddenChosen.map((h) => traceHidden(h.plan, h.reference.fact, h.reference.period, h.identity))];
}


export function qualifierText(qualifier: Qualifier, lang: Lang): string {
  const w = wordTable(lang, 'trace');
  switch (qualifier.kind) {
    case 'approx':
      return fill(w.approx, { tolerance: qualifier.tolerance });
    case 'bound':
      return qualifier.word;
    case 'period':
      return fill(w.period, { period: qualifier.period });
    default:
      return w[qualifier.kind];
  }
}

export function verdictText(verdict: Verdict, lang: Lang): string {
  return wordTable(lang, 'trace')[verdict];
}

/** The pair's comparison in words: `[a, b) and [c, d) meet in [x, y): agree`. */
export function pairText(pair: PairTrace, lang: Lang): string {
  const w = wordTable(lang, 'trace');
  const data = { a: `#${pair.first} ${pair.firstInterval}`, b: `#${pair.second} ${pair.secondInterval}`, common: pair.common ?? '' };
  return fill(pair.boundsDiffer ? w.boundsApart : pair.meet ? w.meet : w.apart, data);
}

/** The groups in words: which statements are taken as what the plan says, and which stand apart. */
export function groupTexts(trace: FactTrace, lang: Lang): string[] {
  const w = wordTable(lang, 'trace');
  const members = (test: (group: number) => boolean): string =>
    trace.statements.filter((s) => s.group !== undefined && test(s.group)).map((s) => `#${s.number} ${s.ref}`).join('、');
  if (trace.verdict !== 'disagree') return [];
  return [fill(w.consensus, { members: members((g) => g === 0) }), fill(w.outside, { members: members((g) => g > 0) })];
}

/** `plan trace` as text: each statement, then each pair compared, then the verdict. */
export function traceAsText(traces: readonly FactTrace[], lang: Lang, query: string): string {
  const w = wordTable(lang, 'trace');
  if (traces.length === 0) return `${visible(fill(w.noMatch, { query }))}\n`;
  const out: string[] = [];
  for (const trace of traces) {
    const name = trace.period ? `${trace.fact}@${trace.period}` : trace.fact;
    out.push(`${name}  (${trace.plan})  ${trace.statements.length} ${w.statements}: ${w[trace.verdict]}`);
    for (const s of trace.statements) {
      out.push(`  #${s.number}  ${s.ref}  ${s.file}:${s.line}:${s.column}`);
      out.push(`      ${w.printed}: ${s.printed}${s.interval ? `   ${w.interval}: ${s.interval} ${s.baseUnit}` : ''}`);
      out.push(`      ${w.qualifiers}: ${s.qualifiers.length > 0 ? s.qualifiers.map((q) => qualifierText(q, lang)).join(', ') : w.none}`);
      if (s.quote) out.push(`      ${w.quote}: “${s.quote}”`);
      if (s.foreignUnit) out.push(`      ${w.foreign}`);
    }
    if (trace.pairs.length > 0) {
      out.push(`  ${fill(w.why, { unit: trace.baseUnit })}:`);
      for (const pair of trace.pairs) out.push(`    ${pairText(pair, lang)}`);
    }
    for (const line of groupTexts(trace, lang)) out.push(`  ${line}`);
    if (trace.relations.length > 0) out.push(`  ${w.relations}:`);
    for (const relation of trace.relations) {
      out.push(`    ${relation.kind}: ${relation.formula}  ${relation.file}:${relation.line}:${relation.column}`);
      const { implied } = relation;
      if (implied) {
        const from = implied.from.join(w.separator);
        out.push(`      ${fill(w.implies, { fact: implied.fact, value: implied.value ?? implied.interval, unit: implied.unit, interval: implied.interval, from })}`);
      }
      if (relation.holds !== undefined) out.push(`      ${relation.holds ? w.holds : w.fails}`);
      if (relation.unchecked !== undefined) out.push(`      ${w.unchecked[relation.unchecked]}`);
    }
    if (trace.reaches.length > 0) out.push(`  ${w.reachHeading}:`);
    for (const reach of trace.reaches) {
      out.push(`    ${reach.kind}: ${reach.formula}  ${reach.file}:${reach.line}:${reach.column}`);
      if (reach.verdict && reach.reached !== undefined && reach.target !== undefined) {
        out.push(`      ${fill(w.reachSum, { from: reach.from.join(' + '), reached: reach.reached, unit: reach.unit, target: reach.target })}: ${w[reach.verdict]}`);
      } else out.push(`      ${fill(w.reachMissing, { what: reach.missing.join(w.separator) })}`);
    }
    out.push('');
  }
  // Line by line: data text may hold control characters, shown as escapes, never acted on.
  return out.map(visible).join('\n');
}

/** `plan facts` as a table: every fact with its number of statements and whether they agree. */
export function factsTable(traces: readonly FactTrace[], lang: Lang): ViewTable {
  const w = wordTable(lang, 'trace');
  return {
    id: 'facts',
    title: w.facts,
    columns: [{ label: w.plan }, { label: w.fact }, { label: w.period_ }, { label: w.count, numeric: true }, { label: w.values }, { label: w.verdict }],
    rows: traces.map((t) => [t.plan, t.fact, t.period ?? '', String(t.statements.length), [...new Set(t.statements.map((s) => s.printed))].join('；'), w[t.verdict]]),
  };
}

export type TraceFormat = 'text' | 'json';

/** `plan trace`: the facts the query names, each statement and each comparison; `found` is false when none matched. */
export function traceCommand(input: ViewInput, options: { query: string; format: TraceFormat; lang: Lang; version: string }): { output: string; found: boolean } {
  const traces = findFacts(input.plans, options.query);
  const output =
    options.format === 'json'
      ? `${JSON.stringify({ version: options.version, query: options.query, facts: traces }, null, 2)}\n`
      : traceAsText(traces, options.lang, options.query);
  return { output, found: traces.length > 0 };
}
