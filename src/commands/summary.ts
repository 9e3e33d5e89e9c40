import { compare, mul, rational, sum, toDecimalString, toFixedDecimal, ZERO, type Rational } from '../decimal.js';
import { baseValue, printedFigure } from '../figures.js';
import type { AppendixPart, Finding, Lang, PlanModel, Project, Severity } from '../model.js';
import type { AuditedPlan, ViewInput } from '../views/load.js';
import { tablesAsMarkdown, tablesAsText, type ViewTable } from '../views/table.js';
import { wordTable } from '../words.js';

/** A group of projects and what they add up to, exactly. */
export interface InvestmentRow {
  readonly name: string;
  readonly projects: number;
  /** Sum of the projects' investments, exact decimal text in the plan's money unit. */
  readonly investment: string;
  /** Share of the sum of all projects' investments, in percent, two places. */
  readonly share: string;
}

export interface SectionRow extends InvestmentRow {
  /** The table it stands in (`附表2`), when the plan prints several. */
  readonly table?: string;
  readonly numeral: string;
  /** The subtotal as printed, when the appendix states one. */
  readonly statedSubtotal?: string;
  /** The （一）（二） the section is divided into, each with its share of the whole appendix; only in JSON, as the section's rows already count them. */
  readonly parts?: readonly SectionRow[];
}

/** Where a project's construction years stand against the plan period. */
export type SpanPlace = 'within' | 'starts-before' | 'ends-after' | 'both-outside' | 'not-stated';

export interface SpanRow extends InvestmentRow {
  readonly place: SpanPlace;
}

export interface IndicatorRow {
  readonly category: string;
  readonly serial: string;
  readonly name: string;
  readonly unit: string;
  readonly baseline: string;
  readonly target: string;
  /** How the target moves from the baseline: up, down, same, or not comparable. */
  readonly change: 'up' | 'down' | 'same' | 'none';
  readonly better: 'higher' | 'lower' | 'none';
  readonly attribute: string;
}

/** A rule's findings by severity, reviewed ones included; `reviewed` counts those of them the plan has reviewed. */
export interface RuleRow {
  readonly rule: string;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly reviewed: number;
}

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly moneyUnit: string;
  readonly period: { readonly start: number; readonly end: number };
  readonly sections: readonly SectionRow[];
  /** Sum of every project's investment, and the grand total as printed. */
  readonly total: { readonly projects: number; readonly investment: string; readonly stated?: string };
  readonly departments: readonly InvestmentRow[];
  readonly natures: readonly InvestmentRow[];
  readonly spans: readonly SpanRow[];
  readonly indicators: readonly IndicatorRow[];
  readonly findings: readonly RuleRow[];
}

const HUNDRED = rational(100n);

function shareOf(part: Rational, whole: Rational): string {
  if (whole.num === 0n) return '—';
  return toFixedDecimal(mul(mul(part, HUNDRED), rational(whole.den, whole.num)), 2);
}

/** A project's investment, zero when it prints none. */
export function projectMoney(project: Project): Rational {
  return project.investment?.value ?? ZERO;
}

/** Projects grouped by a key, in the order each key first appears, each group summed exactly. */
function grouped(projects: readonly Project[], key: (project: Project) => string, total: Rational): InvestmentRow[] {
  const groups = new Map<string, Project[]>();
  for (const project of projects) {
    const name = key(project);
    const list = groups.get(name);
    if (list) list.push(project);
    else groups.set(name, [project]);
  }
  return [...groups].map(([name, members]) => {
    const money = sum(members.map(projectMoney));
    return { name, projects: members.length, investment: toDecimalString(money), share: shareOf(money, total) };
  });
}

export function spanPlace(project: Project, period: PlanModel['period']): SpanPlace {
  if (project.start === undefined || project.end === undefined) return 'not-stated';
  const before = project.start < period.start;
  const after = project.end > period.end;
  return before && after ? 'both-outside' : before ? 'starts-before' : after ? 'ends-after' : 'within';
}

