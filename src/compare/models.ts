import { serialName, type Amount, type AppendixSection, type FigureStatement, type Location, type PlanModel, type Project, type ProjectLink, type Review, type SourceRef } from '../model.js';

/** What changed, in the plan's own terms. */
export type ChangeKind =
  | 'plan-added'
  | 'plan-removed'
  | 'project-added'
  | 'project-removed'
  | 'project-renumbered'
  | 'project-moved'
  | 'project-field'
  | 'figure-changed'
  | 'figure-added'
  | 'figure-removed'
  | 'fact-renamed'
  | 'fact-split'
  | 'fact-merged'
  | 'section-added'
  | 'section-removed'
  | 'section-field'
  | 'total-changed'
  | 'indicator-added'
  | 'indicator-removed'
  | 'indicator-field'
  | 'box-item-added'
  | 'box-item-removed'
  | 'box-item-field'
  | 'review-added'
  | 'review-removed';

/** One change between two versions of a plan. */
export interface PlanChange {
  readonly kind: ChangeKind;
  readonly plan: string;
  /** Where it is printed: `附表 序号32`, `专栏8 第2项`, `第九章第一节`. */
  readonly ref: string;
  /** The field that changed: `investment`, `end`, `subtotal`, `baseline`, `title`, … */
  readonly field?: string;
  /** The fact key of a figure (the new one of a rename). */
  readonly fact?: string;
  readonly before?: string;
  readonly after?: string;
  readonly unit?: string;
  /** Where it stands in the data: in the new version, or in the old one for a removal. */
  readonly at?: SourceRef;
  /** `at`, resolved to file:line:column by the side it belongs to. */
  readonly location?: Location;
}

/** A figure as printed, for a reader: `约70000㎡`, `【1.53】%`, `≥55%`. */
export function printed(figure: FigureStatement): string {
  const value = figure.valueText === undefined ? (figure.text ?? '') : `${figure.valueText}${figure.valueMaxText === undefined ? '' : `-${figure.valueMaxText}`}`;
  const body = figure.cumulative ? `【${value}】` : value;
  return `${figure.approx ? '约' : ''}${figure.bound ?? ''}${body}`;
}

/** Pairs items of two lists: first by each key in turn, the rest left unpaired. */
function pair<T>(before: readonly T[], after: readonly T[], keys: readonly ((item: T) => string | undefined)[]): { pairs: [T, T][]; removed: T[]; added: T[] } {
  const pairs: [T, T][] = [];
  let left = [...before];
  let right = [...after];
  for (const key of keys) {
    const waiting = new Map<string, T[]>();
    for (const item of left) {
      const k = key(item);
      if (k !== undefined) waiting.get(k)?.push(item) ?? waiting.set(k, [item]);
    }
    const unmatched: T[] = [];
    for (const item of right) {
      const k = key(item);
      const match = k === undefined ? undefined : waiting.get(k)?.shift();
      if (match) pairs.push([match, item]);
      else unmatched.push(item);
    }
    const paired = new Set(pairs.map(([old]) => old));
    left = left.filter((item) => !paired.has(item));
    right = unmatched;
  }
  return { pairs, removed: left, added: right };
}

interface PlacedProject {
  readonly project: Project;
  readonly section: string;
}

/** How a project is named: 附表 序号N, or 附表2 序号N in a plan of several tables (its builder's ref). */
const projectRef = (project: Project): string => project.at.ref ?? `附表 ${serialName(project.section, project.label)}`;
/** A section as a diff names it; a section of a numbered table names the table. */
const sectionRef = (section: AppendixSection): string => `${section.table === undefined ? '附表' : `附表${section.table}`} ${section.label}、${section.name}`;
/** A box link as a diff lists it: `11`, or `附表2-11` when it names its table. */
const linkText = (link: ProjectLink): string => `${link.table === undefined ? '' : `附表${link.table}-`}${link.section === undefined ? '' : `${link.section}、`}${link.serial}`;
const list = (items: readonly string[] | undefined): string => (items ?? []).join('、');

