/**
 * Stage 4 of the drafter: links and keys. Each box item's works linked to the appendix projects
 * they name (by likeness of the names, by figures printed alike, or by a figure that is the sum
 * of several projects' figures), and the item's figures given the keys of the project's figures
 * that measure the same thing.
 */
import { compare, parseDecimal, sum, type Rational } from '../../decimal.js';
import { serialName } from '../../model.js';
import { unitMeaning } from '../../units.js';
import { findFigures } from '../figures.js';
import { likeness, looseLikeness } from '../similarity.js';
import type { Box, BoxItem, Context, Fact, Project, Work } from '../types.js';
import { factsOf, sumsOf, countsOf } from './facts.js';
import type { BoxPart } from './structure.js';
/** Words a work's name opens with that say what is done to it, not what it is. */
const LEADING_VERBS = /^(全面|持续|加快|大力|积极|着力|深入|稳步|继续|统筹)?(推进|实施|建设|建成|打造|开展|推动|启动|完成|新建|改造|支持|加强|落实)/u;

const GENERIC_NAME = /(建设项目|项目|工程|建设)/gu;

/** A project or work name without the place and generic words, for comparison. */
function core(name: string, places: readonly string[]): string {
  let text = name.replace(/\s+/g, '');
  for (const place of places) if (text.startsWith(place)) text = text.slice(place.length);
  text = text.replace(LEADING_VERBS, '');
  for (const place of places) if (text.startsWith(place)) text = text.slice(place.length);
  return text.replace(GENERIC_NAME, '');
}

/** The town or township a work's name opens with, once the county is taken off (柏山街道, 石塘镇, 金峰乡). */
const TOWN = /^\p{Script=Han}{1,5}?(?:街道|镇|乡)/u;

function nameLikeness(a: string, b: string, places: readonly string[]): number {
  const left = core(a, places);
  const right = core(b, places);
  if (left.length === 0 || right.length === 0) return 0;
  // Works in two towns are two works, however alike the rest of their names (柏山街道儿童福利院 and 石塘街道儿童福利院).
  const towns = [TOWN.exec(left)?.[0], TOWN.exec(right)?.[0]];
  if (towns[0] !== undefined && towns[1] !== undefined && towns[0] !== towns[1]) return 0;
  if (left === right) return 1;
  if (Math.min([...left].length, [...right].length) >= 3 && (left.includes(right) || right.includes(left))) return 0.9;
  return likeness(left, right);
}

/** An appendix project, the table it is printed in, and its section's numeral when that table numbers its projects section by section. */
interface Listed {
  readonly project: Project;
  readonly table: number;
  readonly section?: string;
}

/** Every project of every appendix table, in printed order. */
function listedProjects(context: Context): Listed[] {
  return context.draft.tables.flatMap((table) =>
    table.sections.flatMap((section) => section.projects.map((project) => ({ project, table: table.number, ...(table.numbering === 'section' ? { section: section.numeral } : {}) }))),
  );
}

/** How a check note names a project: 附表 序号3, 附表2 序号3 when the plan prints several tables, 附表 二、序号3 in a table numbered by section. */
function projectName(context: Context, listed: Listed): string {
  return `附表${context.draft.tables.length > 1 ? listed.table : ''} ${serialName(listed.section, listed.project.serial)}`;
}

/** A work linked to one project; the table is named when the plan prints several, the section when its table numbers by section. */
function linkedWork(context: Context, name: string, listed: Listed, check: string): Work {
  return { name, projects: [listed.project.serial], ...(context.draft.tables.length > 1 ? { table: listed.table } : {}), ...(listed.section === undefined ? {} : { section: listed.section }), check };
}

