import type { PlanModel, Project } from '../../model.js';

/**
 * The appendix rows a draft records as misread (plan.yaml `draft.unread` entries with a `row`):
 * a rule that judges rows one by one (`Rule.readsRows`) leaves them out, and a sum that holds one
 * is not checked. With `column`, only the rows whose misread cells include it (or whose entry
 * names no cells: the whole row was misread).
 */
export function unreadRowsOf(plan: PlanModel, column?: 'years' | 'investment'): (project: Project) => boolean {
  const rows = plan.unread.flatMap((entry) => (entry.part === 'appendix' && entry.row && (column === undefined || entry.row.cells === undefined || entry.row.cells.includes(column)) ? [entry.row] : []));
  if (rows.length === 0) return () => false;
  return (project) =>
    rows.some((row) => row.serial === project.number && row.table === project.table && (row.section === undefined || row.section === project.section));
}
