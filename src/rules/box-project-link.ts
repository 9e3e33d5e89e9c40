import type { Message } from '../model.js';
import { defineRule } from './rule.js';
import { projectsOf, sectionMissing, tableMissing, tableUnknown, tableWords } from './support/works.js';

export const boxProjectLink = defineRule({
  id: 'box-project-link',
  stage: 'audit',
  severity: 'error',
  reads: ['appendix', 'boxes'],
  description: {
    zh: '专栏中重点工程所指的附表序号必须存在，且附表只印一次；规划有多张附表时，须写明所指的附表；附表按部分编号时，须写明所指的部分。',
    en: 'Every appendix serial a key work in a box points to exists, printed once; when the plan prints several appendix tables, the link names its table; when a table numbers its projects section by section, the link names the section.',
  },
  messages: {
    'unknown-serial': {
      zh: '{ref} 的 “{work}” 指向{table}序号 {serial}，但{table}没有该序号',
      en: "{ref}: '{work}' points to {table} serial {serial}, which {table} does not have",
    },
    'ambiguous-serial': {
      zh: '{ref} 的 “{work}” 指向{table}序号 {serial}，但{table}印有 {count} 个该序号：{names}',
      en: "{ref}: '{work}' points to {table} serial {serial}, which {table} prints {count} times: {names}",
    },
    'table-not-named': {
      zh: '{ref} 的 “{work}” 指向序号 {serial}，但规划有 {count} 张附表（{tables}），未写明是哪一张',
      en: "{ref}: '{work}' points to serial {serial}, but the plan prints {count} appendix tables ({tables}) and the link does not name one",
    },
    'section-not-named': {
      zh: '{ref} 的 “{work}” 指向{table}序号 {serial}，但{table}各部分分别编号，未写明是哪一部分',
      en: "{ref}: '{work}' points to {table} serial {serial}, but {table} numbers its projects section by section and the link does not name the section",
    },
    'unknown-table': {
      zh: '{ref} 的 “{work}” 指向{table} 序号 {serial}，但规划没有{table}',
      en: "{ref}: '{work}' points to {table} serial {serial}, but the plan has no {table}",
    },
  },
  check({ plan, report }) {
    if (plan.appendixSections.length === 0) return;
    for (const box of plan.boxes) {
      for (const item of box.items) {
        for (const work of item.works) {
          for (const link of work.projects) {
            const base = { ref: item.at.ref ?? '', work: work.name, serial: link.serial };
            if (tableMissing(plan, link)) {
              const tables = plan.appendixTables.map((table) => table.name);
              report({ messageId: 'table-not-named', at: work.at, data: { ...base, count: tables.length, tables: tables.join('、') } });
              continue;
            }
            if (tableUnknown(plan, link)) {
              report({ messageId: 'unknown-table', at: work.at, data: { ...base, table: tableWords(link.table) } });
              continue;
            }
            if (sectionMissing(plan, link)) {
              report({ messageId: 'section-not-named', at: work.at, data: { ...base, table: tableWords(link.table) } });
              continue;
            }
            const table = sectionWords(tableWords(link.table), link.section);
            const projects = projectsOf(plan, link);
            if (!projects) {
              report({ messageId: 'unknown-serial', at: work.at, data: { ...base, table } });
            } else if (projects.length > 1) {
              report({
                messageId: 'ambiguous-serial',
                at: work.at,
                related: projects.map((project) => project.at),
                data: { ...base, table, count: projects.length, names: projects.map((p) => `“${p.name}”`).join('、') },
              });
            }
          }
        }
      }
    }
  },
});

/** A table and the section a link names in it: 附表 第二部分 / 附表2 section 二. */
const sectionWords = (table: Message, section: string | undefined): Message =>
  section === undefined ? table : { zh: `${table.zh} 第${section}部分`, en: `${table.en} section ${section}` };