function projectChanges(plan: string, before: PlanModel, after: PlanModel, out: PlanChange[]): Map<string, string> {
  const placed = (model: PlanModel): PlacedProject[] =>
    model.appendixSections.flatMap((section) => section.projects.map((project) => ({ project, section: `${section.label}、${section.name}` })));
  const { pairs, removed, added } = pair(placed(before), placed(after), [
    (p) => `${p.project.table ?? ''}\u0000${p.project.section ?? ''}\u0000${p.project.label}\u0000${p.project.name}`,
    (p) => p.project.name,
    (p) => `${p.project.table ?? ''}\u0000${p.project.section ?? ''}\u0000${p.project.label}`,
  ]);
  // A renumbered project's figures keep their place: 附表 序号N in the old version is 序号M in the new.
  const refs = new Map<string, string>();
  for (const [old, now] of pairs) {
    const ref = projectRef(now.project);
    refs.set(projectRef(old.project), ref);
    if (old.project.label !== now.project.label) out.push({ kind: 'project-renumbered', plan, ref, field: 'serial', before: old.project.label, after: now.project.label, at: now.project.at });
    if (old.section !== now.section) out.push({ kind: 'project-moved', plan, ref, field: 'section', before: old.section, after: now.section, at: now.project.at });
    const fields: [string, string | undefined, string | undefined, string][] = [
      ['name', old.project.name, now.project.name, '/name'],
      ['departments', list(old.project.departments), list(now.project.departments), '/departments'],
      ['nature', list(old.project.nature), list(now.project.nature), '/nature'],
      ['location', old.project.location, now.project.location, '/location'],
      ['start', old.project.start?.toString(), now.project.start?.toString(), '/start'],
      ['end', old.project.end?.toString(), now.project.end?.toString(), '/end'],
      ['investment', old.project.investment?.text, now.project.investment?.text, '/investment'],
      ['content', old.project.content, now.project.content, '/content'],
    ];
    for (const [field, was, is, pointer] of fields) {
      if (was === is) continue;
      out.push({
        kind: 'project-field',
        plan,
        ref,
        field,
        ...(was === undefined ? {} : { before: was }),
        ...(is === undefined ? {} : { after: is }),
        ...(field === 'investment' ? { unit: after.moneyUnit } : {}),
        at: { ...now.project.at, pointer: `${now.project.at.pointer}${pointer}` },
      });
    }
  }
  for (const { project, section } of removed) out.push({ kind: 'project-removed', plan, ref: projectRef(project), field: 'name', before: `${project.name}（${section}）`, at: project.at });
  for (const { project, section } of added) {
    out.push({
      kind: 'project-added',
      plan,
      ref: projectRef(project),
      field: 'name',
      after: `${project.name}（${section}）`,
      ...(project.investment ? { fact: 'investment', unit: after.moneyUnit } : {}),
      at: project.at,
    });
  }
  return refs;
}

/** A section, or a part of one (（一）学前教育 under 一、教育), as the diff compares them: each by its name and subtotal. */
interface Group {
  /** The table and, for a part, its section: a part is paired with parts of the same section only. */
  readonly within: string;
  readonly part: boolean;
  readonly label: string;
  readonly name: string;
  readonly subtotal?: Amount | undefined;
  readonly ref: string;
  readonly at: SourceRef;
}

const groupsOf = (model: PlanModel): Group[] =>
  model.appendixSections.flatMap((section) => {
    const ref = sectionRef(section);
    return [
      { within: `${section.table ?? ''}`, part: false, label: section.label, name: section.name, subtotal: section.subtotal, ref, at: section.at },
      ...section.parts.map((part) => ({ within: `${section.table ?? ''}\u0000${section.label}`, part: true, label: part.label, name: part.name, subtotal: part.subtotal, ref: `${ref}（${part.label}）${part.name}`, at: part.at })),
    ];
  });

function sectionChanges(plan: string, before: PlanModel, after: PlanModel, out: PlanChange[]): void {
  const { pairs, removed, added } = pair(groupsOf(before), groupsOf(after), [(s) => `${s.within}\u0000${s.label}\u0000${s.name}`, (s) => (s.part ? `${s.within}\u0000${s.name}` : s.name), (s) => `${s.within}\u0000${s.label}`]);
  for (const [old, now] of pairs) {
    const ref = now.ref;
    if (old.label !== now.label) out.push({ kind: 'section-field', plan, ref, field: 'numeral', before: old.label, after: now.label, at: now.at });
    if (old.name !== now.name) out.push({ kind: 'section-field', plan, ref, field: 'name', before: old.name, after: now.name, at: now.at });
    if (old.subtotal?.text !== now.subtotal?.text) {
      out.push({
        kind: 'section-field',
        plan,
        ref,
        field: 'subtotal',
        ...(old.subtotal ? { before: old.subtotal.text } : {}),
        ...(now.subtotal ? { after: now.subtotal.text } : {}),
        unit: after.moneyUnit,
        at: now.subtotal?.at ?? now.at,
      });
    }
  }
  for (const section of removed) out.push({ kind: 'section-removed', plan, ref: section.ref, ...(section.subtotal ? { before: section.subtotal.text, unit: before.moneyUnit } : {}), at: section.at });
  for (const section of added) out.push({ kind: 'section-added', plan, ref: section.ref, ...(section.subtotal ? { after: section.subtotal.text, unit: after.moneyUnit } : {}), at: section.at });
  // Each table's 合计 against the same table's: 附表 合计 for one unnumbered table, 附表2 合计 for the second of several.
  const names = [...new Set([...before.appendixTables, ...after.appendixTables].map((table) => table.name))];
  for (const name of names) {
    const was = before.appendixTables.find((table) => table.name === name)?.total;
    const is = after.appendixTables.find((table) => table.name === name)?.total;
    if (was?.text === is?.text) continue;
    out.push({
      kind: 'total-changed',
      plan,
      ref: `${name} 合计`,
      field: 'total',
      ...(was ? { before: was.text } : {}),
      ...(is ? { after: is.text } : {}),
      unit: after.moneyUnit,
      ...(is ? { at: is.at } : {}),
    });
  }
}

