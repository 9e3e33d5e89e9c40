import { appendixSums } from './appendix-sums.js';
import { boxPlacement } from './box-placement.js';
import { boxProjectLink } from './box-project-link.js';
import { declaredCounts } from './declared-counts.js';
import { declaredSums } from './declared-sums.js';
import { factAgreement } from './fact-agreement.js';
import { datedStatements } from './dated-statements.js';
import { factBounds } from './fact-bounds.js';
import { heldLevels } from './held-levels.js';
import { impliedQuantities } from './implied-quantities.js';
import { indicatorDirection } from './indicator-direction.js';
import { indicatorForms } from './indicator-forms.js';
import { inputRule } from './input.js';
import { nameVariants } from './name-variants.js';
import { moneyOutsideTotal } from './money-outside-total.js';
import { numbering } from './numbering.js';
import { outsidePlanPeriod } from './outside-plan-period.js';
import { policyWork } from './policy-work.js';
import { provenance } from './provenance.js';
import { reachability } from './reachability.js';
import { relationArithmetic } from './relation-arithmetic.js';
import { schemaRule } from './schema.js';
import { unboxedProject } from './unboxed-project.js';
import { unknownFileRule } from './unknown-file.js';
import { unlinkedWork } from './unlinked-work.js';
import { unusedAcceptance } from './unused-acceptance.js';
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
  boxPlacement,
  boxProjectLink,
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
  moneyOutsideTotal,
  nameVariants,
  numbering,
  outsidePlanPeriod,
  policyWork,
  provenance,
  reachability,
  relationArithmetic,
  schemaRule,
  unboxedProject,
  unknownFileRule,
  unlinkedWork,
  unusedAcceptance,
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
