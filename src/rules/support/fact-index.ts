import type { FigureStatement, PlanModel } from '../../model.js';

const byFactCache = new WeakMap<PlanModel, Map<string, FigureStatement[]>>();
const byIdentityCache = new WeakMap<PlanModel, Map<string, FigureStatement[]>>();

function group(statements: readonly FigureStatement[], key: (s: FigureStatement) => string): Map<string, FigureStatement[]> {
  const groups = new Map<string, FigureStatement[]>();
  for (const statement of statements) {
    const list = groups.get(key(statement));
    if (list) list.push(statement);
    else groups.set(key(statement), [statement]);
  }
  return groups;
}

/** Every statement of the plan by fact key, whatever its period; built once per plan. */
export function statementsByFact(plan: PlanModel): Map<string, FigureStatement[]> {
  let groups = byFactCache.get(plan);
  if (!groups) {
    groups = group(plan.facts, (s) => s.fact);
    byFactCache.set(plan, groups);
  }
  return groups;
}

/** Every statement by identity (fact and period): the statements that must agree. */
export function statementsByIdentity(plan: PlanModel): Map<string, FigureStatement[]> {
  let groups = byIdentityCache.get(plan);
  if (!groups) {
    groups = group(plan.facts, (s) => s.identity);
    byIdentityCache.set(plan, groups);
  }
  return groups;
}

/** The statement of `fact` that a declared sum or count means: its own container's first, else the plan's first. */
export function resolveFact(plan: PlanModel, fact: string, local: readonly FigureStatement[]): FigureStatement | undefined {
  return local.find((s) => s.fact === fact) ?? statementsByFact(plan).get(fact)?.[0];
}

/** How a statement is named in a message: its document reference, else file#pointer. */
export function refOf(statement: FigureStatement): string {
  return statement.at.ref ?? `${statement.at.file}#${statement.at.pointer}`;
}
