import { parseDecimal, rational, type Rational } from '../../decimal.js';
import type { FactReference, Reach, Relation } from '../../model.js';
import { child } from '../../pointer.js';
import type { Builder, ModelDraft } from './draft.js';

interface RawRatio { kind: 'ratio'; period?: string; rate: string; per: number; amount: string; base: string; baseUnit?: string }
interface RawShare { kind: 'share'; period?: string; rate: string; part: string; whole: string }
interface RawProduct { kind: 'product'; period?: string; total: string; count: string; each: string }
interface RawRateReach { kind?: 'rate'; target: string; per: number; amount: string; base: string; from: string; to: string; additions: string[]; far?: number }
interface RawShareReach { kind: 'share'; part: string; whole: string; from: string; to: string }
interface RawCountReach { kind: 'count'; target: string; baseline?: string; from: string; to: string; additions: string[]; far?: number }

/** relations.yaml as the schema admits it. */
interface RawRelations {
  relations?: (RawRatio | RawShare | RawProduct)[];
  reach?: (RawRateReach | RawShareReach | RawCountReach)[];
}

const DEFAULT_FAR = rational(2n);

function reference(fact: string, period: string | undefined): FactReference {
  return { fact, period, identity: period ? `${fact}@${period}` : fact };
}

/** An integer or plain decimal from the file; the schema has already checked it is a number. */
function exact(value: number): Rational {
  return parseDecimal(String(value)) ?? rational(BigInt(Math.round(value)));
}

/** relations.yaml: the relations between facts, each read as `result = left × right ÷ divisor`, and the reachability checks. */
export const buildRelations: Builder = (data, draft: ModelDraft) => {
  const raw = data as RawRelations;
  const relations = (raw.relations ?? []).map((entry, index): Relation => {
    const at = draft.at('relations', child('/relations', index));
    const ref = (fact: string): FactReference => reference(fact, entry.period);
    switch (entry.kind) {
      case 'ratio':
        return {
          kind: 'ratio',
          result: ref(entry.amount),
          left: ref(entry.rate),
          right: ref(entry.base),
          divisor: exact(entry.per),
          rightUnit: entry.baseUnit ?? '人',
          at,
        };
      case 'share':
        return { kind: 'share', result: ref(entry.part), left: ref(entry.rate), right: ref(entry.whole), divisor: rational(100n), at };
      default:
        return { kind: 'product', result: ref(entry.total), left: ref(entry.count), right: ref(entry.each), divisor: rational(1n), at };
    }
  });
  const reach = (raw.reach ?? []).map((entry, index): Reach => {
    const at = draft.at('relations', child('/reach', index));
    if (entry.kind === 'share') return { kind: 'share', part: entry.part, whole: entry.whole, from: entry.from, to: entry.to, at };
    const far = entry.far === undefined ? DEFAULT_FAR : exact(entry.far);
    if (entry.kind === 'count') {
      return { kind: 'count', target: entry.target, baseline: entry.baseline ?? entry.target, from: entry.from, to: entry.to, additions: entry.additions, far, at };
    }
    return {
      kind: 'rate',
      target: entry.target,
      per: exact(entry.per),
      amount: entry.amount,
      base: entry.base,
      from: entry.from,
      to: entry.to,
      additions: entry.additions,
      far,
      at,
    };
  });
  return { relations, reach };
};
