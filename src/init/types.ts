/**
 * The draft of a plan as the drafter's stages build it: the plan's identity, outline, tables,
 * boxes and prose figures, each guess with the check note that the YAML writer turns into a
 * `# check:` comment.
 */
import type { Place } from '../read/blocks.js';
import type { Structure, Unread } from './stages/structure.js';

export interface Fact {
  fact: string;
  readonly value?: string;
  readonly valueMax?: string;
  readonly text?: string;
  readonly unit: string;
  readonly approx?: boolean;
  readonly bound?: string;
  readonly cumulative?: boolean;
  period?: string;
  readonly quote?: string;
  /** Words around the figure, for pairing it with the same figure elsewhere. */
  readonly clause: string;
  /** What the figure is about: the clause's opening words and its own label. */
  readonly subject: string;
  readonly start: number;
  check?: string;
  /** Where it is printed in the published form (the paragraph of a prose figure). */
  readonly place?: Place;
}

export interface Cell {
  readonly value?: string;
  readonly text?: string;
  readonly bound?: string;
  readonly cumulative?: boolean;
  readonly approx?: boolean;
}

export interface Sum {
  readonly total: string;
  readonly parts: string[];
  /** The appendix tables whose 合计s are parts (附表1、附表2), by printed number. */
  readonly tables?: number[];
  readonly check: string;
}

export interface Count {
  readonly fact: string;
  readonly items: string[];
  readonly open?: boolean;
  readonly check: string;
}

export interface Indicator {
  /** Where it is printed in the published form. */
  readonly place?: Place;
  readonly serial: number;
  readonly name: string;
  readonly fact: string;
  readonly unit: string;
  readonly baseline: Cell;
  readonly target: Cell;
  readonly attribute: '预期性' | '约束性';
  readonly better: 'higher' | 'lower' | 'none';
  readonly checks: string[];
}

export interface Project {
  /** Where it is printed in the published form. */
  readonly place?: Place;
  readonly serial: number;
  readonly name: string;
  readonly departments: string[];
  /** Absent when the table prints no column for it (建设性质, 建设地址). */
  readonly nature?: string | string[];
  readonly location?: string;
  readonly content: string;
  readonly start: number;
  readonly end: number;
  readonly investment: string;
  readonly facts: Fact[];
  readonly sums: Sum[];
  readonly counts: Count[];
  readonly checks: string[];
}

/** A section, or a part of one (（一）学前教育 under 一、教育). */
export interface AppendixGroup {
  readonly numeral: string;
  readonly name: string;
  /** 万元 (the money unit), as printed. */
  subtotal: string;
  readonly projects: Project[];
  readonly place?: Place;
}

export interface AppendixSection extends AppendixGroup {
  /** The （一）（二） the section is divided into, each holding some of the section's projects. */
  parts?: AppendixGroup[];
}

/** One appendix table of projects: its sections, subtotals and 合计. */
export interface AppendixTable {
  /** The printed number (附表2 → 2); 1 for a table printed as 附表 alone. */
  readonly number: number;
  readonly title: string;
  /** The 合计, in the money unit, as printed. */
  total: string;
  /** Set when the table numbers its projects from 1 again in each section. */
  numbering?: 'section';
  totalPlace?: Place;
  readonly place?: Place;
  readonly sections: AppendixSection[];
  readonly checks: string[];
}

export interface Work {
  readonly name: string;
  /** Serials of the linked projects, all in one table. */
  readonly projects: number[];
  /** The printed number of the table they are in, when the plan prints several. */
  readonly table?: number;
  /** The numeral of the section they are in, when their table numbers its projects section by section. */
  readonly section?: string;
  readonly check?: string;
}

export interface BoxItem {
  /** Where it is printed in the published form. */
  readonly place?: Place;
  readonly number: number;
  readonly title: string;
  readonly text?: string;
  readonly works: Work[];
  readonly facts: Fact[];
  readonly sums: Sum[];
  readonly counts: Count[];
}

export interface Box {
  /** Where it is printed in the published form. */
  readonly place?: Place;
  readonly number: number;
  readonly title: string;
  readonly chapter?: string;
  readonly items: BoxItem[];
}

export interface StatementGroup {
  readonly chapter?: string;
  readonly section?: string;
  readonly facts: Fact[];
  readonly sums: Sum[];
  readonly counts: Count[];
}

export interface ServiceArea {
  /** Where it is printed in the published form. */
  readonly place?: Place;
  readonly name: string;
  readonly goal?: string;
  readonly declared?: number;
  readonly itemsText: string;
  readonly items: string[];
  readonly checks: string[];
}

export interface Draft {
  readonly plan: {
    id: string;
    title?: string | undefined;
    issuer?: string | undefined;
    documentNumber?: string | undefined;
    date?: string | undefined;
    period?: { start: number; end: number } | undefined;
    moneyUnit: string;
    checks: string[];
  };
  readonly outline: Structure;
  indicators?: undefined | { box?: number; table?: string; title: string; note?: string; categories: { numeral: string; name: string; indicators: Indicator[]; place?: Place }[] };
  services?: undefined | { box: number; title: string; total?: Fact; areas: ServiceArea[] };
  readonly boxes: Box[];
  /** The appendix tables of projects (附表, or 附表1, 附表2 …), in printed order. */
  readonly tables: AppendixTable[];
  readonly statements: StatementGroup[];
  readonly unread: Unread[];
}

export interface Context {
  readonly draft: Draft;
  /** Names of the place the plan is for (from the issuer), which say nothing about a project. */
  readonly places: string[];
}
