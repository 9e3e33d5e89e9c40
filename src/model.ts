import type { Rational } from './decimal.js';

export type Severity = 'error' | 'warning' | 'info';

export type Lang = 'zh' | 'en';

/** A message in both languages; `{name}` placeholders are filled from a finding's data. */
export interface Message {
  readonly zh: string;
  readonly en: string;
}

/** The indicator table's place in a message: 专栏1 (box 1), or the label of a table in no box (表1) in both languages. */
export function indicatorWhere(plan: { readonly indicatorBox?: number; readonly indicatorPlace?: string }): Message {
  return plan.indicatorBox === undefined ? { zh: plan.indicatorPlace ?? '', en: plan.indicatorPlace ?? '' } : { zh: `专栏${plan.indicatorBox}`, en: `box ${plan.indicatorBox}` };
}

/**
 * Finding data worded alike in both languages (a name the plan prints, a rounded figure), as a
 * `Message` so that it stays out of the finding's fingerprint.
 */
export function alike(text: string): Message {
  return { zh: text, en: text };
}

/**
 * A project's serial as the document names it: `序号3`, or `二、序号3` in a table that numbers its
 * projects section by section (the section's numeral first).
 */
export const serialName = (section: string | undefined, serial: number | string): string => (section === undefined ? `序号${serial}` : `${section}、序号${serial}`);

/** A project's serial as a table column shows it: `3`, or `二、3` in a table numbered section by section. */
export const serialLabel = (project: { readonly section?: string | undefined; readonly label: string }): string =>
  project.section === undefined ? project.label : `${project.section}、${project.label}`;

/**
 * Where something stands: a data file of the plan, a JSON pointer into it, and the document
 * reference a reader of the printed plan would use ("附表 序号32", "专栏8 第2项").
 */
export interface SourceRef {
  /** File name relative to the plan folder, e.g. `projects.yaml`. */
  readonly file: string;
  /** JSON pointer into the file's data (RFC 6901), `''` for the whole file. */
  readonly pointer: string;
  /** Where it is printed in the document. */
  readonly ref?: string;
  /** Verbatim text of the document that holds the figure. */
  readonly quote?: string | undefined;
  /** The disputed figure as it stands in `quote` (`约112526㎡`): a view marks it inside the quote. */
  readonly figure?: string | undefined;
  /** Point at the key rather than its value (for an unknown key). */
  readonly atKey?: boolean;
  /** 1-based line in a file that has no pointers (the published text). */
  readonly line?: number;
}

/** A resolved place in a finding: file:line:column (1-based) plus the document reference. */
export interface Location {
  /** Path as the user gave it or relative to the working directory. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units as editors count. */
  readonly column: number;
  /** 1-based; where the region ends (the end of the line's content), when known. */
  readonly endLine?: number;
  /** 1-based, exclusive, UTF-16 code units. */
  readonly endColumn?: number;
  readonly pointer: string;
  readonly ref?: string;
  readonly quote?: string;
  /** The disputed figure as it stands in `quote`, when the finding is about one figure of it. */
  readonly figure?: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly messageId: string;
  readonly message: string;
  /** A second line under the message: the fact key and the intervals compared, when the rule words one. */
  readonly detail?: string;
  readonly data: Readonly<Record<string, string | number>>;
  /** The figures compared, as plain numbers in `unit`. */
  readonly values?: readonly number[];
  readonly unit?: string;
  /** The first is where the finding is; the others are the places it was compared with. */
  readonly locations: readonly Location[];
  /** The plan's id, when the finding belongs to one plan. */
  readonly plan?: string;
  /** Set when the plan has reviewed this finding; it is still reported. */
  readonly review?: FindingReview;
  /**
   * Stable across runs, languages and line moves: rule, plan, file kind, pointer, message id and
   * the data that is not worded in the report's language.
   */
  readonly fingerprint: string;
}

/** A figure as printed: `约70000㎡`, `【1.53】`, `≥30`, `应保尽保`. */
export interface FigureStatement {
  /** Fact key (`housing.rental-new.floor-area`); statements with equal `identity` must agree. */
  readonly fact: string;
  readonly period?: string | undefined;
  /** `fact` plus `@period` when there is one. */
  readonly identity: string;
  /** The number exactly as printed (`2.20`), absent for a non-numeric figure. */
  readonly valueText?: string | undefined;
  readonly value?: Rational | undefined;
  readonly valueMaxText?: string | undefined;
  readonly valueMax?: Rational | undefined;
  /** Non-numeric figure as printed (`应保尽保`, `—`). */
  readonly text?: string | undefined;
  readonly unit: string;
  readonly approx: boolean;
  /** The printed bound word or sign (`不少于`, `≥`, `＜`). */
  readonly bound?: string | undefined;
  readonly cumulative: boolean;
  /** Printed with 保持 or 稳定在: the level held is the baseline's, and holds for every year of `period`. */
  readonly hold: boolean;
  /** The verbatim text that holds the figure: its own quote or its container's text. */
  readonly quote?: string | undefined;
  /** True when `quote` was written on the figure itself rather than taken from its container. */
  readonly ownQuote: boolean;
  readonly at: SourceRef;
}

