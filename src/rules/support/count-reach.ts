import { compare, mul } from '../../decimal.js';
import { addIntervals, type Interval } from '../../figures.js';
import { relationInterval } from '../../interval-arithmetic.js';
import type { CountReach, FigureStatement, PlanModel } from '../../model.js';
import { unitMeaning } from '../../units.js';
import { statementsByFact } from './fact-index.js';
import { statedValue } from './relations.js';

/** A count reach read from the plan: what it rests on and whether the additions reach the target. */
export interface CountReachReading {
  readonly reach: CountReach;
  /** What is not stated: `key（period）` or an addition's key. */
  readonly missing: readonly string[];
  readonly baseline?: FigureStatement;
  readonly target?: FigureStatement;
  readonly additions: readonly FigureStatement[];
  /** baseline + additions, in the target's base unit. */
  readonly reached?: Interval;
  readonly targetInterval?: Interval;
  /** short: even the most the additions give stays below the target; overshoot: the least is above `far` × the target. */
  readonly verdict?: 'reaches' | 'short' | 'overshoot';
  /** The counted thing's base unit (个, 所). */
  readonly unit: string;
}

/** Reads one count reach: `baseline@from + additions` against `target@to`, on the intervals the figures stand for. */
export function readCountReach(plan: PlanModel, reach: CountReach): CountReachReading {
  const tolerance = plan.approximateTolerance;
  const target = statedValue(plan, `${reach.target}@${reach.to}`);
  const baseline = statedValue(plan, `${reach.baseline}@${reach.from}`);
  const found = reach.additions.map((key) => statementsByFact(plan).get(key)?.find((s) => s.value !== undefined));
  const missing = [
    ...(baseline ? [] : [`${reach.baseline}（${reach.from}）`]),
    ...(target ? [] : [`${reach.target}（${reach.to}）`]),
    ...reach.additions.filter((_, i) => !found[i]),
  ];
  const additions = found.filter((s): s is FigureStatement => s !== undefined);
  const unit = unitMeaning((target ?? baseline ?? additions[0])?.unit ?? '').base;
  if (missing.length > 0 || !target || !baseline) return { reach, missing, additions, unit, ...(target ? { target } : {}), ...(baseline ? { baseline } : {}) };
  const targetInterval = relationInterval(target, tolerance)!;
  const reached = addIntervals([baseline, ...additions].map((s) => relationInterval(s, tolerance)!));
  let verdict: CountReachReading['verdict'] = 'reaches';
  const ceiling = targetInterval.high ?? targetInterval.low;
  if (reached.high !== undefined && targetInterval.low !== undefined && compare(reached.high, targetInterval.low) < 0) verdict = 'short';
  else if (reached.low !== undefined && ceiling !== undefined && compare(reached.low, mul(ceiling, reach.far)) > 0) verdict = 'overshoot';
  return { reach, missing, baseline, target, additions, reached, targetInterval, verdict, unit };
}

/** The count reaches that name a fact (as target, baseline or addition). */
export function countReachesOf(plan: PlanModel, fact: string): CountReach[] {
  return plan.reach.filter((r): r is CountReach => r.kind === 'count' && (r.target === fact || r.baseline === fact || r.additions.includes(fact)));
}
