import type { Finding } from '../model.js';

/** SARIF's baselineState names: new since the base, or there before too. */
export type BaselineState = 'new' | 'unchanged';

/** Two finding lists compared by fingerprint: what a change brought, fixed and left. */
export interface FindingComparison {
  /** The base the findings are compared with, as the user named it (`main`, `old/`). */
  readonly base: string;
  /** By finding of the new list (the same object): new or unchanged. */
  readonly state: ReadonlyMap<Finding, BaselineState>;
  /** Findings of the base that the new list no longer has. */
  readonly fixed: readonly Finding[];
  readonly counts: { readonly new: number; readonly fixed: number; readonly unchanged: number };
}

/**
 * Matches findings by rule and fingerprint, as many times as each occurs on both sides: lines
 * that move or an unrelated file that changes leave every finding unchanged.
 */
export function compareFindings(base: string, before: readonly Finding[], after: readonly Finding[]): FindingComparison {
  const waiting = new Map<string, Finding[]>();
  const key = (finding: Finding): string => `${finding.ruleId}\u0000${finding.fingerprint}`;
  for (const finding of before) {
    const list = waiting.get(key(finding));
    if (list) list.push(finding);
    else waiting.set(key(finding), [finding]);
  }
  const state = new Map<Finding, BaselineState>();
  let unchanged = 0;
  for (const finding of after) {
    const match = waiting.get(key(finding))?.shift();
    state.set(finding, match ? 'unchanged' : 'new');
    if (match) unchanged += 1;
  }
  const fixed = [...waiting.values()].flat();
  return { base, state, fixed, counts: { new: after.length - unchanged, fixed: fixed.length, unchanged } };
}
