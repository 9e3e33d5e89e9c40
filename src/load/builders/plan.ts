import { rational } from '../../decimal.js';
import { child } from '../../pointer.js';
import type { Builder } from './draft.js';
import { fileNameOf } from '../file-kinds.js';
import type { DocumentPart, UnreadRow } from '../../model.js';

interface RawPlan {
  id: string;
  title: string;
  issuer?: string;
  documentNumber?: string;
  date?: string;
  period: { start: number; end: number };
  moneyUnit: string;
  source?: string;
  approximateTolerance?: number;
  coverage?: number;
  accepted?: { rule: string; file: string; pointer: string; reason: string }[];
  draft?: { unread: { part: DocumentPart; where: string; what: string; row?: UnreadRow }[] };
}

const DEFAULT_APPROXIMATE_TOLERANCE = rational(5n, 100n);

/** plan.yaml: the plan's identity, period, money unit, source and acceptances. */
export const buildPlan: Builder = (data, draft) => {
  const raw = data as RawPlan;
  const tolerance = raw.approximateTolerance === undefined ? undefined : draft.numberAt('plan', '/approximateTolerance', raw.approximateTolerance);
  const coverage = raw.coverage === undefined ? undefined : draft.numberAt('plan', '/coverage', raw.coverage);
  return {
    id: raw.id,
    title: raw.title,
    period: raw.period,
    moneyUnit: raw.moneyUnit,
    approximateTolerance: tolerance?.value ?? DEFAULT_APPROXIMATE_TOLERANCE,
    unread: (raw.draft?.unread ?? []).map((entry, index) => ({ ...entry, at: draft.at('plan', child('/draft/unread', index, 'part'), fileNameOf('plan')) })),
    accepted: (raw.accepted ?? []).map((entry, index) => ({ ...entry, at: draft.at('plan', child('/accepted', index), fileNameOf('plan')) })),
    ...(raw.source === undefined ? {} : { sourceFile: raw.source }),
    ...(coverage ? { coverageThreshold: coverage.value } : {}),
    ...(raw.issuer === undefined ? {} : { issuer: raw.issuer }),
    ...(raw.documentNumber === undefined ? {} : { documentNumber: raw.documentNumber }),
    ...(raw.date === undefined ? {} : { date: String(raw.date) }),
  };
};
