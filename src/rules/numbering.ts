import type { Message, NumberedItem } from '../model.js';
import { toChineseNumeral } from '../numerals.js';
import { defineRule, type RuleContext } from './rule.js';

type NumberingMessage = 'gap' | 'duplicate' | 'disorder' | 'unreadable';

export const numbering = defineRule({
  id: 'numbering',
  stage: 'audit',
  severity: 'error',
  reads: ['outline', 'boxes', 'indicators', 'appendix'],
  // A misread row still opens with its serial, which is what this rule reads.
  readsRows: true,
  description: {
    zh: '章、节、专栏、专栏内各项、指标分类与序号、附表各部分与项目序号按顺序连续：逐一报告缺号、重号与乱序。',
    en: 'Chapters, sections, boxes, box items, indicator categories and serials, appendix sections and project serials run in order: every gap, duplicate and disorder is reported.',
  },
  messages: {
    gap: { zh: '{kind}编号缺少 {missing}：{previous} 之后是 {label}', en: '{kind} numbering skips {missing}: {label} follows {previous}' },
    duplicate: { zh: '{kind}编号 {label} 重复（此处应为 {expected}）', en: '{kind} number {label} is repeated (expected {expected} here)' },
    disorder: { zh: '{kind}编号 {label} 出现在 {previous} 之后，顺序错乱', en: '{kind} number {label} comes after {previous}: out of order' },
    unreadable: { zh: '{kind}编号 “{label}” 无法识别为数字', en: "{kind} number '{label}' cannot be read as a number" },
  },
  check(context) {
    const { plan } = context;
    const chinese = (n: number): string => toChineseNumeral(n);
    const arabic = (n: number): string => String(n);
    checkSequence(context, plan.chapters, { zh: '章', en: 'chapter' }, chinese);
    for (const chapter of plan.chapters) checkSequence(context, chapter.sections, { zh: `第${chapter.label}章的节`, en: `section (chapter ${chapter.label})` }, chinese);
    checkSequence(context, allBoxes(plan.tableBoxes, plan.boxes), { zh: '专栏', en: 'box' }, arabic);
    for (const box of plan.boxes) checkSequence(context, box.items, { zh: `专栏${box.label}的项`, en: `item (box ${box.label})` }, arabic);
    checkSequence(context, plan.indicatorCategories, { zh: '指标分类', en: 'indicator category' }, chinese);
    checkSequence(context, plan.indicatorCategories.flatMap((c) => c.indicators), { zh: '指标序号', en: 'indicator serial' }, arabic);
    // Serials run 1, 2, 3 … within each table: 附表2 starts again at 1; in a table numbered
    // section by section, within each section.
    for (const table of plan.appendixTables) {
      const name = table.number === undefined ? { zh: '附表', en: 'appendix' } : { zh: table.name, en: table.name };
      checkSequence(context, table.sections, { zh: `${name.zh}部分`, en: `${name.en} section` }, chinese);
      for (const section of table.sections) {
        if (section.parts.length > 0) checkSequence(context, section.parts, { zh: `${name.zh}第${section.label}部分的分部分`, en: `${name.en} part (section ${section.label})` }, chinese);
      }
      if (table.numbering === 'section') {
        for (const section of table.sections) {
          checkSequence(context, section.projects, { zh: `${name.zh}第${section.label}部分的项目序号`, en: `${name.en} serial (section ${section.label})` }, arabic);
        }
      } else checkSequence(context, table.sections.flatMap((s) => s.projects), { zh: `${name.zh}项目序号`, en: `${name.en} serial` }, arabic);
    }
  },
});

/**
 * The key-work boxes in printed order, with the indicator table and the service list placed
 * where their numbers put them: either may be any box of the plan, or absent.
 */
function allBoxes(tables: readonly NumberedItem[], boxes: readonly NumberedItem[]): NumberedItem[] {
  const result = [...boxes];
  for (const table of [...tables].sort((a, b) => (a.number ?? 0) - (b.number ?? 0))) {
    const index = result.findIndex((box) => box.number !== undefined && table.number !== undefined && box.number > table.number);
    result.splice(index < 0 ? result.length : index, 0, table);
  }
  return result;
}

/**
 * Reports every break in a run of printed numbers that should count 1, 2, 3 …. A repeated
 * number followed by the one after next (七, 七, 九) is read as a mislabel of the missing one,
 * so it is reported once, not again as a gap.
 */
function checkSequence(
  { report }: RuleContext<NumberingMessage>,
  items: readonly NumberedItem[],
  kind: Message,
  show: (n: number) => string,
): void {
  let previous = 0;
  items.forEach((item, index) => {
    const value = item.number;
    if (value === undefined) {
      report({ messageId: 'unreadable', at: item.at, data: { kind, label: item.label } });
      previous += 1;
      return;
    }
    if (value === previous + 1) {
      previous = value;
      return;
    }
    const next = items[index + 1]?.number;
    if (value === previous) {
      report({ messageId: 'duplicate', at: item.at, data: { kind, label: item.label, expected: show(previous + 1) } });
      if (next === undefined || next === previous + 2) previous += 1;
    } else if (value < previous) {
      report({ messageId: 'disorder', at: item.at, data: { kind, label: item.label, previous: show(previous) } });
    } else {
      const missing = value - previous === 2 ? show(previous + 1) : `${show(previous + 1)}–${show(value - 1)}`;
      report({ messageId: 'gap', at: item.at, data: { kind, label: item.label, previous: show(previous), missing } });
      previous = value;
    }
  });
}