/** A printed amount that is not a fact of its own: an investment, a subtotal, a total. */
export interface Amount {
  readonly text: string;
  readonly value: Rational;
  readonly at: SourceRef;
}

export interface NumberedItem {
  /** As printed: `七`, `3`. */
  readonly label: string;
  /** The number it stands for; undefined when the label cannot be read as a number. */
  readonly number: number | undefined;
  readonly at: SourceRef;
}

export interface Section extends NumberedItem {
  readonly title: string;
}

export interface Chapter extends NumberedItem {
  readonly title: string;
  readonly sections: readonly Section[];
  readonly boxes: readonly number[];
}

/**
 * A key work's pointer to an appendix project: a printed serial, and the 附表 number it is in
 * when the plan prints several tables (`附表2 序号11`).
 */
export interface ProjectLink {
  /** The printed 附表 number; undefined for the plan's only table. */
  readonly table?: number | undefined;
  /** The numeral of the table's section (二), for a table that numbers its projects section by section. */
  readonly section?: string | undefined;
  /** The printed 序号, 1-based, unique within its table (or its section, in a table numbered so). */
  readonly serial: number;
}

export interface BoxWork {
  readonly name: string;
  readonly projects: readonly ProjectLink[];
  readonly at: SourceRef;
}

export interface BoxItem extends NumberedItem {
  readonly title: string;
  readonly text: string;
  readonly works: readonly BoxWork[];
  readonly facts: readonly FigureStatement[];
}

export interface Box extends NumberedItem {
  readonly title: string;
  readonly chapter?: string;
  readonly items: readonly BoxItem[];
}

export interface Indicator extends NumberedItem {
  readonly name: string;
  readonly fact: string;
  readonly unit: string;
  readonly baseline: FigureStatement;
  readonly target: FigureStatement;
  readonly attribute: string;
  readonly better: 'higher' | 'lower' | 'none';
}

export interface IndicatorCategory extends NumberedItem {
  readonly name: string;
  readonly indicators: readonly Indicator[];
}

export interface ServiceArea {
  readonly name: string;
  readonly goal?: string;
  readonly declared?: number;
  readonly itemsText?: string;
  readonly items: readonly string[];
  readonly at: SourceRef;
}

export interface Project extends NumberedItem {
  /** The printed 附表 number of the table the project stands in; undefined for an unnumbered 附表. */
  readonly table?: number | undefined;
  /** The numeral of its section (二) when the table numbers its projects section by section: the serial alone names no one project then. */
  readonly section?: string | undefined;
  readonly name: string;
  /** Empty when the appendix prints no 责任部门 column. */
  readonly departments: readonly string[];
  /** The 建设性质 words as printed (`新建`, `迁建`); empty when not printed. */
  readonly nature: readonly string[];
  readonly location?: string | undefined;
  readonly content?: string | undefined;
  readonly start?: number | undefined;
  readonly end?: number | undefined;
  readonly investment?: Amount | undefined;
  /** The investment as a fact of its project, in the plan's money unit, for comparison with box money. */
  readonly investmentFigure?: FigureStatement | undefined;
  readonly facts: readonly FigureStatement[];
}

/** A part a section is divided into, printed （一）学前教育 under 一、教育, with its own subtotal. */
export interface AppendixPart extends NumberedItem {
  readonly name: string;
  readonly subtotal?: Amount;
  readonly projects: readonly Project[];
}

export interface AppendixSection extends NumberedItem {
  /** The printed 附表 number of its table; undefined for an unnumbered 附表. */
  readonly table?: number | undefined;
  readonly name: string;
  readonly subtotal?: Amount;
  /** Every project of the section in printed order: its own, then its parts'. */
  readonly projects: readonly Project[];
  /** The （一）（二） the section is divided into; empty for most sections. */
  readonly parts: readonly AppendixPart[];
}

/**
 * One appendix table (附表1 重点建设项目): its sections, subtotals and 合计. A plan prints one or
 * several; serials are unique within a table, or within a section when the table numbers its
 * projects from 1 again in each section.
 */