function figureChanges(plan: string, before: PlanModel, after: PlanModel, refs: ReadonlyMap<string, string>, out: PlanChange[]): void {
  const place = (figure: FigureStatement, old: boolean): string => (old ? (refs.get(figure.at.ref ?? '') ?? figure.at.ref ?? '') : (figure.at.ref ?? ''));
  const olds = before.facts.map((figure) => ({ figure, place: place(figure, true) }));
  const nows = after.facts.map((figure) => ({ figure, place: place(figure, false) }));
  type Placed = (typeof olds)[number];
  const byPlaceAndKey = (p: Placed): string => `${p.figure.at.file}\u0000${p.place}\u0000${p.figure.identity}`;
  // A statement whose key changed stays where it was: same place, same figure, same container.
  const byPlaceAndValue = (p: Placed): string => `${p.figure.at.file}\u0000${p.place}\u0000${printed(p.figure)}\u0000${p.figure.unit}\u0000${p.figure.at.pointer}`;
  const { pairs, removed, added } = pair(olds, nows, [byPlaceAndKey, byPlaceAndValue]);
  const renames = new Map<string, Set<string>>();
  const inverse = new Map<string, Set<string>>();
  for (const [old, now] of pairs) {
    const was = printed(old.figure);
    const is = printed(now.figure);
    if (old.figure.identity !== now.figure.identity) {
      renames.set(old.figure.identity, (renames.get(old.figure.identity) ?? new Set()).add(now.figure.identity));
      inverse.set(now.figure.identity, (inverse.get(now.figure.identity) ?? new Set()).add(old.figure.identity));
    }
    if (was !== is || old.figure.unit !== now.figure.unit) {
      out.push({
        kind: 'figure-changed',
        plan,
        ref: now.place,
        fact: now.figure.identity,
        before: `${was}${old.figure.unit === now.figure.unit ? '' : old.figure.unit}`,
        after: is,
        unit: now.figure.unit,
        at: now.figure.at,
      });
    }
  }
  // Keys that were renamed everywhere, split into several or merged into one.
  const beforeKeys = new Set(before.facts.map((f) => f.identity));
  const afterKeys = new Set(after.facts.map((f) => f.identity));
  const reported = new Set<string>();
  for (const [oldKey, newKeys] of renames) {
    if (reported.has(oldKey)) continue;
    const firstNew = [...newKeys][0]!;
    const sources = [...(inverse.get(firstNew) ?? [])];
    const at = after.facts.find((f) => f.identity === firstNew)?.at;
    const common = { plan, ref: at?.ref ?? '', ...(at ? { at } : {}) };
    if (newKeys.size > 1) out.push({ kind: 'fact-split', ...common, fact: [...newKeys].join(', '), before: oldKey, after: [...newKeys].join(', ') });
    else if (sources.length > 1) {
      for (const source of sources) reported.add(source);
      out.push({ kind: 'fact-merged', ...common, fact: firstNew, before: sources.join(', '), after: firstNew });
    } else {
      // A key some statements left while others kept it is a statement moved to another fact, not a rename.
      const kind = afterKeys.has(oldKey) || beforeKeys.has(firstNew) ? 'fact-split' : 'fact-renamed';
      out.push({ kind, ...common, fact: firstNew, before: oldKey, after: afterKeys.has(oldKey) ? `${oldKey}, ${firstNew}` : firstNew });
    }
    reported.add(oldKey);
  }
  for (const { figure, place: ref } of removed) out.push({ kind: 'figure-removed', plan, ref, fact: figure.identity, before: printed(figure), unit: figure.unit, at: figure.at });
  for (const { figure, place: ref } of added) out.push({ kind: 'figure-added', plan, ref, fact: figure.identity, after: printed(figure), unit: figure.unit, at: figure.at });
}

