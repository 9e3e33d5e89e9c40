import { alike, type FigureStatement, type Message, type PlanModel } from '../../model.js';

/** What the plan calls the thing a statement gives a figure of, and how telling that name is (lower first). */
interface Owner {
  readonly name: string;
  readonly rank: number;
}

const ownersCache = new WeakMap<PlanModel, Map<FigureStatement, Owner>>();

/** Longest quote shown as a name; a sentence longer than that is cut with …. */
const QUOTE_NAME = 24;

/**
 * Each statement's owner as the plan names it: an indicator's name first (the row a reader looks
 * up), then a project's, then the statement's own quoted words, then the key work or box item
 * it is given in. Built once per plan.
 */
function owners(plan: PlanModel): Map<FigureStatement, Owner> {
  let map = ownersCache.get(plan);
  if (map) return map;
  map = new Map();
  const set = (statement: FigureStatement | undefined, name: string, rank: number): void => {
    if (statement && name && !map!.has(statement)) map!.set(statement, { name, rank });
  };
  for (const category of plan.indicatorCategories) {
    for (const indicator of category.indicators) {
      set(indicator.baseline, indicator.name, 0);
      set(indicator.target, indicator.name, 0);
    }
  }
  for (const section of plan.appendixSections) {
    for (const project of section.projects) {
      set(project.investmentFigure, project.name, 1);
      for (const statement of project.facts) set(statement, project.name, 1);
    }
  }
  // (A quote is cut to a name only for a statement not named above.)
  for (const statement of plan.facts) if (statement.ownQuote && statement.quote && !map.has(statement)) set(statement, quoted(statement.quote, statement.valueText), 2);
  for (const box of plan.boxes) {
    for (const item of box.items) for (const statement of item.facts) set(statement, item.works[0]?.name ?? item.title, 3);
  }
  ownersCache.set(plan, map);
  return map;
}

/** The clause of the quote that holds the figure (a quote may run over several), cut to a name's length. */
function quoted(quote: string, figure: string | undefined): string {
  const clauses = quote.split(/[，,；;。：:]/).map((clause) => clause.trim()).filter(Boolean);
  const words = (figure === undefined ? undefined : clauses.find((clause) => clause.includes(figure))) ?? quote.trim();
  return `“${words.length > QUOTE_NAME ? `${words.slice(0, QUOTE_NAME)}…` : words}”`;
}

/**
 * What the plan calls the fact these statements give, for the head of a message: the most
 * telling owner's name among them (an indicator's before a project's before a quote), else
 * the fact key. Worded alike in both languages, as a `Message`, so it stays out of the
 * finding's fingerprint: renaming a project in the data keeps its reviews.
 */
export function factName(plan: PlanModel, statements: readonly FigureStatement[]): Message {
  const table = owners(plan);
  let best: Owner | undefined;
  for (const statement of statements) {
    const owner = table.get(statement);
    if (owner && (!best || owner.rank < best.rank)) best = owner;
  }
  const name = best?.name ?? statements[0]?.fact ?? '';
  return alike(name);
}

/**
 * The statement among these whose owner `factName` would name (the most telling, the first on
 * a tie), alone in a list; empty when none has an owner. `factName(plan, [s, ...namedBy(plan, many)])`
 * names what `factName(plan, [s, ...many])` names, at the cost of one statement instead of many.
 */
export function namedBy(plan: PlanModel, statements: readonly FigureStatement[]): FigureStatement[] {
  const table = owners(plan);
  let best: { statement: FigureStatement; rank: number } | undefined;
  for (const statement of statements) {
    const owner = table.get(statement);
    if (owner && (!best || owner.rank < best.rank)) best = { statement, rank: owner.rank };
  }
  return best ? [best.statement] : [];
}
