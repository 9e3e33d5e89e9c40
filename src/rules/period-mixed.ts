import { printedFigure } from '../figures.js';
import { refOf, statementsByFact } from './support/fact-index.js';
import { defineRule } from './rule.js';

export const periodMixed = defineRule({
  id: 'period-mixed',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: '同一事实键有的陈述写了时期、有的没写：只有同键同期的陈述才相互比较，没写时期的陈述不与写了时期的比较。',
    en: 'One fact key used both with and without a period: only statements of one key and one period are compared, so those without a period are never compared with those with one.',
  },
  messages: {
    'no-period': {
      zh: '{ref} 的 {printed}（{fact}）没有时期，而 {otherRef} 的同键陈述时期为 {periods}：二者不作比较；请写明时期（如 {suggested}）',
      en: '{printed} at {ref} ({fact}) has no period, but {otherRef} states the key for {periods}: they are not compared; give its period (e.g. {suggested})',
    },
  },
  check({ plan, report }) {
    for (const [fact, statements] of statementsByFact(plan)) {
      const dated = statements.filter((s) => s.period !== undefined);
      if (dated.length === 0 || dated.length === statements.length) continue;
      const periods = [...new Set(dated.map((s) => s.period!))];
      for (const statement of statements.filter((s) => s.period === undefined)) {
        report({
          messageId: 'no-period',
          at: statement.at,
          related: [dated[0]!.at],
          data: { fact, ref: refOf(statement), printed: printedFigure(statement), otherRef: refOf(dated[0]!), periods: periods.join(', '), suggested: periods.at(-1)! },
        });
      }
    }
  },
});