export interface AppendixTable {
  /** The printed 附表 number; undefined when the plan prints one unnumbered 附表. */
  readonly number?: number | undefined;
  /** `table`: serials run through the table; `section`: each section numbers its projects from 1. */
  readonly numbering: 'table' | 'section';
  /** How the document names it: `附表` or `附表2`. */
  readonly name: string;
  readonly title?: string | undefined;
  /** The printed 合计, in the plan's money unit. */
  readonly total?: Amount | undefined;
  readonly sections: readonly AppendixSection[];
  readonly at: SourceRef;
}

export interface DeclaredSum {
  readonly total: string;
  readonly parts: readonly string[];
  /** 附表 numbers whose totals are parts of the sum (总投资18.6亿元（详见附表1、附表2）). */
  readonly tables: readonly number[];
  /** 其中 parts that need not be complete (declared `open`, or a single part): each and their sum are at most the whole. */
  readonly open: boolean;
  readonly at: SourceRef;
  /** The statements of the container that declares the sum, preferred when a key has several. */
  readonly local: readonly FigureStatement[];
}

export interface DeclaredCount {
  readonly fact: string;
  readonly items: readonly string[];
  /** The list ends in 等: it may be shorter than the count. */
  readonly open: boolean;
  readonly at: SourceRef;
  readonly local: readonly FigureStatement[];
}

export interface Acceptance {
  readonly rule: string;
  readonly file: string;
  readonly pointer: string;
  readonly reason: string;
  readonly at: SourceRef;
}

/** as-printed: the published text really says so (a document error); not-an-error: by design. */
export type Verdict = 'as-printed' | 'not-an-error';

/**
 * A plan's review of one finding, from `reviews.yaml` (or an old `accepted:` entry of plan.yaml,
 * read as not-an-error). It names the finding by rule and fingerprint, or rule, file and pointer.
 */
export interface Review {
  readonly rule: string;
  readonly fingerprint?: string;
  /** Data file name, e.g. `projects.yaml`. */
  readonly file?: string;
  readonly pointer?: string;
  readonly verdict: Verdict;
  readonly quote?: string;
  readonly reason?: string;
  /** An `accepted:` entry of plan.yaml: matches its pointer and every pointer below it. */
  readonly legacy: boolean;
  readonly at: SourceRef;
}

/** What a reviewed finding carries of its review. */
export interface FindingReview {
  readonly verdict: Verdict;
  readonly quote?: string;
  readonly reason?: string;
  /** Where the review is written: `reviews.yaml` (or `plan.yaml`) and its JSON pointer. */
  readonly file: string;
  readonly pointer: string;
}

/** A fact named by a relation: its key and the period it is for. */
export interface FactReference {
  readonly fact: string;
  readonly period?: string | undefined;
  /** `fact` plus `@period` when there is one, as `FigureStatement.identity`. */
  readonly identity: string;
}

/**
 * A declared relation between facts, read as `result = left × right ÷ divisor`:
 * ratio `amount = rate × base ÷ per`, share `part = rate × whole ÷ 100`, product `total = count × each`.
 */
export interface Relation {
  readonly kind: 'ratio' | 'share' | 'product';
  readonly result: FactReference;
  readonly left: FactReference;
  readonly right: FactReference;
  /** 1 for a product or a per-capita ratio, `per` for a ratio, 100 for a share. */
  readonly divisor: Rational;
  /** The unit of `right` when no statement gives it (a ratio's base, 人 by default). */
  readonly rightUnit?: string;
  readonly at: SourceRef;
}

/** Whether baseline plus planned additions reach a per-N target, the base held at its implied value. */
export interface RateReach {
  readonly kind: 'rate';
  readonly target: string;
  readonly per: Rational;
  readonly amount: string;
  readonly base: string;
  readonly from: string;
  readonly to: string;
  readonly additions: readonly string[];
  /** How many times the target counts as far overshot. */
  readonly far: Rational;
  readonly at: SourceRef;
}

/** Whether the target of a part (the insured) stays within its whole, held at its implied value. */
export interface ShareReach {
  readonly kind: 'share';
  readonly part: string;
  readonly whole: string;
  readonly from: string;
  readonly to: string;
  readonly at: SourceRef;
}

/**
 * Whether a count's baseline plus the counts the plan adds reach its target: `baseline@from +
 * additions ≥ target@to` (7个 in 2020, 4 + 2 added, 15个 targeted for 2025: short by 2).
 */
