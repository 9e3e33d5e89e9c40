import { baseValue, intervalOf, intervalsMeet, printedFigure } from '../../figures.js';
import type { FigureStatement, PlanModel, SourceRef } from '../../model.js';
import type { RuleProblem } from '../rule.js';
import { planSource, quotePlace } from '../../source-text.js';
import { isNumberedKind, unitMeaning } from '../../units.js';
import { refOf, statementsByFact } from './fact-index.js';
import { unreadRowsOf } from './unread-rows.js';
import { allProjects, projectsOf } from './works.js';

/**
 * Where statements stand, for the keying checks: a box item, an appendix project, an indicator
 * row, or one sentence of the prose. Two places are linked when they speak of one thing: a box
 * item and the appendix projects its works name, or any two places that state a fact of one key.
 */
export interface Place {
  readonly id: string;
  readonly statements: FigureStatement[];
  readonly facts: Set<string>;
}

export interface LinkedPair {
  readonly first: Place;
  readonly second: Place;
}

interface LinkedPlaces {
  readonly places: Place[];
  readonly pairs: LinkedPair[];
  /** The indicator row (its place id) each prose figure restates, by the words they share. */
  readonly rowOf: ReadonlyMap<FigureStatement, string>;
}

const cache = new WeakMap<PlanModel, LinkedPlaces>();

/** Sentence ends of the prose: a sentence is what a quote's figures share (。；;！？ and the line end). */
const SENTENCE_END = new Set([0x3002, 0xff1b, 0x3b, 0xff01, 0xff1f, 0x0a]);

function placeId(plan: PlanModel, statement: FigureStatement): string {
  const { file, pointer } = statement.at;
  if (file === 'statements.yaml' && statement.quote !== undefined && plan.sourceText !== undefined) {
    const source = planSource(plan, plan.sourceText);
    const place = quotePlace(source, statement.quote);
    if (place) {
      let start = place[0];
      const text = source.text;
      while (start > 0 && !SENTENCE_END.has(text.charCodeAt(start - 1))) start--;
      return `prose#${start}`;
    }
    // A quote the source does not hold (provenance's finding): its group is the nearest place.
    return `${file}#${pointer.replace(/\/facts\/\d+$/, '')}`;
  }
  if (file === 'indicators.yaml') return `${file}#${pointer.replace(/\/(baseline|target)$/, '')}`;
  return `${file}#${pointer.replace(/\/facts\/\d+$/, '')}`;
}

