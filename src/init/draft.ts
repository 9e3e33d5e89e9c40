/**
 * The drafter: the document model → plan data, in stages a reader can follow, each its own
 * module under stages/: structure (outline, boxes, tables) → identity → tables (appendix,
 * indicators, services) → figures (facts, sums, counts) → links and keys (box works to projects)
 * → prose statements. It reads only the model: any reader (text, .docx, PDF, HTML) feeds it.
 * The YAML is written by write.ts.
 */
import type { DocumentModel } from '../read/blocks.js';
import { readIdentity, periodFromTables } from './stages/identity.js';
import { periodFromDate } from './stages/years.js';
import { readBox } from './stages/links.js';
import { readStatements } from './stages/statements.js';
import { isIndicatorTable, readStructure } from './stages/structure.js';
import { column, isProjectTable, nameColumn, readIndicators, readProjects, readServices } from './stages/tables.js';
import type { Context, Draft } from './types.js';

export { countsOf } from './stages/facts.js';
export { planId } from './stages/identity.js';
export { readCell } from './stages/tables.js';
export type * from './types.js';

/** Builds the whole draft from the document model. */
export function buildDraft(model: DocumentModel, folderName: string): Draft {
  const doc = readStructure(model);
  const plan = readIdentity(doc, folderName);
  if (!plan.period) {
    plan.period = periodFromTables(doc) ?? periodFromDate(plan.date);
    plan.checks.push(`period: ${plan.period.start}-${plan.period.end} guessed from the years of the tables (or the date); no 规划期 or 十X五 printed`);
  }
  const draft: Draft = { plan, outline: doc, tables: [], boxes: [], statements: [], unread: [...doc.unread] };
  const issuerPlace = /^(.+?[县市区旗州])/u.exec(plan.issuer ?? plan.title ?? '')?.[1];
  const places = issuerPlace ? [issuerPlace, issuerPlace.slice(0, -1)].filter((place) => place.length >= 2) : [];
  const context: Context = { draft, places };
  readAppendices(context);
  for (const block of doc.boxes) {
    const table = block.table;
    if (table && isIndicatorTable(table) && !draft.indicators) {
      draft.indicators = readIndicators(context, block, table);
    } else if (table && column(table.header, /领域/u) >= 0 && !draft.services) {
      draft.services = readServices(context, block, table);
    } else if (table) {
      draft.unread.push({ place: block.place, what: `专栏${block.number}: a table that is neither the indicator table nor the service list`, part: 'boxes' });
    } else if (block.items && block.items.length > 0) {
      draft.boxes.push(readBox(context, block));
    }
  }
  // An indicator table in no box (表1 主要指标, 附表1), when no box holds one.
  if (!draft.indicators && doc.indicatorTable) {
    const { label, title, table } = doc.indicatorTable;
    draft.indicators = readIndicators(context, { label, title }, table);
  } else if (doc.indicatorTable) {
    draft.unread.push({ place: doc.indicatorTable.place, what: `${doc.indicatorTable.label}: an indicator table beside the one of 专栏${draft.indicators!.box}; the format holds one` });
  }
  // A caption of an indicator table with no table read under it (a PDF's text, whose tables are lines): said first.
  if (!draft.indicators && doc.indicatorCaption && !draft.unread.some((unread) => unread.part === 'indicators')) {
    const { label, title, place } = doc.indicatorCaption;
    draft.unread.push({ place, what: `${label} ${title}: an indicator table's caption, with no table read under it`, part: 'indicators' });
  }
  // Indicators read: a table of indicators elsewhere does not leave them unread.
  if (draft.indicators) {
    draft.unread.forEach((unread, index) => {
      if (unread.part === 'indicators' && unread.what.startsWith('an indicator table outside')) draft.unread[index] = { place: unread.place, what: unread.what };
    });
  }
  for (const statement of readStatements(context)) draft.statements.push(statement);
  return draft;
}

/**
 * Every appendix table of projects (附表, or 附表1, 附表2 … each with its own sections and 合计),
 * numbered as printed; a table printed without a number (or with one already taken) gets its
 * place in the order.
 */
function readAppendices(context: Context): void {
  const { draft } = context;
  const doc = draft.outline;
  const taken = new Set<number>();
  for (const appendix of doc.appendices) {
    if (!appendix.table) continue;
    // An appendix that is the indicator table (附表1 主要指标) is read as one, after the boxes.
    if (!isProjectTable(appendix.table) && isIndicatorTable(appendix.table)) {
      doc.indicatorTable ??= { label: appendix.number.replace(/\s+/gu, ''), title: appendix.title, table: appendix.table, place: appendix.place };
      continue;
    }
    if (!isProjectTable(appendix.table)) {
      // A table that names projects with no investment column read is a list of projects misread
      // (a money header cut or set off its column): the appendix is unread, so that the audit
      // does not judge it by the tables that were read (a key work "not in the appendix").
      // So is one under a heading that names a list of projects (重点项目清单, 重点建设项目表): its table was misread.
      if (nameColumn(appendix.table.header) >= 0) draft.unread.push({ place: appendix.place, what: `${appendix.number}: a list of projects whose investment column was not read`, part: 'appendix' });
      else if (/项目|工程/u.test(appendix.title)) draft.unread.push({ place: appendix.place, what: `${appendix.number}: a list of projects by its title, whose table was not read as one (no name or investment column)`, part: 'appendix' });
      else draft.unread.push({ place: appendix.place, what: `${appendix.number}: a table that is not a list of projects (no name or investment column)` });
      continue;
    }
    const printed = Number(/\d+/.exec(appendix.number)?.[0] ?? Number.NaN);
    const number = Number.isInteger(printed) && printed >= 1 && !taken.has(printed) ? printed : draft.tables.length + 1;
    taken.add(number);
    const read = readProjects(context, appendix.table, appendix, number);
    // A table of which no row could be read is recorded unread (by readProjects) and not written: the format needs a section.
    if (read.sections.length > 0) draft.tables.push(read);
  }
  // (An appendix that is the indicator table is not the appendix of projects.)
  const projectAppendices = doc.appendices.filter((appendix) => !appendix.table || appendix.table !== doc.indicatorTable?.table);
  if (projectAppendices.length > 0 && draft.tables.length === 0 && !draft.unread.some((unread) => unread.part === 'appendix')) {
    draft.unread.push({ place: projectAppendices[0]!.place, what: 'the appendix heading is not followed by a table of projects', part: 'appendix' });
  }
}
