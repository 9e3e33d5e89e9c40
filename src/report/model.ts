/**
 * What `plan report` shows, as data: commands/report.ts builds it from an audit, report/html.ts
 * renders it. It lives here, beside its renderer, so that neither imports the other's module.
 */
import type { PlanSummary } from '../commands/summary.js';
import type { Summary } from '../formatters/types.js';
import type { Lang, Severity } from '../model.js';
import type { QuoteContext } from './context.js';

export interface PlaceView {
  readonly ref?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly quote?: string;
  /** The disputed figure inside the quote, marked alone; the quote and its sentence are the context. */
  readonly figure?: string;
  /** The quote inside its sentence or table row in source.txt, when it is found there. */
  readonly context?: QuoteContext;
}

export interface FindingView {
  /** The HTML id: a link to `#id` opens this finding. */
  readonly id: string;
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
  /** The fact key and intervals behind the message, when the rule words them apart. */
  readonly detail?: string;
  readonly places: readonly PlaceView[];
  /** The plan's written reason, when it accepts the finding. */
  readonly accepted?: string;
}

export interface RuleGroup {
  readonly rule: string;
  /** The rule's page, docs/rules/<id>.md (see docs-links.ts). */
  readonly doc: string;
  readonly findings: readonly FindingView[];
}

export interface ProjectView {
  readonly serial: string;
  readonly name: string;
  readonly years: string;
  readonly outside: boolean;
  readonly investment: string;
  readonly findings: readonly { readonly id: string; readonly rule: string; readonly severity: Severity }[];
}

export interface PlanReport {
  readonly id: string;
  readonly anchor: string;
  readonly title: string;
  readonly issuer?: string;
  readonly documentNumber?: string;
  readonly date?: string;
  readonly period: { readonly start: number; readonly end: number };
  readonly moneyUnit: string;
  /** The folder the plan was read from, as given. */
  readonly folder: string;
  readonly counts: Summary;
  readonly findings: readonly { readonly severity: Severity; readonly rules: readonly RuleGroup[] }[];
  readonly summary: PlanSummary;
  /** The appendix's rows in printed order: each section, then each of its parts (（一）, marked `part`), with the projects under it. */
  readonly sections: readonly { readonly numeral: string; readonly name: string; readonly subtotal: string; readonly sum: string; readonly part?: boolean; readonly projects: readonly ProjectView[] }[];
  /** Inline SVG: investment by section, construction years, indicators in % (percentage points) and the others (percent of the baseline). */
  readonly charts: { readonly investment: string; readonly years: string; readonly indicatorPoints: string; readonly indicators: string };
  /** Some bar of the indicators' chart (percent of the baseline) is too long for its axis and cut. */
  readonly indicatorsCut: boolean;
  /** Indicators left out of the chart: a side not numeric, or a zero baseline. */
  readonly indicatorsNotDrawn: number;
}

export interface ReportModel {
  readonly lang: Lang;
  readonly version: string;
  /** ISO 8601, when the report was made. */
  readonly generatedAt: string;
  readonly plans: readonly PlanReport[];
  /** Each rule that found something, with its description: written once, at the end. */
  readonly rules: readonly { readonly id: string; readonly description: string; readonly doc: string }[];
}
