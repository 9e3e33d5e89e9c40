import { inputRule, schemaRule, unknownFileRule, yamlRule } from '../validate/reading-rules.js';
import { appendixSums } from './appendix-sums.js';
import { boxPlacement } from './box-placement.js';
import { declaredCounts } from './declared-counts.js';
import { declaredSums } from './declared-sums.js';
import { factAgreement } from './fact-agreement.js';
import { factBounds } from './fact-bounds.js';
import { indicatorDirection, indicatorForms } from './indicators.js';
import { numbering } from './numbering.js';
import { outsidePlanPeriod, yearOrder } from './period.js';
import { provenance } from './provenance.js';
import { boxProjectLink, moneyOutsideTotal, policyWork, unboxedProject, unlinkedWork } from './references.js';
import type { Rule } from './rule.js';
import { unusedAcceptance } from './unused-acceptance.js';

/** The checks made while reading: they stop the audit of a plan that fails them. */
const READING_RULES: readonly Rule[] = [inputRule, unknownFileRule, yamlRule, schemaRule];

/** Every audit rule, once, sorted by id. */
export const AUDIT_RULES: readonly Rule[] = [
  appendixSums,
  boxPlacement,
  boxProjectLink,
  declaredCounts,
  declaredSums,
  factAgreement,
  factBounds,
  indicatorDirection,
  indicatorForms,
  moneyOutsideTotal,
  numbering,
  outsidePlanPeriod,
  policyWork,
  provenance,
  unboxedProject,
  unlinkedWork,
  unusedAcceptance,
  yearOrder,
] as Rule[];

export const ALL_RULES: readonly Rule[] = [...READING_RULES, ...AUDIT_RULES];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.id === id);
}