/** The places of a plan and every linked pair of them, built once per plan. */
export function linkedPlaces(plan: PlanModel): LinkedPlaces {
  const known = cache.get(plan);
  if (known) return known;
  const byId = new Map<string, Place>();
  for (const statement of plan.facts) {
    if (statement.fact === '') continue;
    const id = placeId(plan, statement);
    let place = byId.get(id);
    if (!place) {
      place = { id, statements: [], facts: new Set() };
      byId.set(id, place);
    }
    place.statements.push(statement);
    place.facts.add(statement.fact);
  }
  const places = [...byId.values()];
  const pairKeys = new Set<string>();
  const pairs: LinkedPair[] = [];
  const link = (a: Place | undefined, b: Place | undefined): void => {
    if (!a || !b || a === b) return;
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    const key = `${first.id}\u0000${second.id}`;
    if (pairKeys.has(key)) return;
    pairKeys.add(key);
    pairs.push({ first, second });
  };
  for (const box of plan.boxes) {
    for (const item of box.items) {
      const itemPlace = byId.get(`boxes.yaml#${item.at.pointer}`);
      for (const work of item.works) {
        for (const projectLink of work.projects) {
          const targets = projectsOf(plan, projectLink);
          // A serial printed twice links to neither: box-project-link reports it.
          if (targets?.length === 1) link(itemPlace, byId.get(`projects.yaml#${targets[0]!.at.pointer}`));
        }
      }
    }
  }
  const placesByFact = new Map<string, Place[]>();
  for (const place of places) {
    for (const fact of place.facts) {
      // (Nor through a key of an appendix left unread: two box items keyed to one misread row are not linked by it.)
      if (keyedToUnreadAppendix(plan, fact)) continue;
      const sharing = placesByFact.get(fact);
      if (sharing) sharing.push(place);
      else placesByFact.set(fact, [place]);
    }
  }
  // Two places stating the same set of keys hold no figure under a key the other lacks, so their
  // link could yield nothing (see differentlyKeyed): only places with different sets are linked,
  // in the order of the pairs of the list. 5,000 box items stating one key are no pair at all.
  // (A key stated in one place links nothing: most keys of a large appendix are one project's.)
  const keysOf = new Map<Place, string>();
  const keysOfPlace = (place: Place): string => {
    let keys = keysOf.get(place);
    if (keys === undefined) {
      keys = [...place.facts].sort().join('\u0000');
      keysOf.set(place, keys);
    }
    return keys;
  };
  for (const sharing of placesByFact.values()) {
    if (sharing.length < 2) continue;
    const groups = new Map<string, number[]>();
    sharing.forEach((place, index) => {
      const keys = keysOfPlace(place);
      const group = groups.get(keys);
      if (group) group.push(index);
      else groups.set(keys, [index]);
    });
    if (groups.size < 2) continue;
    for (let i = 0; i < sharing.length; i++) {
      const own = keysOfPlace(sharing[i]!);
      const later: number[] = [];
      for (const [keys, indices] of groups) {
        if (keys === own) continue;
        for (let k = firstAbove(indices, i); k < indices.length; k++) later.push(indices[k]!);
      }
      later.sort((a, b) => a - b);
      for (const j of later) link(sharing[i], sharing[j]);
    }
  }
  // A prose figure and the indicator row it restates, by the words they share (学前教育毛入园率):
  // the link that lets a prose figure under its own key be compared with the row. Each prose
  // figure links to the one row whose name shares most character pairs with its quote.
  const rowIds = plan.indicatorCategories.flatMap((category) => category.indicators).map((row) => `indicators.yaml#${row.at.pointer}`);
  // The rows whose names hold each pair of characters: a quote's pairs are looked up, not every row's.
  const rowsByPair = new Map<string, number[]>();
  plan.indicatorCategories
    .flatMap((category) => category.indicators)
    .forEach((row, index) => {
      for (const pair of charPairs(row.name)) rowsByPair.get(pair)?.push(index) ?? rowsByPair.set(pair, [index]);
    });
  const shared = new Int32Array(rowIds.length);
  const rowOf = new Map<FigureStatement, string>();
  for (const place of places) {
    if (!place.id.startsWith('prose#')) continue;
    for (const statement of place.statements) {
      if (statement.quote === undefined) continue;
      shared.fill(0);
      for (const pair of charPairs(statement.quote)) for (const index of rowsByPair.get(pair) ?? []) shared[index]! += 1;
      // The one row that shares most; none when two share as many.
      let best = 0;
      let bestRow: string | undefined;
      shared.forEach((count, index) => {
        if (count > best) [best, bestRow] = [count, rowIds[index]];
        else if (count === best) bestRow = undefined;
      });
      if (bestRow === undefined || best < SHARED_PAIRS) continue;
      rowOf.set(statement, bestRow);
      link(place, byId.get(bestRow));
    }
  }
  const result = { places, pairs, rowOf };
  cache.set(plan, result);
  return result;
}

/** The position of the first index above `index` in an ascending list. */
function firstAbove(indices: readonly number[], index: number): number {
  let low = 0;
  let high = indices.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (indices[middle]! <= index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Character pairs a prose quote and an indicator name must share to be linked (毛入, 入园, 园率). */
const SHARED_PAIRS = 3;

/** The distinct pairs of adjacent characters of a text: what a quote and a row's name share counts them. */
function charPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) pairs.add(text.slice(i, i + 2));
  return pairs;
}

