import { toDecimalString } from '../decimal.js';
import { baseValue, intervalsMeet } from '../figures.js';
import { describeMiddle, describeRounded, nonNegativePart } from '../interval-arithmetic.js';
import { alike, type Relation } from '../model.js';
import { child } from '../pointer.js';
import { describeReference, describeStatement, implyFrom, isUnimplied, repeatedFact, SIDES, sidesOf, type Side } from './support/relations.js';
import { factName } from './support/fact-names.js';
import { defineRule } from './rule.js';

const FORMULAS = {
  ratio: { zh: '总量 = 比率 × 基数 ÷ {divisor}', en: 'amount = rate × base ÷ {divisor}' },
  share: { zh: '部分 = 占比% × 整体 ÷ 100', en: 'part = rate % × whole ÷ 100' },
  product: { zh: '总量 = 个数 × 每个', en: 'total = count × each' },
} as const;

/** The key each side is written under in relations.yaml, by kind. */
const KEYS: Record<Relation['kind'], Record<Side, string>> = {
  ratio: { result: 'amount', left: 'rate', right: 'base' },
  share: { result: 'part', left: 'rate', right: 'whole' },
  product: { result: 'total', left: 'count', right: 'each' },
};

function formulaOf(relation: Relation): { zh: string; en: string } {
  const formula = FORMULAS[relation.kind];
  const divisor = toDecimalString(relation.divisor);
  return { zh: formula.zh.replace('{divisor}', divisor), en: formula.en.replace('{divisor}', divisor) };
}

export const relationArithmetic = defineRule({
  id: 'relation-arithmetic',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: 'relations.yaml 声明的关系（每千人、每万人、人均、占比、个数×规模）三者都有陈述时，按各自印刷精度（区间）相符；“每个不少于”按界限核对。',
    en: 'A relation of relations.yaml (per 1,000 or 10,000 people, per capita, share, count × size) whose three facts are all stated holds within their printed precision (intervals); “每个不少于” is checked as a bound.',
  },
  messages: {
    mismatch: {
      zh: '{name}：{ref} 为 {printed}，而由 {left} 与 {right} 得约 {about} {unit}，两者不符',
      en: '{name}: {printed} at {ref}, but {left} and {right} give about {about} {unit}',
    },
    repeated: {
      zh: '关系在 {keys} 两处写了同一个事实 {fact}：这样的关系对它什么也没说，未核对',
      en: 'the relation names {fact} twice ({keys}): such a relation says nothing about it and is not checked',
    },
    zero: {
      zh: '{fact}：按 {formula}，{zero} 为 0 而 {other} 不为 0，没有任何 {fact} 能使关系成立',
      en: '{fact}: by {formula}, {zero} is 0 while {other} is not, so no value of {fact} makes the relation hold',
    },
    negative: {
      zh: '{figure} 为负数，而 {formula} 中的量（比率、人口、个数、规模）不能为负：关系未核对',
      en: '{figure} is negative, but the quantities of {formula} (a rate, a population, a count, a size) cannot be: the relation is not checked',
    },
    unstated: {
      zh: '关系中有 {count} 项在此时期没有陈述：{facts}；只能有一项是未陈述的隐含量（是否拼错？）',
      en: 'the relation names {count} facts stated nowhere for its period: {facts}; only one may be an unstated hidden quantity (misspelt?)',
    },
  },
  details: {
    mismatch: { zh: '{fact}：按 {formula} 得 {interval} {unit}', en: '{fact}: {formula} gives {interval} {unit}' },
  },
  check({ plan, report }) {
    for (const relation of plan.relations) {
      const repeated = repeatedFact(relation);
      if (repeated) {
        const keys = SIDES.filter((side) => relation[side].identity === repeated.identity).map((side) => KEYS[relation.kind][side]);
        const at = { ...relation.at, pointer: child(relation.at.pointer, keys[1]!), ref: 'relations.yaml' };
        report({ messageId: 'repeated', at, data: { fact: describeReference(repeated), keys: keys.join('、') } });
        continue;
      }
      const sides = sidesOf(plan, relation);
      const unstated = sides.filter((s) => !s.statement);
      if (unstated.length > 1) {
        const facts = unstated.map((side) => describeReference(side.reference)).join('、');
        report({ messageId: 'unstated', at: { ...relation.at, ref: 'relations.yaml' }, data: { count: unstated.length, facts } });
        continue;
      }
      const side = unstated[0]?.side ?? 'result';
      const implied = implyFrom(relation, side, sides);
      if (isUnimplied(implied)) {
        const formula = formulaOf(relation);
        if (implied.reason === 'negative') {
          report({ messageId: 'negative', at: implied.statement.at, related: [relation.at], data: { figure: describeStatement(implied.statement), formula } });
        } else {
          report({
            messageId: 'zero',
            at: implied.statement.at,
            related: [implied.other!.at, relation.at],
            data: { fact: describeReference(relation[side]), formula, zero: describeStatement(implied.statement), other: describeStatement(implied.other!) },
          });
        }
        continue;
      }
      if (unstated.length === 1) continue;
      const result = sides[0]!;
      if (!implied || intervalsMeet(implied.interval, nonNegativePart(result.interval!)!)) continue;
      report({
        messageId: 'mismatch',
        at: result.statement!.at,
        related: implied.from.map((s) => s.at),
        data: {
          name: factName(plan, [result.statement!]),
          fact: describeReference(result.reference),
          about: alike(describeMiddle(implied.interval)),
          ref: result.statement!.at.ref ?? result.reference.fact,
          printed: describeStatement(result.statement!),
          formula: formulaOf(relation),
          left: describeStatement(implied.from[0]!),
          right: describeStatement(implied.from[1]!),
          interval: describeRounded(implied.interval),
          unit: implied.unit,
        },
        ...(implied.point ? { values: [baseValue(result.statement!)!, implied.point] } : {}),
        unit: implied.unit,
      });
    }
  },
});
