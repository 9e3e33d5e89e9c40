import { defineRule } from './rule.js';

/** Reported by the engine, which alone knows which acceptances matched a finding. */
export const unusedAcceptance = defineRule({
  id: 'unused-acceptance',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: 'plan.yaml 中已接受的发现若不再与任何发现匹配，应删除。',
    en: 'An accepted finding in plan.yaml that no longer matches any finding should be removed.',
  },
  messages: {
    unused: {
      zh: '已接受的发现（规则 {rule}，{file}#{pointer}）不再与任何发现匹配',
      en: 'the accepted finding (rule {rule}, {file}#{pointer}) no longer matches any finding',
    },
  },
});