const LEADING = /^(?:新建|新增|建设|建成|改造|实施|完成|累计|其中|共计|共|总|约|达到|达)+/;
const TRAILING = /(?:约|不少于|不低于|不超过|超过|高于|低于|达到|达|为|至|是|有|增至|提高到|提升到|控制在)+$/;
const STOP = /[，。、；：:;,（）()《》“”"【】\s\d.%％]/;

/** The printed words just before a figure in its quote (`建筑面积` of `建筑面积70000㎡`), or ''. */
export function subjectWords(statement: FigureStatement): string {
  const quote = statement.quote;
  const value = statement.valueText;
  if (quote === undefined || value === undefined) return '';
  let at = -1;
  for (let from = 0; ; from = at + 1) {
    at = quote.indexOf(value, from);
    if (at < 0) return '';
    const before = quote[at - 1];
    const after = quote[at + value.length];
    if ((before === undefined || !/[\d.]/.test(before)) && (after === undefined || !/\d/.test(after))) break;
  }
  // Some texts print a space between the words and the figure (护理型床位 42 张).
  let end = at;
  while (end > 0 && /\s/.test(quote[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !STOP.test(quote[start - 1]!)) start--;
  return quote.slice(start, end).replace(TRAILING, '').replace(LEADING, '');
}

const lastSegment = (fact: string): string => fact.slice(fact.lastIndexOf('.') + 1);

/**
 * Two statements of linked places name the same thing when, in units of one dimension, their
 * keys end in the same measure (`.floor-area`, not a draft's numbered `.count-1`), their printed words before the figure are the
 * same (`建筑面积`), or each is the only figure of that dimension and time in its place (the one
 * 户 figure of a box item and of its project).
 */
export function sameSubject(a: FigureStatement, b: FigureStatement, placeOfA?: Place, placeOfB?: Place): boolean {
  const dimension = unitMeaning(a.unit).dimension;
  if (dimension !== unitMeaning(b.unit).dimension) return false;
  // `.floor-area` in both keys names one measure; a draft's `.count-1` only says each is the first count where it stands.
  const segment = lastSegment(a.fact);
  if (segment === lastSegment(b.fact) && !isNumberedKind(segment)) return true;
  const alone = (place: Place | undefined, other: FigureStatement): boolean =>
    place !== undefined &&
    place.statements.filter((o) => o.value !== undefined && unitMeaning(o.unit).dimension === dimension && periodsMeet(o, other)).length === 1;
  if (alone(placeOfA, b) && alone(placeOfB, a)) return true;
  const x = subjectWords(a);
  const y = subjectWords(b);
  if (x.length < 2 || y.length < 2) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.endsWith(short);
}

/** What a figure counts beyond its unit: a rate per N or an amount, and which stock of the thing. */
export interface Measure {
  /** Per N people, per unit or on average (每千人口, 每个乡镇, 人均, 平均): not an absolute amount. */
  readonly rate: boolean;
  /** What is added (新建, 新增), what stands already (现有, 已建成), or the whole reached (达到, 共). */
  readonly stock?: 'new' | 'existing' | 'total';
}

/** Per N people, per unit or on average (每千人口, 每个乡镇, 人均, 户均, 平均): not an absolute amount. */
const RATE_WORDS = /每|[千万]人口|[人户]均|平均/;
const EXISTING_WORDS = /现有|已建成|已建|已有|原有/;
const NEW_WORDS = /新建|新增|新设|新开|增加|增设/;
const TOTAL_WORDS = /达到|(?<!公)共|总数|总量|合计|全县|全区|全市/;
/** Where the words that qualify a figure begin: the clause it stands in. */
const CLAUSE_START = /[，。；;：:,]/;

/** The printed words of the figure's clause, up to the figure (`乡镇卫生院床位达到` of `…，乡镇卫生院床位达到500张`). */
function clauseBefore(statement: FigureStatement): string {
  const quote = statement.quote;
  const value = statement.valueText;
  if (quote === undefined || value === undefined) return '';
  const at = quote.indexOf(value);
  if (at < 0) return '';
  let start = at;
  while (start > 0 && !CLAUSE_START.test(quote[start - 1]!)) start--;
  return quote.slice(start, at);
}

/** The measure of a statement, from the words of its clause. */
export function measureOf(statement: FigureStatement): Measure {
  const words = clauseBefore(statement);
  const rate = RATE_WORDS.test(words);
  if (EXISTING_WORDS.test(words)) return { rate, stock: 'existing' };
  if (NEW_WORDS.test(words)) return { rate, stock: 'new' };
  if (TOTAL_WORDS.test(words)) return { rate, stock: 'total' };
  return { rate };
}

/**
 * Two figures may be one thing only when they measure alike: both rates or both amounts, and
 * not one added and the other standing already (or reached in all). When their values differ
 * (`apart`), a whole reached (达到500张) is not compared with a figure that does not say it is
 * the whole (one hospital's 设置床位60张): that may be a part of it.
 */
export function sameMeasure(a: FigureStatement, b: FigureStatement, apart: boolean): boolean {
  const x = measureOf(a);
  const y = measureOf(b);
  if (x.rate !== y.rate) return false;
  if (x.stock !== undefined && y.stock !== undefined) return x.stock === y.stock;
  return !(apart && (x.stock === 'total' || y.stock === 'total'));
}

/** Periods that may speak of one time: equal, or one of them not given. */
export function periodsMeet(a: FigureStatement, b: FigureStatement): boolean {
  return a.period === undefined || b.period === undefined || a.period === b.period;
}

/** True when one declared sum or count names both keys: they are parts of one whole, not one thing. */
export function declaredTogether(plan: PlanModel, a: string, b: string): boolean {
  return plan.sums.some((sum) => {
    const keys = [sum.total, ...sum.parts];
    return keys.includes(a) && keys.includes(b);
  });
}

/** The key to keep of two: the one the plan states more often; on a tie the one not from the prose. */
export function preferredKey(plan: PlanModel, a: FigureStatement, b: FigureStatement): string {
  const count = (fact: string): number => statementsByFact(plan).get(fact)?.length ?? 0;
  const difference = count(a.fact) - count(b.fact);
  if (difference !== 0) return difference > 0 ? a.fact : b.fact;
  const prose = (s: FigureStatement): number => (s.at.file === 'statements.yaml' ? 1 : 0);
  if (prose(a) !== prose(b)) return prose(a) < prose(b) ? a.fact : b.fact;
  return [a.fact, b.fact].sort()[0]!;
}

/**
 * Every pair of statements under two keys, in linked places, that name the same thing: the
 * candidates of the keying checks. A pair whose keys stand together in one place, or in one
 * declared sum, or that measure differently (`sameMeasure`), names two things and is left out.
 */
export function* differentlyKeyed(plan: PlanModel, apart = false): Generator<[FigureStatement, FigureStatement]> {
  const seen = new Set<string>();
  const { pairs, rowOf } = linkedPlaces(plan);
  // A prose figure meets an indicator row only when it is the row it restates.
  const restates = (statement: FigureStatement, place: Place): boolean => !place.id.startsWith('indicators.yaml#') || statement.at.file !== 'statements.yaml' || rowOf.get(statement) === place.id;
  for (const { first, second } of pairs) {
    for (const a of first.statements) {
      if (a.value === undefined || second.facts.has(a.fact) || !restates(a, second)) continue;
      for (const b of second.statements) {
        if (b.value === undefined || a.fact === b.fact || first.facts.has(b.fact) || !restates(b, first)) continue;
        // A prose figure and the row it restates by name are one subject if their units are of one kind.
        const byName = rowOf.get(a) === second.id || rowOf.get(b) === first.id;
        const subject = byName ? unitMeaning(a.unit).dimension === unitMeaning(b.unit).dimension : sameSubject(a, b, first, second);
        if (!periodsMeet(a, b) || a.cumulative !== b.cumulative || !subject || !sameMeasure(a, b, apart) || declaredTogether(plan, a.fact, b.fact)) continue;
        const key = a.fact < b.fact ? `${a.fact} ${b.fact}` : `${b.fact} ${a.fact}`;
        if (seen.has(key)) continue;
        seen.add(key);
        yield [a, b];
      }
    }
  }
}

/**
 * Whether a fact's key is the appendix's (`appendix.…`, as `plan init` keys a project's figures)
 * in a draft that left the appendix unread: a box item was keyed to a project of a table misread,
 * and a comparison through that key would come from what was never read. A draft that misread one
 * row leaves out the figures of that row and of the rows either side of it (rows run together
 * share their pieces, whatever cells the entry names); a key no project prints is left out too.
 */
export function keyedToUnreadAppendix(plan: PlanModel, fact: string): boolean {
  if (!fact.startsWith('appendix.')) return false;
  let unread = UNREAD_KEYS.get(plan);
  if (unread === undefined) {
    unread = unreadAppendixKeys(plan);
    UNREAD_KEYS.set(plan, unread);
  }
  return unread === 'all' || (unread !== 'none' && (unread.unread.has(fact) || !unread.printed.has(fact)));
}

/** A plan's appendix keys left unread: none (the plan a draft left nothing unread in, and any plan written by hand), all, or those of the rows named. */
type UnreadKeys = 'none' | 'all' | { readonly unread: ReadonlySet<string>; readonly printed: ReadonlySet<string> };

/** Each plan's appendix keys left unread, worked out once. */
const UNREAD_KEYS = new WeakMap<PlanModel, UnreadKeys>();

function unreadAppendixKeys(plan: PlanModel): UnreadKeys {
  const entries = plan.unread.filter((entry) => entry.part === 'appendix');
  // (No set of every project's keys for a plan with nothing unread: 200,000 of them in a large plan.)
  if (entries.length === 0) return 'none';
  if (entries.some((entry) => entry.row === undefined)) return 'all';
  const misread = unreadRowsOf(plan);
  const unread = new Set<string>();
  const printed = new Set<string>();
  const projects = allProjects(plan);
  projects.forEach((project, at) => {
    const near = [projects[at - 1], project, projects[at + 1]].some((other) => other !== undefined && other.table === project.table && misread(other));
    for (const statement of project.facts) (near ? unread : printed).add(statement.fact);
  });
  return { unread, printed };
}

/**
 * The pairs of differently keyed statements whose values agree (`true`) or disagree (`false`),
 * each with what a keying finding reports: both places, both keys, the key to use.
 */
export function* keyingFindings(
  plan: PlanModel,
  agreeing: boolean,
): Generator<Omit<RuleProblem<string>, 'messageId'> & { readonly at: SourceRef }> {
  for (const [a, b] of differentlyKeyed(plan, !agreeing)) {
    if (keyedToUnreadAppendix(plan, a.fact) || keyedToUnreadAppendix(plan, b.fact)) continue;
    const x = intervalOf(a, plan.approximateTolerance, 'printed');
    const y = intervalOf(b, plan.approximateTolerance, 'printed');
    if (!x || !y || intervalsMeet(x, y) !== agreeing) continue;
    yield {
      at: b.at,
      related: [a.at],
      data: {
        ref: refOf(b),
        printed: printedFigure(b),
        fact: b.fact,
        otherRef: refOf(a),
        otherPrinted: printedFigure(a),
        otherFact: a.fact,
        subject: subjectWords(b) || subjectWords(a) || lastSegment(b.fact),
        use: preferredKey(plan, a, b),
      },
      values: [baseValue(b)!, baseValue(a)!],
      unit: unitMeaning(b.unit).base,
    };
  }
}
