import { sub, sum, toDecimalString, type Rational } from '../decimal.js';
import { serialName, type Amount, type Project, type SourceRef } from '../model.js';
import { defineRule } from './rule.js';
import { unreadRowsOf } from './support/unread-rows.js';

const show = (value: Rational): string => toDecimalString(value);
/** The sum of the investments the projects print. */
const investmentsOf = (projects: readonly Project[]): Rational => sum(projects.flatMap((project) => (project.investment ? [project.investment.value] : [])));

export const appendixSums = defineRule({
  id: 'appendix-sums',
  stage: 'audit',
  severity: 'error',
  reads: ['appendix'],
  readsRows: true,
  description: {
    zh: '附表各项目投资之和等于所在部分（或分部分）的小计，分部分小计之和等于部分小计，各部分小计之和等于合计；有多张附表时逐张核对。精确十进制运算。',
    en: 'Project investments add up to their section (or part) subtotal, part subtotals to their section subtotal, and section subtotals to the grand total, table by table where the plan prints several. Exact decimal arithmetic.',
  },
  messages: {
    'subtotal-mismatch': {
      zh: '{section} 小计为 {stated}{unit}，但其 {count} 个项目（序号 {serials}）投资之和为 {computed}{unit}，相差 {difference}{unit}',
      en: '{section}: subtotal {stated} {unit}, but its {count} projects (serials {serials}) add up to {computed} {unit}; difference {difference} {unit}',
    },
    'parts-mismatch': {
      zh: '{section} 小计为 {stated}{unit}，但其下各分部分（{parts}）之和为 {computed}{unit}，相差 {difference}{unit}',
      en: '{section}: subtotal {stated} {unit}, but its parts ({parts}) add up to {computed} {unit}; difference {difference} {unit}',
    },
    'total-mismatch': {
      zh: '{totalName}为 {stated}{unit}，但 {count} 个部分小计之和为 {computed}{unit}，相差 {difference}{unit}',
      en: '{totalName} {stated} {unit}, but the {count} section subtotals add up to {computed} {unit}; difference {difference} {unit}',
    },
  },
  check({ plan, report }) {
    const unit = plan.moneyUnit;
    // A row the draft misread (its amount may be another cell's): no sum that holds it is checked.
    const unread = unreadRowsOf(plan, 'investment');
    /** A subtotal against its projects' investments. */
    const checkGroup = (name: string, subtotal: Amount | undefined, projects: readonly Project[]): void => {
      if (!subtotal || projects.some(unread)) return;
      const investments = projects.flatMap((project) => (project.investment ? [project.investment] : []));
      const computed = sum(investments.map((amount) => amount.value));
      const difference = sub(subtotal.value, computed);
      if (difference.num === 0n) return;
      report({
        messageId: 'subtotal-mismatch',
        at: subtotal.at,
        related: investments.map((amount) => amount.at),
        data: {
          section: name,
          stated: subtotal.text,
          computed: show(computed),
          difference: show(difference),
          count: investments.length,
          serials: projects.map((project) => project.label).join(', '),
          unit,
        },
        values: [subtotal.value, computed],
        unit,
      });
    };
    for (const table of plan.appendixTables) {
      // A numbered table names itself (附表2 一、教育); the only, unnumbered one needs no name.
      const prefix = table.number === undefined ? '' : `${table.name} `;
      /** What each section adds to the total: its printed subtotal, else the sum of what it holds. */
      const subtotals: { value: Rational; at: SourceRef }[] = [];
      /** A section with no subtotal of its own adds what it holds, and a misread row in it leaves the total unchecked. */
      let totalUnread = false;
      for (const section of table.sections) {
        const name = `${prefix}${section.label}、${section.name}`;
        // A part is checked as a section is: its projects against its subtotal.
        for (const part of section.parts) checkGroup(`${name}（${part.label}）${part.name}`, part.subtotal, part.projects);
        if (section.parts.length === 0) {
          checkGroup(name, section.subtotal, section.projects);
          subtotals.push(section.subtotal ?? { value: investmentsOf(section.projects), at: section.at });
          if (!section.subtotal && section.projects.some(unread)) totalUnread = true;
          continue;
        }
        // A section divided into parts adds up its parts' printed subtotals (their projects where
        // a part prints none) and its own projects: a wrong part is reported once, at the part.
        const inParts = new Set(section.parts.flatMap((part) => part.projects));
        const own = section.projects.filter((project) => !inParts.has(project));
        const pieces = [
          ...own.flatMap((project) => (project.investment ? [{ label: serialName(project.section, project.label), amount: project.investment.value, at: project.investment.at }] : [])),
          ...section.parts.map((part) => ({ label: `（${part.label}）`, amount: part.subtotal?.value ?? investmentsOf(part.projects), at: part.subtotal?.at ?? part.at })),
        ];
        const computed = sum(pieces.map((piece) => piece.amount));
        subtotals.push(section.subtotal ?? { value: computed, at: section.at });
        const held = [...own, ...section.parts.filter((part) => !part.subtotal).flatMap((part) => part.projects)];
        if (held.some(unread)) {
          if (!section.subtotal) totalUnread = true;
          continue;
        }
        if (!section.subtotal) continue;
        const difference = sub(section.subtotal.value, computed);
        if (difference.num === 0n) continue;
        report({
          messageId: 'parts-mismatch',
          at: section.subtotal.at,
          related: pieces.map((piece) => piece.at),
          data: { section: name, stated: section.subtotal.text, computed: show(computed), difference: show(difference), parts: pieces.map((piece) => piece.label).join(', '), unit },
          values: [section.subtotal.value, computed],
          unit,
        });
      }
      const total = table.total;
      if (!total || totalUnread) continue;
      const computed = sum(subtotals.map((amount) => amount.value));
      const difference = sub(total.value, computed);
      if (difference.num === 0n) continue;
      report({
        messageId: 'total-mismatch',
        at: total.at,
        related: subtotals.map((amount) => amount.at),
        data: {
          totalName: table.number === undefined ? { zh: '合计', en: 'grand total' } : { zh: `${table.name} 合计`, en: `${table.name} 合计` },
          stated: total.text,
          computed: show(computed),
          difference: show(difference),
          count: subtotals.length,
          unit,
        },
        values: [total.value, computed],
        unit,
      });
    }
  },
});
