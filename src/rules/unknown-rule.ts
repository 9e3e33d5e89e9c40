import { defineRule } from './rule.js';

/** Reported by the engine, which holds the registry the acceptances are checked against. */
export const unknownRule = defineRule({
  id: 'unknown-rule',
  stage: 'audit',
  severity: 'error',
  description: {
    zh: 'plan.yaml 中已接受的发现须指明已有的规则编号；未知编号无法匹配任何发现。',
    en: 'An accepted finding in plan.yaml names an existing rule id; an unknown id can match no finding.',
  },
  messages: {
    unknown: {
      zh: '已接受的发现指明的规则 “{rule}” 不存在；已有规则：{known}',
      en: "the accepted finding names rule '{rule}', which does not exist; known rules: {known}",
    },
  },
});
