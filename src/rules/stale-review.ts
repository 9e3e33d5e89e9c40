import { defineRule } from './rule.js';

/** Reported by the engine, which alone knows which reviews matched a finding. */
export const staleReview = defineRule({
  id: 'stale-review',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: 'reviews.yaml 中的复核（或 plan.yaml 中旧的 accepted 条目）应与某条发现匹配，其引文应在原文中；否则应删除（plan review --prune）。',
    en: 'A review in reviews.yaml (or an old accepted entry of plan.yaml) matches a finding and its quote is in the source text; otherwise remove it (plan review --prune).',
  },
  messages: {
    stale: {
      zh: '对规则 {rule} 的复核（{target}）不再与任何发现匹配',
      en: 'the review of rule {rule} ({target}) no longer matches any finding',
    },
    'quote-not-found': {
      zh: '对规则 {rule} 的复核所引 “{quote}” 不在原文中',
      en: "the review of rule {rule} quotes '{quote}', which is not in the source text",
    },
  },
});
