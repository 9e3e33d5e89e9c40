import type { PlanModel, Project } from '../../model.js';

/**
 * The appendix rows a draft records as misread (plan.yaml `draft.unread` entries with a `row`):
 * a rule that judges rows one by one (`Rule.readsRows`) leaves them out, and a sum that holds one
 * is not checked.
 */
export function unreadRowsOf(plan: PlanModel): (project: Project) => boolean {
  const rows = plan.unread.flatMap((entry) => (entry.part === 'appendix' && entry.row ? [entry.row] : []));
  if (rows.length === 0) return () => false;
  return (project) =>
    rows.some((row) => row.serial === project.number && row.table === project.table && (row.section === undefined || row.section === project.section));
}