/** Works of a box item: the names it lists, each linked to the appendix project most like it. */
function worksOf(context: Context, title: string, text: string, facts: readonly Fact[]): Work[] {
  const projects = listedProjects(context);
  const best = (name: string): { listed: Listed; score: number } | undefined => {
    let found: { listed: Listed; score: number } | undefined;
    for (const listed of projects) {
      const score = nameLikeness(name, listed.project.name, context.places);
      if (!found || score > found.score) found = { listed, score };
    }
    return found;
  };
  const THRESHOLD = 0.6;
  const works: Work[] = [];
  const linked = new Set<Project>();
  for (const sentence of text.split('。')) {
    const pieces = sentence.split(/[，,；;]/u).map((piece) => piece.trim().replace(LEADING_VERBS, '')).filter((piece) => piece.length >= 3 && (piece.length <= 40 || piece.includes('、')) && findFigures(piece).length === 0);
    const found: Work[] = [];
    for (const piece of pieces) {
      const whole = best(piece);
      const parts = piece.split(/、|和|及/u).map((part) => part.trim().replace(LEADING_VERBS, '')).filter((part) => part.length >= 2);
      const partMatches = parts.length > 1 ? parts.map((part) => ({ part, match: best(part) })) : [];
      const partHits = partMatches.filter(({ match }) => match && match.score >= THRESHOLD).map(({ match }) => match!.listed.project);
      if (partMatches.length > 1 && partHits.length >= Math.max(2, Math.ceil(parts.length / 2)) && new Set(partHits).size === partHits.length) {
        for (const { part, match } of partMatches) {
          const ok = match !== undefined && match.score >= THRESHOLD && !linked.has(match.listed.project);
          if (ok) linked.add(match.listed.project);
          found.push(ok ? linkedWork(context, part, match.listed, `linked to ${projectName(context, match.listed)} by name likeness ${match.score.toFixed(2)}`) : { name: part, projects: [] });
        }
      } else if (whole && whole.score >= THRESHOLD && !linked.has(whole.listed.project) && piece.length <= 40) {
        linked.add(whole.listed.project);
        found.push(linkedWork(context, piece, whole.listed, `linked to ${projectName(context, whole.listed)} by name likeness ${whole.score.toFixed(2)}`));
      } else found.push({ name: piece, projects: [] });
    }
    const hits = found.filter((work) => work.projects.length > 0).length;
    // A sentence that is a list of names gives all its works; otherwise only the names that matched.
    if (hits > 0 && hits * 2 > found.length) works.push(...found);
    else works.push(...found.filter((work) => work.projects.length > 0));
  }
  if (works.length > 0) return works;
  const named = best(title);
  if (named && named.score >= THRESHOLD) return [linkedWork(context, title, named.listed, `linked to ${projectName(context, named.listed)} by name likeness ${named.score.toFixed(2)}`)];
  // Two or more figures printed alike in the item and a project: the same work.
  let sameFigures: { listed: Listed; shared: number } | undefined;
  for (const listed of projects) {
    const shared = facts.filter((fact) => listed.project.facts.some((other) => other.value === fact.value && other.unit === fact.unit)).length;
    if (shared >= 2 && (!sameFigures || shared > sameFigures.shared)) sameFigures = { listed, shared };
  }
  if (sameFigures) return [linkedWork(context, title, sameFigures.listed, `linked to ${projectName(context, sameFigures.listed)}: ${sameFigures.shared} figures printed alike`)];
  return [{ name: title, projects: [] }];
}

/**
 * Gives a box item's figures the keys of the linked project's figures that measure the same
 * thing: by order when both print as many figures of that dimension, else by likeness of the
 * clause.
 */
function shareKeys(facts: Fact[], others: readonly Fact[], where: string): void {
  const byDimension = (list: readonly Fact[]): Map<string, Fact[]> => {
    const map = new Map<string, Fact[]>();
    for (const fact of list) {
      const dimension = unitMeaning(fact.unit).dimension;
      map.get(dimension)?.push(fact) ?? map.set(dimension, [fact]);
    }
    return map;
  };
  const mine = byDimension(facts);
  const theirs = byDimension(others);
  for (const [dimension, list] of mine) {
    const candidates = theirs.get(dimension) ?? [];
    if (candidates.length === 0) continue;
    if (candidates.length === list.length) {
      list.forEach((fact, index) => {
        const other = candidates[index]!;
        fact.fact = other.fact;
        fact.check = `same key as ${where} “${other.clause}” (same order among the ${dimension} figures)`;
      });
      continue;
    }
    const taken = new Set<Fact>();
    for (const fact of list) {
      let chosen: { other: Fact; score: number } | undefined;
      for (const other of candidates) {
        if (taken.has(other)) continue;
        const score = likeness(fact.clause, other.clause);
        if (score >= 0.5 && (!chosen || score > chosen.score)) chosen = { other, score };
      }
      if (chosen) {
        taken.add(chosen.other);
        fact.fact = chosen.other.fact;
        fact.check = `same key as ${where} “${chosen.other.clause}” (likeness ${chosen.score.toFixed(2)})`;
      }
    }
  }
}

