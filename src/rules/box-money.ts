import { add, mul, toDecimalString, ZERO } from '../decimal.js';
import { describeInterval, intervalOf, intervalsMeet, printedFigure, scaleInterval } from '../figures.js';
import type { ProjectLink } from '../model.js';
import { isMoneyUnit, unitMeaning } from '../units.js';
import { defineRule } from './rule.js';
import { linkName, projectsOf } from './support/works.js';

export const boxMoney = defineRule({
  id: 'box-money',
  stage: 'audit',
  severity: 'error',
  reads: ['appendix', 'boxes'],
  description: {
    zh: '专栏重点工程所列投资等于其所指附表项目的投资估算之和：亿元、万元换算后精确比较（“约”按容差放宽）。',
    en: "A box item's stated money equals the investments of the appendix projects it links, exactly after 亿元/万元 conversion (约 widened by its tolerance).",
  },
  messages: {
    'money-differs': {
      zh: '{ref} 列投资 {printed}（{interval}{unit}），而其所指附表项目（{serials}）投资估算合计 {investment}{unit}',
      en: '{ref} states {printed} ({interval} {unit}), but the investment of what it links in the appendix ({serials}) is {investment} {unit}',
    },
  },
  check({ plan, report }) {
    const moneyFactor = unitMeaning(plan.moneyUnit).factor;
    for (const box of plan.boxes) {
      for (const item of box.items) {
        const money = item.facts.filter((f) => f.value !== undefined && isMoneyUnit(f.unit));
        // Several amounts in one item (a total and its funding parts) do not say which is the projects'.
        if (money.length !== 1) continue;
        const linked = uniqueLinks(item.works.flatMap((work) => work.projects));
        if (linked.length === 0) continue;
        const projects = linked.map((link) => projectsOf(plan, link));
        // An unknown or twice-printed serial is box-project-link's finding; a project without an amount cannot be summed.
        if (projects.some((list) => list?.length !== 1 || !list[0]!.investmentFigure)) continue;
        const figures = projects.map((list) => list![0]!.investmentFigure!);
        const stated = money[0]!;
        const statedInterval = intervalOf(stated, plan.approximateTolerance, 'exact')!;
        let investment = ZERO;
        for (const figure of figures) investment = add(investment, mul(figure.value!, moneyFactor));
        if (intervalsMeet(statedInterval, { low: investment, high: investment, lowOpen: false, highOpen: false })) continue;
        const inMoneyUnit = mul(investment, { num: moneyFactor.den, den: moneyFactor.num });
        report({
          messageId: 'money-differs',
          at: stated.at,
          related: figures.map((figure) => figure.at),
          data: {
            ref: item.at.ref ?? '',
            printed: printedFigure(stated),
            interval: describeInterval(scaleInterval(statedInterval, moneyFactor)),
            serials: linked.map((link) => linkName(plan, link)).join('、'),
            investment: toDecimalString(inMoneyUnit),
            unit: plan.moneyUnit,
          },
          values: [mul(stated.value!, mul(unitMeaning(stated.unit).factor, { num: moneyFactor.den, den: moneyFactor.num })), inMoneyUnit],
          unit: plan.moneyUnit,
        });
      }
    }
  },
});

/** The links once each, in order: two works may name one project. */
function uniqueLinks(links: readonly ProjectLink[]): ProjectLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = `${link.table ?? ''}-${link.serial}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