export interface CountReach {
  readonly kind: 'count';
  /** The fact whose statement for `to` is the target (an indicator row's key, or a fact's). */
  readonly target: string;
  /** The fact whose statement for `from` is the start; the target's key unless the plan states it apart. */
  readonly baseline: string;
  readonly from: string;
  readonly to: string;
  /** Fact keys of what the projects and boxes add, summed (each key's first numeric statement). */
  readonly additions: readonly string[];
  /** How many times the target counts as far overshot. */
  readonly far: Rational;
  readonly at: SourceRef;
}

export type Reach = RateReach | ShareReach | CountReach;

/** A text copied from the document: the `field` of the element at `at`. */
export interface VerbatimText {
  readonly text: string;
  readonly at: SourceRef;
  readonly field: string;
}

/** One plan, read from its folder, with every element knowing where it was written. */
/** The parts of a plan a draft may leave unread; a rule names those it judges (`Rule.reads`). */
export type DocumentPart = 'appendix' | 'indicators' | 'services' | 'boxes' | 'outline';

/** One entry of plan.yaml's `draft.unread`. */
export interface UnreadPart {
  readonly part: DocumentPart;
  /** Its place in the published document, as plan init wrote it (line 812, p. 3, line 12). */
  readonly where: string;
  readonly what: string;
  /** One appendix row the draft misread (cells of neighbouring rows run together, an amount not read): the rest of the appendix was read. */
  readonly row?: UnreadRow | undefined;
  readonly at: SourceRef;
}

/** An appendix row as plan.yaml's `draft.unread` names it: its serial, with its table's number and its section's numeral where those are needed to tell it apart. */
export interface UnreadRow {
  readonly table?: number | undefined;
  readonly section?: string | undefined;
  readonly serial: number;
  /** The columns misread (name, departments …) when only they were; absent when the whole row was. */
  readonly cells?: readonly string[] | undefined;
}

export interface PlanModel {
  readonly id: string;
  readonly dir: string;
  readonly title: string;
  readonly issuer?: string;
  readonly documentNumber?: string;
  /** Date of issue as written, YYYY-MM-DD. */
  readonly date?: string;
  readonly period: { readonly start: number; readonly end: number };
  /** The appendix's money unit, e.g. 万元. */
  readonly moneyUnit: string;
  /** The published text, when the plan names one that could be read. */
  readonly sourceText?: string;
  readonly sourceFile?: string;
  /** Relative widening of a figure printed with 约 (0.05 = 5 %). */
  readonly approximateTolerance: Rational;
  readonly chapters: readonly Chapter[];
  readonly boxes: readonly Box[];
  /** The box number of the indicator table, when the plan has one. */
  readonly indicatorBox?: number;
  /** Where the indicator table stands as the text names it: 专栏1, or 表1 for one in no box; undefined without one. */
  readonly indicatorPlace?: string;
  /** Box numbers of the indicator table and the service list, for numbering. */
  readonly tableBoxes: readonly NumberedItem[];
  readonly indicatorCategories: readonly IndicatorCategory[];
  readonly serviceTotal?: FigureStatement;
  readonly serviceAreas: readonly ServiceArea[];
  /** The 合计 of the plan's only appendix table; undefined when it prints several (each has its own). */
  readonly appendixTotal?: Amount;
  /** Every appendix section, table after table, in printed order. */
  readonly appendixSections: readonly AppendixSection[];
  /** The appendix tables in printed order: one for most plans, 附表1, 附表2 … for some. */
  readonly appendixTables: readonly AppendixTable[];
  readonly facts: readonly FigureStatement[];
  readonly sums: readonly DeclaredSum[];
  readonly counts: readonly DeclaredCount[];
  /** Old `accepted:` entries of plan.yaml: read as reviews with the verdict not-an-error. */
  readonly accepted: readonly Acceptance[];
  /** Parts of the published text a draft could not read (plan.yaml `draft.unread`): the rules that judge them do not run. */
  readonly unread: readonly UnreadPart[];
  /** Share of the source's numbers that must be covered (0–1), from plan.yaml; absent = not checked. */
  readonly coverageThreshold?: Rational;
  readonly reviews: readonly Review[];
  /** Verbatim texts to find in the source: names, contents, goals (not figures). */
  readonly verbatim: readonly VerbatimText[];
  readonly relations: readonly Relation[];
  readonly reach: readonly Reach[];
  /** The years printed over the indicator table's baseline and target columns, when transcribed. */
  readonly indicatorColumns?: { readonly baseline?: number; readonly target?: number; readonly at: SourceRef };
}
