import { appendixSums } from './appendix-sums.js';
import { boxMoney } from './box-money.js';
import { boxPlacement } from './box-placement.js';
import { boxProjectLink } from './box-project-link.js';
import { coverage } from './coverage.js';
import { datedStatements } from './dated-statements.js';
import { declaredCounts } from './declared-counts.js';
import { declaredSums } from './declared-sums.js';
import { factAgreement } from './fact-agreement.js';
import { factBounds } from './fact-bounds.js';
import { heldLevels } from './held-levels.js';
import { impliedQuantities } from './implied-quantities.js';
import { indicatorDirection } from './indicator-direction.js';
import { indicatorForms } from './indicator-forms.js';
import { inputRule } from './input.js';
import { keyedApart } from './keyed-apart.js';
import { keyedTwice } from './keyed-twice.js';
import { moneyOutsideTotal } from './money-outside-total.js';
import { nameVariants } from './name-variants.js';
import { numbering } from './numbering.js';
import { outsidePlanPeriod } from './outside-plan-period.js';
import { periodMixed } from './period-mixed.js';
import { periodUnmatched } from './period-unmatched.js';
import { policyWork } from './policy-work.js';
import { provenance } from './provenance.js';
import { reachability } from './reachability.js';
import { relationArithmetic } from './relation-arithmetic.js';
import { schemaRule } from './schema.js';
import { staleReview } from './stale-review.js';
import { unboxedProject } from './unboxed-project.js';
import { unknownFileRule } from './unknown-file.js';
import { unknownRule } from './unknown-rule.js';
import { unlinkedWork } from './unlinked-work.js';
import { unlistedFacility } from './unlisted-facility.js';
import { workProjectNames } from './work-project-names.js';
import { yamlRule } from './yaml-syntax.js';
import { yearOrder } from './year-order.js';
import type { Rule, Stage } from './rule.js';

/**
 * Every rule, once, sorted by id: the only list. `plan rules`, `--rule`, SARIF, the README's
 * rule table and reviews all read it; a rule's stage says when it runs.
 */
export const RULES: readonly Rule[] = [
  appendixSums,
  boxMoney,
  boxPlacement,
  boxProjectLink,
  coverage,
  datedStatements,
  declaredCounts,
  declaredSums,
  factAgreement,
  factBounds,
  heldLevels,
  impliedQuantities,
  indicatorDirection,
  indicatorForms,
  inputRule,
  keyedApart,
  keyedTwice,
  moneyOutsideTotal,
  nameVariants,
  numbering,
  outsidePlanPeriod,
  periodMixed,
  periodUnmatched,
  policyWork,
  provenance,
  reachability,
  relationArithmetic,
  schemaRule,
  staleReview,
  unboxedProject,
  unknownFileRule,
  unknownRule,
  unlinkedWork,
  unlistedFacility,
  workProjectNames,
  yamlRule,
  yearOrder,
] as Rule[];

/** The rules of one stage, in registry order. */
export function rulesOf(stage: Stage): readonly Rule[] {
  return RULES.filter((rule) => rule.stage === stage);
}

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
