import { mul, sum, toDecimalString } from '../decimal.js';
import { baseValue, printedFigure } from '../figures.js';
import { isMoneyUnit, unitMeaning } from '../units.js';
import { defineRule } from './rule.js';
import { isUnlinked } from './support/works.js';

export const moneyOutsideTotal = defineRule({
  id: 'money-outside-total',
  stage: 'audit',
  severity: 'error',
  reads: ['appendix', 'boxes'],
  description: {
    zh: '专栏中列有投资、却没有对应附表项目的重点工程：其投资不在附表合计之中。',
    en: 'A key work in a box that carries an investment but has no appendix project: its money is missing from the grand total.',
  },
  messages: {
    'missing-from-total': {
      zh: '{ref} “{title}” 列有投资 {printed}（合 {amount}{unit}），但附表中没有对应项目，该投资未计入合计 {total}{unit}',
      en: "{ref} '{title}' carries {printed} ({amount} {unit}) but has no appendix project: this money is missing from the grand total of {total} {unit}",
    },
  },
  check({ plan, report }) {
    const moneyFactor = unitMeaning(plan.moneyUnit).factor;
    const inMoneyUnit = { num: moneyFactor.den, den: moneyFactor.num };
    // The grand total is the only table's 合计, or the 合计s of all tables together.
    const totals = plan.appendixTables.flatMap((table) => (table.total ? [table.total] : []));
    const total =
      totals.length === 0 || totals.length < plan.appendixTables.length ? '—' : totals.length === 1 ? totals[0]!.text : toDecimalString(sum(totals.map((amount) => amount.value)));
    for (const box of plan.boxes) {
      for (const item of box.items) {
        if (!isUnlinked(item)) continue;
        const money = item.facts.filter((f) => f.value !== undefined && isMoneyUnit(f.unit));
        if (money.length === 0) continue;
        const amount = mul(sum(money.map((f) => baseValue(f)!)), inMoneyUnit);
        report({
          messageId: 'missing-from-total',
          at: money[0]!.at,
          related: totals.map((total) => total.at),
          data: {
            ref: item.at.ref ?? '',
            title: item.title,
            printed: money.map(printedFigure).join(' + '),
            amount: toDecimalString(amount),
            unit: plan.moneyUnit,
            total,
          },
          values: [amount],
          unit: plan.moneyUnit,
        });
      }
    }
  },
});