function change(baseline: Rational | undefined, target: Rational | undefined): IndicatorRow['change'] {
  if (baseline === undefined || target === undefined) return 'none';
  const order = compare(target, baseline);
  return order > 0 ? 'up' : order < 0 ? 'down' : 'same';
}

function findingsByRule(findings: readonly Finding[]): RuleRow[] {
  const rows = new Map<string, Record<Severity | 'reviewed', number>>();
  for (const finding of findings) {
    const row = rows.get(finding.ruleId) ?? { error: 0, warning: 0, info: 0, reviewed: 0 };
    rows.set(finding.ruleId, row);
    // A reviewed finding keeps its severity: the errors of a published document stay errors, reviewed or not.
    row[finding.severity] += 1;
    if (finding.review) row.reviewed += 1;
  }
  return [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rule, counts]) => ({ rule, ...counts }));
}

/** A part's row of the sections table: numbered （一）, its projects summed exactly. */
function partRow(part: AppendixPart, total: Rational): SectionRow {
  const money = sum(part.projects.map(projectMoney));
  return {
    numeral: `（${part.label}）`,
    name: part.name,
    projects: part.projects.length,
    investment: toDecimalString(money),
    share: shareOf(money, total),
    ...(part.subtotal ? { statedSubtotal: part.subtotal.text } : {}),
  };
}

/** The plan in figures: investment by section, department, nature and years; the indicators; the findings by rule. */
export function summarizePlan({ model, findings }: AuditedPlan): PlanSummary {
  const projects = model.appendixSections.flatMap((section) => section.projects);
  const total = sum(projects.map(projectMoney));
  const several = model.appendixTables.length > 1;
  const sections = model.appendixSections.map((section) => {
    const money = sum(section.projects.map(projectMoney));
    return {
      ...(several && section.table !== undefined ? { table: `附表${section.table}` } : {}),
      numeral: section.label,
      name: section.name,
      projects: section.projects.length,
      investment: toDecimalString(money),
      share: shareOf(money, total),
      ...(section.subtotal ? { statedSubtotal: section.subtotal.text } : {}),
      ...(section.parts.length > 0 ? { parts: section.parts.map((part) => partRow(part, total)) } : {}),
    };
  });
  // Several tables: their printed 合计s together, when every table prints one.
  const totals = model.appendixTables.flatMap((table) => (table.total ? [table.total] : []));
  const statedTotal =
    model.appendixTotal?.text ?? (several && totals.length === model.appendixTables.length ? toDecimalString(sum(totals.map((total) => total.value))) : undefined);
  const spanOrder: SpanPlace[] = ['within', 'starts-before', 'ends-after', 'both-outside', 'not-stated'];
  const spans = spanOrder.flatMap((place) => {
    const members = projects.filter((project) => spanPlace(project, model.period) === place);
    if (members.length === 0) return [];
    const money = sum(members.map(projectMoney));
    const years = [...new Set(members.map((p) => (p.start === undefined ? '—' : `${p.start}–${p.end ?? '?'}`)))].sort();
    return [{ place, name: years.join(', '), projects: members.length, investment: toDecimalString(money), share: shareOf(money, total) }];
  });
  return {
    id: model.id,
    title: model.title,
    moneyUnit: model.moneyUnit,
    period: model.period,
    sections,
    total: {
      projects: projects.length,
      investment: toDecimalString(total),
      ...(statedTotal === undefined ? {} : { stated: statedTotal }),
    },
    // A project of several departments (or natures) is counted once, under all of them together, so the rows add up to the total.
    departments: grouped(projects, (p) => p.departments.join('、') || '—', total),
    natures: grouped(projects, (p) => p.nature.join('或') || '—', total),
    spans,
    indicators: model.indicatorCategories.flatMap((category) =>
      category.indicators.map((indicator) => ({
        category: category.name,
        serial: indicator.label,
        name: indicator.name,
        unit: indicator.unit,
        baseline: printedFigure(indicator.baseline),
        target: printedFigure(indicator.target),
        change: change(baseValue(indicator.baseline), baseValue(indicator.target)),
        better: indicator.better,
        attribute: indicator.attribute,
      })),
    ),
    findings: findingsByRule(findings),
  };
}




