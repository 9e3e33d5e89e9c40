import { keyingFindings } from './support/keying.js';
import { defineRule } from './rule.js';

export const keyedTwice = defineRule({
  id: 'keyed-twice',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: '相关联的两处以不同事实键记同一数量（主语词相同，换算单位后在印刷精度内相等）：应共用一个键，二者才会被比较。',
    en: 'Two linked places key one quantity (same subject words, equal after unit conversion within printed precision) under two keys: one key makes them compared.',
  },
  messages: {
    'two-keys-equal': {
      zh: '{ref} 的 {printed}（{fact}）与 {otherRef} 的 {otherPrinted}（{otherFact}）是同一数量“{subject}”，却用了两个键；请都用 {use}',
      en: "{printed} at {ref} ({fact}) and {otherPrinted} at {otherRef} ({otherFact}) are one quantity, '{subject}', under two keys; key both as {use}",
    },
  },
  check({ plan, report }) {
    for (const problem of keyingFindings(plan, true)) report({ messageId: 'two-keys-equal', ...problem });
  },
});
