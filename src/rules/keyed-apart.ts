import { keyingFindings } from './support/keying.js';
import { defineRule } from './rule.js';

export const keyedApart = defineRule({
  id: 'keyed-apart',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: '相关联的两处（专栏工程与其附表项目、复述同一事项的正文）以不同事实键记同一事物（同样的主语词、同类单位）而数值不同：矛盾因键不同而未被比较。',
    en: 'Two linked places (a box work and its appendix project, prose restating the same item) key the same thing (same subject words, one kind of unit) under two keys with different values: the contradiction hides behind the keys.',
  },
  messages: {
    'two-keys-differ': {
      zh: '{ref} 的 {printed}（{fact}）与 {otherRef} 的 {otherPrinted}（{otherFact}）像是同一事物“{subject}”，却用了两个键且数值不同；若为同一事物，请都用 {use}',
      en: "{printed} at {ref} ({fact}) and {otherPrinted} at {otherRef} ({otherFact}) look like one thing, '{subject}', under two keys with different values; if they are, key both as {use}",
    },
  },
  check({ plan, report }) {
    for (const problem of keyingFindings(plan, false)) report({ messageId: 'two-keys-differ', ...problem });
  },
});