/** The summary as tables, for text, Markdown, CSV and the report. */
export function summaryTables(summary: PlanSummary, lang: Lang): ViewTable[] {
  const w = wordTable(lang, 'summary');
  const money = `${w.investment}（${summary.moneyUnit}）`;
  const investmentColumns = [
    { label: w.projects, numeric: true },
    { label: money, numeric: true },
    { label: w.share, numeric: true },
  ];
  const investmentCells = (row: InvestmentRow): string[] => [String(row.projects), row.investment, row.share];
  const totalCells = [String(summary.total.projects), summary.total.investment, summary.total.projects > 0 ? '100.00' : '—'];
  const tableColumn = summary.sections.some((row) => row.table !== undefined);
  const ruleTotal = (key: keyof Omit<RuleRow, 'rule'>): string => String(summary.findings.reduce((n, row) => n + row[key], 0));
  return [
    {
      id: 'sections',
      title: `${w.sections}（${summary.id}）`,
      // A table column only where the plan prints several tables.
      columns: [...(tableColumn ? [{ label: w.table }] : []), { label: w.numeral }, { label: w.section }, ...investmentColumns, { label: `${w.stated}（${summary.moneyUnit}）`, numeric: true }],
      rows: summary.sections.map((row) => [...(tableColumn ? [row.table ?? ''] : []), row.numeral, row.name, ...investmentCells(row), row.statedSubtotal ?? '']),
      footer: [...(tableColumn ? [''] : []), '', w.total, ...totalCells, summary.total.stated ?? ''],
    },
    {
      id: 'departments',
      title: w.departments,
      columns: [{ label: w.department }, ...investmentColumns],
      rows: summary.departments.map((row) => [row.name, ...investmentCells(row)]),
      footer: [w.total, ...totalCells],
    },
    {
      id: 'natures',
      title: w.natures,
      columns: [{ label: w.nature }, ...investmentColumns],
      rows: summary.natures.map((row) => [row.name, ...investmentCells(row)]),
      footer: [w.total, ...totalCells],
    },
    {
      id: 'spans',
      title: `${w.spans}（${summary.period.start}–${summary.period.end}）`,
      columns: [{ label: w.place }, { label: w.years }, ...investmentColumns],
      rows: summary.spans.map((row) => [w[row.place], row.name, ...investmentCells(row)]),
      footer: [w.total, '', ...totalCells],
    },
    {
      id: 'indicators',
      title: w.indicators,
      columns: [{ label: w.category }, { label: w.serial }, { label: w.indicator }, { label: w.unit }, { label: w.baseline }, { label: w.target }, { label: w.change }, { label: w.better }, { label: w.attribute }],
      rows: summary.indicators.map((row) => [row.category, row.serial, row.name, row.unit, row.baseline, row.target, w[row.change], row.better === 'none' ? w.neutral : w[row.better], row.attribute]),
    },
    {
      id: 'findings-by-rule',
      title: w.findings,
      columns: [{ label: w.rule }, { label: w.error, numeric: true }, { label: w.warning, numeric: true }, { label: w.info, numeric: true }, { label: w.reviewed, numeric: true }],
      rows: summary.findings.map((row) => [row.rule, String(row.error), String(row.warning), String(row.info), String(row.reviewed)]),
      footer: [w.total, ruleTotal('error'), ruleTotal('warning'), ruleTotal('info'), ruleTotal('reviewed')],
    },
  ];
}

export type SummaryFormat = 'text' | 'json' | 'markdown';

/** `plan summary`: every plan's summary in the chosen format. */
export function summaryCommand(input: ViewInput, options: { format: SummaryFormat; lang: Lang; version: string; width?: number | undefined }): string {
  const summaries = input.plans.map(summarizePlan);
  if (options.format === 'json') return `${JSON.stringify({ version: options.version, plans: summaries }, null, 2)}\n`;
  const tables = summaries.flatMap((summary) => summaryTables(summary, options.lang));
  return options.format === 'markdown' ? tablesAsMarkdown(tables) : tablesAsText(tables, options.width);
}