function indicatorChanges(plan: string, before: PlanModel, after: PlanModel, out: PlanChange[]): void {
  const rows = (model: PlanModel) => model.indicatorCategories.flatMap((category) => category.indicators);
  const { pairs, removed, added } = pair(rows(before), rows(after), [(i) => `${i.label}\u0000${i.name}`, (i) => i.name, (i) => i.label]);
  for (const [old, now] of pairs) {
    const ref = now.at.ref ?? `序号${now.label}`;
    const fields: [string, string, string][] = [
      ['serial', old.label, now.label],
      ['name', old.name, now.name],
      ['unit', old.unit, now.unit],
      ['attribute', old.attribute, now.attribute],
      ['fact', old.fact, now.fact],
    ];
    for (const [field, was, is] of fields) if (was !== is) out.push({ kind: 'indicator-field', plan, ref, field, before: was, after: is, at: now.at });
  }
  for (const indicator of removed) out.push({ kind: 'indicator-removed', plan, ref: indicator.at.ref ?? '', before: indicator.name, at: indicator.at });
  for (const indicator of added) out.push({ kind: 'indicator-added', plan, ref: indicator.at.ref ?? '', after: indicator.name, at: indicator.at });
}

function boxChanges(plan: string, before: PlanModel, after: PlanModel, out: PlanChange[]): void {
  const items = (model: PlanModel) => model.boxes.flatMap((box) => box.items.map((item) => ({ box: box.label, item })));
  const { pairs, removed, added } = pair(items(before), items(after), [(i) => `${i.box}\u0000${i.item.label}\u0000${i.item.title}`, (i) => `${i.box}\u0000${i.item.title}`, (i) => `${i.box}\u0000${i.item.label}`]);
  const ref = (i: { box: string; item: { label: string } }): string => `专栏${i.box} 第${i.item.label}项`;
  for (const [old, now] of pairs) {
    const fields: [string, string, string][] = [
      ['serial', old.item.label, now.item.label],
      ['title', old.item.title, now.item.title],
      ['text', old.item.text, now.item.text],
      ['projects', list(old.item.works.flatMap((w) => w.projects.map(linkText))), list(now.item.works.flatMap((w) => w.projects.map(linkText)))],
    ];
    for (const [field, was, is] of fields) if (was !== is) out.push({ kind: 'box-item-field', plan, ref: ref(now), field, before: was, after: is, at: now.item.at });
  }
  for (const i of removed) out.push({ kind: 'box-item-removed', plan, ref: ref(i), before: i.item.title, at: i.item.at });
  for (const i of added) out.push({ kind: 'box-item-added', plan, ref: ref(i), after: i.item.title, at: i.item.at });
}

function reviewChanges(plan: string, before: PlanModel, after: PlanModel, out: PlanChange[]): void {
  const key = (review: Review): string => `${review.rule}\u0000${review.fingerprint ?? `${review.file}#${review.pointer}`}\u0000${review.verdict}`;
  const { removed, added } = pair(before.reviews, after.reviews, [key]);
  const said = (review: Review): string => [review.verdict, review.quote && `“${review.quote}”`, review.reason].filter(Boolean).join(': ');
  for (const review of removed) out.push({ kind: 'review-removed', plan, ref: review.rule, field: review.fingerprint ?? `${review.file}#${review.pointer}`, before: said(review), at: review.at });
  for (const review of added) out.push({ kind: 'review-added', plan, ref: review.rule, field: review.fingerprint ?? `${review.file}#${review.pointer}`, after: said(review), at: review.at });
}

/**
 * Everything that differs between two versions of one plan, in the plan's own terms; data that
 * only moved (lines, key order, comments) differs in nothing.
 */
export function comparePlans(before: PlanModel, after: PlanModel): PlanChange[] {
  const plan = after.id;
  const out: PlanChange[] = [];
  const refs = projectChanges(plan, before, after, out);
  sectionChanges(plan, before, after, out);
  figureChanges(plan, before, after, refs, out);
  indicatorChanges(plan, before, after, out);
  boxChanges(plan, before, after, out);
  reviewChanges(plan, before, after, out);
  return out;
}
