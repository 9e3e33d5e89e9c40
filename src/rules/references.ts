import { sum, mul, toDecimalString } from '../decimal.js';
import { baseValue, printedFigure } from '../figures.js';
import type { BoxItem, BoxWork, PlanModel, Project } from '../model.js';
import { isMoneyUnit, unitMeaning } from '../units.js';
import { defineRule } from './rule.js';

function projectsBySerial(plan: PlanModel): Map<number, Project> {
  const serials = new Map<number, Project>();
  for (const section of plan.appendixSections) {
    for (const project of section.projects) if (project.number !== undefined) serials.set(project.number, project);
  }
  return serials;
}

/** Every key work that names no appendix project, with the box item it stands in. */
function* worksWithoutProject(plan: PlanModel): Generator<{ item: BoxItem; work: BoxWork }> {
  for (const box of plan.boxes) {
    for (const item of box.items) {
      for (const work of item.works) if (work.projects.length === 0) yield { item, work };
    }
  }
}

const isUnlinked = (item: BoxItem): boolean => item.works.every((work) => work.projects.length === 0);

export const boxProjectLink = defineRule({
  id: 'box-project-link',
  severity: 'error',
  description: {
    zh: '专栏中重点工程所指的附表序号必须存在。',
    en: 'Every appendix serial a key work in a box points to exists.',
  },
  messages: {
    'unknown-serial': {
      zh: '{ref} 的 “{work}” 指向附表序号 {serial}，但附表没有该序号',
      en: "{ref}: '{work}' points to appendix serial {serial}, which the appendix does not have",
    },
  },
  check({ plan, report }) {
    if (plan.appendixSections.length === 0) return;
    const serials = projectsBySerial(plan);
    for (const box of plan.boxes) {
      for (const item of box.items) {
        for (const work of item.works) {
          for (const serial of work.projects) {
            if (!serials.has(serial)) {
              report({ messageId: 'unknown-serial', at: work.at, data: { ref: item.at.ref ?? '', work: work.name, serial } });
            }
          }
        }
      }
    }
  },
});

export const unlinkedWork = defineRule({
  id: 'unlinked-work',
  severity: 'warning',
  description: {
    zh: '专栏中带有规模数字的重点工程应对应附表项目；没有对应项目的，报告其不在附表中。',
    en: 'A key work in a box that states a scale (figures) corresponds to appendix projects; one without is reported as absent from the appendix.',
  },
  messages: {
    'not-in-appendix': {
      zh: '{ref} “{work}” 列有规模（{figures}），但附表中没有对应项目',
      en: "{ref} '{work}' states a scale ({figures}) but has no project in the appendix",
    },
  },
  check({ plan, report }) {
    for (const { item, work } of worksWithoutProject(plan)) {
      const scale = item.facts.filter((f) => f.value !== undefined && !isMoneyUnit(f.unit));
      if (scale.length === 0) continue;
      report({
        messageId: 'not-in-appendix',
        at: work.at,
        data: { ref: item.at.ref ?? '', work: work.name, figures: scale.map(printedFigure).join('，') },
      });
    }
  },
});

export const policyWork = defineRule({
  id: 'policy-work',
  severity: 'info',
  description: {
    zh: '专栏中既无规模也无投资、附表中也没有对应项目的重点工程（政策性措施），列出以供核对。',
    en: 'Key works in a box with no scale, no money and no appendix project (policy measures), listed for review.',
  },
  messages: {
    'no-project': {
      zh: '{ref} “{work}” 无规模、无投资，附表中没有对应项目',
      en: "{ref} '{work}' has no scale, no money and no appendix project",
    },
  },
  check({ plan, report }) {
    for (const { item, work } of worksWithoutProject(plan)) {
      if (item.facts.some((f) => f.value !== undefined)) continue;
      report({ messageId: 'no-project', at: work.at, data: { ref: item.at.ref ?? '', work: work.name } });
    }
  },
});

export const moneyOutsideTotal = defineRule({
  id: 'money-outside-total',
  severity: 'error',
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
    for (const box of plan.boxes) {
      for (const item of box.items) {
        if (!isUnlinked(item)) continue;
        const money = item.facts.filter((f) => f.value !== undefined && isMoneyUnit(f.unit));
        if (money.length === 0) continue;
        const amount = mul(sum(money.map((f) => baseValue(f)!)), inMoneyUnit);
        report({
          messageId: 'missing-from-total',
          at: money[0]!.at,
          related: plan.appendixTotal ? [plan.appendixTotal.at] : [],
          data: {
            ref: item.at.ref ?? '',
            title: item.title,
            printed: money.map(printedFigure).join(' + '),
            amount: toDecimalString(amount),
            unit: plan.moneyUnit,
            total: plan.appendixTotal?.text ?? '—',
          },
          values: [amount],
          unit: plan.moneyUnit,
        });
      }
    }
  },
});

export const unboxedProject = defineRule({
  id: 'unboxed-project',
  severity: 'info',
  description: {
    zh: '没有任何专栏重点工程提及的附表项目。',
    en: 'Appendix projects that no key work in any box mentions.',
  },
  messages: {
    'not-in-any-box': { zh: '附表序号 {serial} “{name}” 未见于任何专栏', en: "appendix serial {serial} '{name}' is not mentioned in any box" },
  },
  check({ plan, report }) {
    if (plan.boxes.length === 0) return;
    const linked = new Set(plan.boxes.flatMap((box) => box.items.flatMap((item) => item.works.flatMap((work) => work.projects))));
    for (const project of projectsBySerial(plan).values()) {
      if (!linked.has(project.number!)) report({ messageId: 'not-in-any-box', at: project.at, data: { serial: project.label, name: project.name } });
    }
  },
});
