import { defineRule } from './rule.js';

/** Reported by the engine, which holds the registry the reviews are checked against. */
export const unknownRule = defineRule({
  id: 'unknown-rule',
  stage: 'audit',
  severity: 'error',
  description: {
    zh: 'reviews.yaml 中的复核（及 plan.yaml 中旧的 accepted 条目）须指明已有的规则编号；未知编号无法匹配任何发现。',
    en: 'A review in reviews.yaml (or an old accepted entry of plan.yaml) names an existing rule id; an unknown id can match no finding.',
  },
  messages: {
    unknown: {
      zh: '复核指明的规则 “{rule}” 不存在；已有规则：{known}',
      en: "the review names rule '{rule}', which does not exist; known rules: {known}",
    },
  },
});
