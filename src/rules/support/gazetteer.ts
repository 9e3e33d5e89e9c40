import type { PlanModel, SourceRef } from '../../model.js';
import { child } from '../../pointer.js';

/**
 * The plan's own gazetteer: every place (…乡, …镇, …街道, …村, …社区) and department the data
 * and the published text name, with where each is used. Names are taken from the structured
 * fields (locations, departments, counted items) and from lists in any text (items between 、),
 * split where one name follows another (官渡镇大塘村 → 官渡镇, 大塘村).
 */

export type NameClass = 'township' | 'village' | 'department';

/** Suffixes by class, longest first. 乡, 镇 and 街道 are one level; 村 and 社区 the one below. */
const SUFFIXES: readonly { suffix: string; cls: NameClass }[] = [
  { suffix: '街道', cls: 'township' },
  { suffix: '社区', cls: 'village' },
  { suffix: '乡', cls: 'township' },
  { suffix: '镇', cls: 'township' },
  { suffix: '村', cls: 'village' },
];
const DEPARTMENT = /^县.{1,10}(委|局|办|院|会|联|部)$/;
/** Words that make a generic phrase, not a name: 各乡镇, 相关乡镇, 城乡社区, 智慧社区. */
const GENERIC = /^(各|全|相关|有关|所在|周边|其他|其它|本|每个|中心|城乡|城镇|农村|乡村|乡镇|美丽|特色|重点|示范|新型|智慧|完整|学习型|有条件的)/;
const CJK = /^[\u3400-\u9fff]+$/;

export interface GazetteerName {
  readonly name: string;
  readonly cls: NameClass;
  /** The name without its class suffix (`大昌` of 大昌镇); the whole name for a department. */
  readonly stem: string;
  readonly suffix: string;
  /** Where it is first used: a place in the data, else a line of the published text. */
  readonly at: SourceRef;
  /** How many places use it. */
  uses: number;
  /** How often the published text prints it (the data's count when there is no text). */
  count: number;
}

function classify(token: string): Pick<GazetteerName, 'cls' | 'stem' | 'suffix'> | undefined {
  if (DEPARTMENT.test(token)) return { cls: 'department', stem: token, suffix: '' };
  for (const { suffix, cls } of SUFFIXES) {
    if (!token.endsWith(suffix)) continue;
    const stem = token.slice(0, -suffix.length);
    if (stem.length < 2 || stem.length > 6 || !CJK.test(stem) || GENERIC.test(token)) return undefined;
    // 中心乡镇, 城乡村: the stem ends in a suffix of its own, so the token is a generic phrase.
    if (SUFFIXES.some((s) => stem.endsWith(s.suffix))) return undefined;
    return { cls, stem, suffix };
  }
  return undefined;
}

/** Names in one list item: `巫山县庙宇镇新城村2、3社` → 庙宇镇, 新城村. */
function namesIn(item: string): string[] {
  const trimmed = item.replace(/^[在以对到从由及和与]/, '').replace(/(等.*)$/, '');
  if (DEPARTMENT.test(trimmed)) return [trimmed];
  return splitAtSuffixes(trimmed).filter((token) => classify(token) !== undefined);
}

/**
 * Cuts a run of names where each ends: after a place suffix or a county (县), unless 乡, 镇 or
 * 村 follows (乡镇, 城镇村 are one word). One pass; a regular expression here rescans the text.
 */
function splitAtSuffixes(text: string): string[] {
  const tokens: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1] ?? '';
    let end = -1;
    if ((c === '街' && next === '道') || (c === '社' && next === '区')) end = i + 2;
    else if ('乡镇村县'.includes(c) && (next === '' || !'乡镇村'.includes(next))) end = i + 1;
    if (end < 0 || i === start) continue;
    tokens.push(text.slice(start, end));
    start = end;
    i = end - 1;
  }
  return tokens;
}

/** The items of every list of a text: the pieces between 、 of each clause that has one. */
function listItems(text: string): string[] {
  const items: string[] = [];
  for (const clause of text.split(/[，。；：！？（）()“”《》,;\s]/)) {
    if (!clause.includes('、')) continue;
    for (const piece of clause.split('、')) items.push(...piece.split(/[及和与]/));
  }
  return items;
}

export class Gazetteer {
  readonly names = new Map<string, GazetteerName>();

  /**
   * Counts one more use of `token` when it is a known name. Only a name's first use is kept
   * (`add`): a large plan names one township in thousands of places.
   */
  counted(token: string): boolean {
    const entry = this.names.get(token);
    if (entry) entry.uses += 1;
    return entry !== undefined;
  }

  /** Adds `token` used at `at` when it is a name. */
  add(token: string, at: SourceRef): void {
    if (this.counted(token)) return;
    const shape = classify(token);
    if (shape) this.names.set(token, { name: token, ...shape, at, uses: 1, count: 0 });
  }
}

const cache = new WeakMap<PlanModel, Gazetteer>();

const splitField = (text: string): string[] => text.split(/[、，,]/);

