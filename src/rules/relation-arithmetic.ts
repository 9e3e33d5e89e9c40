import { toDecimalString } from '../decimal.js';
import { baseValue, intervalsMeet } from '../figures.js';
import { describeRounded } from '../interval-arithmetic.js';
import { describeReference, describeStatement, implyFrom, sidesOf } from './support/relations.js';
import { defineRule } from './rule.js';

const FORMULAS = {
  ratio: { zh: '总量 = 比率 × 基数 ÷ {divisor}', en: 'amount = rate × base ÷ {divisor}' },
  share: { zh: '部分 = 占比% × 整体 ÷ 100', en: 'part = rate % × whole ÷ 100' },
  product: { zh: '总量 = 个数 × 每个', en: 'total = count × each' },
} as const;

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
      zh: '{fact}：{ref} 为 {printed}，而按 {formula} 由 {left} 与 {right} 得 {interval} {unit}，两者不符',
      en: '{fact}: {printed} at {ref}, but {formula} with {left} and {right} gives {interval} {unit}',
    },
    unstated: {
      zh: '关系中有 {count} 项在此时期没有陈述：{facts}；只能有一项是未陈述的隐含量（是否拼错？）',
      en: 'the relation names {count} facts stated nowhere for its period: {facts}; only one may be an unstated hidden quantity (misspelt?)',
    },
  },
  check({ plan, report }) {
    for (const relation of plan.relations) {
      const sides = sidesOf(plan, relation);
      const unstated = sides.filter((s) => !s.statement);
      if (unstated.length > 1) {
        const facts = unstated.map((side) => describeReference(side.reference)).join('、');
        report({ messageId: 'unstated', at: { ...relation.at, ref: 'relations.yaml' }, data: { count: unstated.length, facts } });
        continue;
      }
      if (unstated.length === 1) continue;
      const result = sides[0]!;
      const implied = implyFrom(relation, 'result', sides);
      if (!implied || intervalsMeet(implied.interval, result.interval!)) continue;
      const formula = FORMULAS[relation.kind];
      const divisor = toDecimalString(relation.divisor);
      report({
        messageId: 'mismatch',
        at: result.statement!.at,
        related: implied.from.map((s) => s.at),
        data: {
          fact: describeReference(result.reference),
          ref: result.statement!.at.ref ?? result.reference.fact,
          printed: describeStatement(result.statement!),
          formula: { zh: formula.zh.replace('{divisor}', divisor), en: formula.en.replace('{divisor}', divisor) },
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