/**
 * A box figure that is the exact sum of one like figure in each of several projects of one
 * appendix section (新增托位1375个 = 625 + 250 + 300 + 200): the item stands for those projects.
 */
function sumAcrossProjects(context: Context, facts: readonly Fact[]): { serials: number[]; table?: number; section?: string; total: string; parts: string[]; check: string } | undefined {
  const several = context.draft.tables.length > 1;
  for (const fact of facts) {
    const total = fact.value === undefined ? undefined : parseDecimal(fact.value);
    if (total === undefined) continue;
    for (const table of context.draft.tables) {
      for (const section of table.sections) {
        const parts: { serial: number; fact: Fact }[] = [];
        for (const project of section.projects) {
          const like = project.facts.filter((other) => other.unit === fact.unit && looseLikeness(other.subject, fact.subject) >= 0.4);
          if (like.length === 1) parts.push({ serial: project.serial, fact: like[0]! });
        }
        if (parts.length < 2) continue;
        const values = parts.map((part) => parseDecimal(part.fact.value ?? ''));
        if (values.some((value) => value === undefined)) continue;
        if (compare(sum(values as Rational[]), total) !== 0) continue;
        const serials = parts.map((part) => part.serial);
        const numeral = table.numbering === 'section' ? section.numeral : undefined;
        return {
          serials,
          ...(several ? { table: table.number } : {}),
          ...(numeral === undefined ? {} : { section: numeral }),
          total: fact.fact,
          parts: parts.map((part) => part.fact.fact),
          check: `linked to 附表${several ? table.number : ''} ${serialName(numeral, serials.join('、'))}: their ${fact.unit} figures add up to ${fact.value}${fact.unit}`,
        };
      }
    }
  }
  return undefined;
}

export function readBox(context: Context, block: BoxPart): Box {
  const chapter = block.chapter >= 0 ? context.draft.outline.chapters[block.chapter]!.numeral : undefined;
  const projects = listedProjects(context);
  const items: BoxItem[] = (block.items ?? []).map((item) => {
    const stop = item.body.indexOf('。');
    const title = (stop < 0 ? item.body : item.body.slice(0, stop)).trim();
    const text = stop < 0 ? undefined : item.body.slice(stop + 1).trim() || undefined;
    const facts = text ? factsOf(text, `box-${block.number}.item-${item.number}`, false) : [];
    let works = worksOf(context, title, text ?? '', facts);
    const linked = [
      ...new Set(
        works.flatMap((work) =>
          work.projects.map((serial) => projects.find((listed) => listed.project.serial === serial && (work.table === undefined || listed.table === work.table) && listed.section === work.section)),
        ),
      ),
    ];
    if (linked.length === 1 && linked[0]) shareKeys(facts, linked[0].project.facts, projectName(context, linked[0]));
    const sums = text ? sumsOf(text, facts) : [];
    if (linked.length === 0) {
      const whole = sumAcrossProjects(context, facts);
      if (whole) {
        works = [{ name: title, projects: whole.serials, ...(whole.table === undefined ? {} : { table: whole.table }), ...(whole.section === undefined ? {} : { section: whole.section }), check: whole.check }];
        sums.push({ total: whole.total, parts: whole.parts, check: whole.check });
      }
    }
    return { number: item.number, title, ...(text ? { text } : {}), works, facts, sums, counts: text ? countsOf(text, facts) : [], place: item.place };
  });
  return { number: block.number, title: block.title, ...(chapter ? { chapter } : {}), items, place: block.place };
}
