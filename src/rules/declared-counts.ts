import { compare, rational } from '../decimal.js';
import { printedFigure } from '../figures.js';
import { refOf, resolveFact } from './support/fact-index.js';
import { defineRule } from './rule.js';

export const declaredCounts = defineRule({
  id: 'declared-counts',
  stage: 'audit',
  severity: 'error',
  reads: ['services'],
  description: {
    zh: '声明的个数（“12项”“共15个”“14个乡镇”）等于所列各项的数目；声明的总数（“86项”）等于各部分声明数之和。',
    en: 'Declared counts (“12项”, “共15个”, “14个乡镇”) equal the items listed; a declared total of counts (“86项”) equals the sum of the declared parts.',
  },
  messages: {
    'area-count-mismatch': {
      zh: '{area} 声明 {declared} 项，但列出 {listed} 项：{items}',
      en: '{area} declares {declared} items but lists {listed}: {items}',
    },
    'total-count-mismatch': {
      zh: '{ref} 声明共 {printed}，但各领域声明数之和为 {computed}（所列项目共 {listed} 项）',
      en: '{ref} states {printed} in all, but the areas declare {computed} (and list {listed})',
    },
    'count-mismatch': {
      zh: '{ref} 声明 {printed}，但列出 {listed} 项：{items}',
      en: '{ref} states {printed} but lists {listed}: {items}',
    },
    'open-count-exceeded': {
      zh: '{ref} 声明 {printed}（列举以“等”结尾），但已列出 {listed} 项，多于声明数',
      en: '{ref} states {printed} (the list ends in 等) but already lists {listed}, more than stated',
    },
    'unknown-fact': {
      zh: '声明的计数引用了不存在的事实 “{fact}”',
      en: "the declared count names a fact that is not stated anywhere: '{fact}'",
    },
  },
  check({ plan, report }) {
    let declaredSum = 0;
    let listedSum = 0;
    let allDeclared = plan.serviceAreas.length > 0;
    for (const area of plan.serviceAreas) {
      listedSum += area.items.length;
      if (area.declared === undefined) {
        allDeclared = false;
        continue;
      }
      declaredSum += area.declared;
      if (area.declared === area.items.length) continue;
      report({
        messageId: 'area-count-mismatch',
        at: area.at,
        data: { area: area.name, declared: area.declared, listed: area.items.length, items: area.items.join('、') },
        values: [rational(BigInt(area.declared)), rational(BigInt(area.items.length))],
      });
    }
    const total = plan.serviceTotal;
    if (total?.value && allDeclared && compare(total.value, rational(BigInt(declaredSum))) !== 0) {
      report({
        messageId: 'total-count-mismatch',
        at: total.at,
        related: plan.serviceAreas.map((area) => area.at),
        data: { ref: refOf(total), printed: printedFigure(total), computed: declaredSum, listed: listedSum },
        values: [total.value, rational(BigInt(declaredSum))],
        unit: total.unit,
      });
    }
    for (const count of plan.counts) {
      const statement = resolveFact(plan, count.fact, count.local);
      if (!statement) {
        report({ messageId: 'unknown-fact', at: count.at, data: { fact: count.fact } });
        continue;
      }
      if (!statement.value) continue;
      const listed = rational(BigInt(count.items.length));
      const order = compare(listed, statement.value);
      if (order === 0 || (count.open && order < 0)) continue;
      report({
        messageId: count.open ? 'open-count-exceeded' : 'count-mismatch',
        at: count.at,
        related: [statement.at],
        data: { ref: refOf(statement), printed: printedFigure(statement), listed: count.items.length, items: count.items.join('、') },
        values: [statement.value, listed],
        unit: statement.unit,
      });
    }
  },
});