/** Past this many texts a cache of names is emptied: a bound on memory, never on what is found. */
const MAX_CACHED_TEXTS = 100_000;
const fieldCache = new Map<string, readonly string[]>();
const textCache = new Map<string, readonly string[]>();

/**
 * The names a text holds, found once per text: the same words recur across a plan's projects
 * and lines, and `plan lsp` audits the same plan again after every edit.
 */
function namesOf(cache: Map<string, readonly string[]>, text: string, pieces: (text: string) => string[]): readonly string[] {
  let names = cache.get(text);
  if (names === undefined) {
    names = pieces(text).flatMap((piece) => namesIn(piece));
    if (cache.size >= MAX_CACHED_TEXTS) cache.clear();
    cache.set(text, names);
  }
  return names;
}

/** The plan's gazetteer, built once per plan. */
export function gazetteerOf(plan: PlanModel): Gazetteer {
  let gazetteer = cache.get(plan);
  if (gazetteer) return gazetteer;
  gazetteer = new Gazetteer();
  const g = gazetteer;
  // The place of a use (the field of `at`, else `at` itself) is made only for a name not seen
  // yet: most uses are of a name known already.
  const use = (names: readonly string[], value: string, at: SourceRef, field?: string, index?: number): void => {
    for (const name of names) {
      if (g.counted(name)) continue;
      const pointer = field === undefined ? at.pointer : index === undefined ? child(at.pointer, field) : child(at.pointer, field, index);
      g.add(name, { ...at, pointer, quote: value });
    }
  };
  const fromField = (value: string | undefined, at: SourceRef, field: string, index?: number): void => {
    if (value !== undefined) use(namesOf(fieldCache, value, splitField), value, at, field, index);
  };
  const fromText = (value: string | undefined, at: SourceRef, field?: string): void => {
    if (value !== undefined) use(namesOf(textCache, value, listItems), value, at, field);
  };
  // A draft that left its appendix unread holds misread rows (改扩镇, a nature's head run into a place): their names are none.
  const appendixUnread = plan.unread.some((entry) => entry.part === 'appendix');
  for (const section of appendixUnread ? [] : plan.appendixSections) {
    for (const project of section.projects) {
      fromField(project.location, project.at, 'location');
      for (const [index, department] of project.departments.entries()) fromField(department, project.at, 'departments', index);
      fromText(project.content, project.at, 'content');
    }
  }
  for (const count of plan.counts) for (const [index, item] of count.items.entries()) fromField(item, count.at, 'items', index);
  for (const box of plan.boxes) for (const item of box.items) fromText(item.text, item.at, 'text');
  for (const statement of plan.facts) if (statement.ownQuote) fromText(statement.quote, statement.at);
  const dataCounts = new Map([...g.names].map(([name, entry]) => [name, entry.uses]));
  if (plan.sourceText !== undefined) {
    const lines = plan.sourceText.split('\n');
    lines.forEach((line, index) => {
      for (const name of namesOf(textCache, line, listItems)) {
        // The text adds the names the data does not hold; how often each is printed is counted below.
        if (g.names.has(name)) continue;
        const clause = line.split(/[。；]/).find((part) => part.includes(name)) ?? line;
        g.add(name, { file: plan.sourceFile ?? 'source.txt', pointer: '', ref: `${plan.sourceFile ?? 'source.txt'}:${index + 1}`, quote: clause.trim(), line: index + 1 });
      }
    });
  }
  // A name that ends with another known name after a stray leading word (以巫峡镇) is that name.
  for (const [name, entry] of [...g.names]) {
    const shorter = name.length > 3 && g.names.has(name.slice(1)) ? name.slice(1) : undefined;
    if (shorter) {
      g.names.get(shorter)!.uses += entry.uses;
      g.names.delete(name);
    }
  }
  const printed = plan.sourceText !== undefined ? occurrences(plan.sourceText, g.names.keys()) : undefined;
  for (const entry of g.names.values()) {
    entry.count = printed !== undefined ? (printed.get(entry.name) ?? 0) : (dataCounts.get(entry.name) ?? entry.uses);
  }
  cache.set(plan, g);
  return g;
}

/**
 * How often each name is printed in the text, its occurrences not overlapping one another: one
 * pass over the text, trying at each character only the names that begin with it.
 */
function occurrences(text: string, names: Iterable<string>): Map<string, number> {
  const byFirst = new Map<number, string[]>();
  const firsts = new Uint8Array(0x10000);
  for (const name of names) {
    if (name.length === 0) continue;
    const code = name.charCodeAt(0);
    firsts[code] = 1;
    byFirst.get(code)?.push(name) ?? byFirst.set(code, [name]);
  }
  const counts = new Map<string, number>();
  const free = new Map<string, number>();
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (firsts[code] === 0) continue;
    for (const name of byFirst.get(code)!) {
      if (at < (free.get(name) ?? 0) || !text.startsWith(name, at)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      free.set(name, at + name.length);
    }
  }
  return counts;
}
