import { basename } from 'node:path';
import { compare, mul, parseDecimal, rational, sub, sum, toDecimalString, toFixedDecimal, toNumber } from '../decimal.js';
import { baseValue, printedFigure } from '../figures.js';
import { summarize } from '../formatters/types.js';
import { serialLabel, type Finding, type FindingReview, type Lang, type Project, type Severity } from '../model.js';
import { contextFinder } from '../report/context.js';
import { barChart, changeChart, clipLimit, spanChart, type Change } from '../report/charts.js';
import { anchorId } from '../report/escape.js';
import { renderReport } from '../report/html.js';
import type { FindingView, PlaceView, PlanReport, ProjectView, ReportModel } from '../report/model.js';
import { ruleDocUrl } from '../docs-links.js';
import { reviewText } from '../reviews/match.js';
import { findRule } from '../rules/index.js';
import type { AuditedPlan, ViewInput } from '../views/load.js';
import { findingsIndex } from '../views/places.js';
import { unitMeaning } from '../units.js';
import { fill, wordTable } from '../words.js';
import { projectMoney, spanPlace, summarizePlan } from './summary.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const HUNDRED = rational(100n);

function planReport(audited: AuditedPlan, anchors: Map<Finding, string>, lang: Lang): PlanReport {
  const { model, findings } = audited;
  const planAnchor = anchorId('plan', model.id);
  const context = model.sourceText === undefined ? () => undefined : contextFinder(model.sourceText);
  const view = (finding: Finding): FindingView => {
    const places = finding.locations.map((location): PlaceView => {
      const found = location.quote === undefined ? undefined : context(location.quote);
      return {
        // The plan's folder is shown once, in its identity.
        file: basename(location.file),
        line: location.line,
        column: location.column,
        ...(location.ref === undefined ? {} : { ref: location.ref }),
        ...(location.quote === undefined ? {} : { quote: location.quote }),
        ...(location.figure === undefined ? {} : { figure: location.figure }),
        ...(found ? { context: found } : {}),
      };
    });
    return {
      id: anchors.get(finding)!,
      severity: finding.severity,
      rule: finding.ruleId,
      message: finding.message,
      ...(finding.detail === undefined ? {} : { detail: finding.detail }),
      places,
      // A review's quote that the finding already shows (in its message or its places) is not printed again.
      ...(finding.review ? { accepted: reviewText(withoutShownQuote(finding.review, shownText(finding.message, places)), lang) } : {}),
    };
  };
  const grouped = SEVERITIES.map((severity) => {
    const rules = new Map<string, Finding[]>();
    for (const finding of findings) {
      if (finding.severity !== severity) continue;
      const list = rules.get(finding.ruleId);
      if (list) list.push(finding);
      else rules.set(finding.ruleId, [finding]);
    }
    return {
      severity,
      rules: [...rules].map(([rule, list]) => ({ rule, doc: ruleDocUrl(rule), findings: list.map(view) })),
    };
  }).filter((group) => group.rules.length > 0);

  const summary = summarizePlan(audited);
  const findingsAt = findingsIndex(findings);
  // Several tables: each section and serial names its table (附表2 一, 附表2-11), as the document does.
  const several = model.appendixTables.length > 1;
  const projectView = (project: Project): ProjectView => ({
    serial: serialLabel(project),
    name: project.name,
    years: project.start === undefined ? '—' : `${project.start}–${project.end ?? '?'}`,
    outside: !['within', 'not-stated'].includes(spanPlace(project, model.period)),
    investment: project.investment?.text ?? '',
    findings: findingsAt(project.at).map((f) => ({ id: anchors.get(f)!, rule: f.ruleId, severity: f.severity })),
  });
  // A divided section's row holds the projects standing in it; each part's row follows with its own.
  const sections = model.appendixSections.flatMap((section, index) => {
    const inParts = new Set(section.parts.flatMap((part) => part.projects));
    return [
      {
        numeral: several && section.table !== undefined ? `附表${section.table} ${section.label}` : section.label,
        name: section.name,
        subtotal: section.subtotal?.text ?? '',
        sum: summary.sections[index]!.investment,
        projects: section.projects.filter((project) => !inParts.has(project)).map(projectView),
      },
      ...section.parts.map((part) => ({
        numeral: `（${part.label}）`,
        name: part.name,
        subtotal: part.subtotal?.text ?? '',
        sum: toDecimalString(sum(part.projects.map(projectMoney))),
        part: true,
        projects: part.projects.map(projectView),
      })),
    ];
  });

  const projects = model.appendixSections.flatMap((section) => section.projects);
  const spans = projects
    .filter((p) => p.start !== undefined && p.end !== undefined)
    .map((p) => ({ label: `${several && p.table !== undefined ? `附表${p.table}-${serialLabel(p)}` : serialLabel(p)} ${p.name}`, start: p.start!, end: p.end!, outside: spanPlace(p, model.period) !== 'within' }));
  const indicators = model.indicatorCategories.flatMap((category) => category.indicators);
  const words = wordTable(lang, 'report');
  // Indicators in % change by percentage points (91% → 95% is +4.0 points, not +4.4%); the
  // others by percent of their baseline. Two scales, so two charts.
  const points: Change[] = [];
  const relative: Change[] = [];
  for (const indicator of indicators) {
    const baseline = baseValue(indicator.baseline);
    const target = baseValue(indicator.target);
    if (baseline === undefined || target === undefined) continue;
    const inPoints = unitMeaning(indicator.baseline.unit).dimension === 'percent' && unitMeaning(indicator.target.unit).dimension === 'percent';
    if (!inPoints && baseline.num === 0n) continue;
    const change = inPoints ? sub(target, baseline) : mul(mul(sub(target, baseline), HUNDRED), rational(baseline.den, baseline.num));
    const signed = `${compare(change, rational(0n)) > 0 ? '+' : ''}${toFixedDecimal(change, 1)}`;
    const text = `${printedFigure(indicator.baseline)} → ${printedFigure(indicator.target)} ${inPoints ? fill(words.points, { n: signed }) : `${signed}%`}`;
    (inPoints ? points : relative).push({ label: `${indicator.label} ${indicator.name}`, value: toNumber(change), text });
  }
  return {
    id: model.id,
    anchor: planAnchor,
    title: model.title,
    ...(model.issuer === undefined ? {} : { issuer: model.issuer }),
    ...(model.documentNumber === undefined ? {} : { documentNumber: model.documentNumber }),
    ...(model.date === undefined ? {} : { date: model.date }),
    period: model.period,
    moneyUnit: model.moneyUnit,
    folder: model.dir,
    counts: summarize(findings),
    findings: grouped,
    summary,
    sections,
    charts: {
      investment: barChart(summary.sections.map((s) => ({ label: `${s.numeral} ${s.name}`, value: toNumber(parseDecimal(s.investment)!), text: s.investment }))),
      years: spans.length > 0 ? spanChart(spans, model.period) : '',
      indicatorPoints: points.length > 0 ? changeChart(points, 'points') : '',
      indicators: relative.length > 0 ? changeChart(relative, 'percent') : '',
    },
    indicatorsCut: clipLimit(relative.map((c) => c.value)) !== undefined,
    indicatorsNotDrawn: indicators.length - points.length - relative.length,
  };
}

/**
 * Gives every finding an HTML id, `f-` and the last 8 hex digits of its fingerprint (unique
 * within one report, a suffix when not): a link to a finding stays valid from run to run.
 */
function findingAnchors(plans: readonly AuditedPlan[]): Map<Finding, string> {
  const anchors = new Map<Finding, string>();
  const used = new Set<string>();
  for (const plan of plans) {
    for (const finding of plan.findings) {
      const short = finding.fingerprint.slice(-8);
      let id = anchorId('f', short);
      for (let n = 2; used.has(id); n++) id = anchorId('f', short, String(n));
      used.add(id);
      anchors.set(finding, id);
    }
  }
  return anchors;
}

/** The data of `plan report`: each plan's identity, findings with their context, charts and projects. */
export function reportModel(input: ViewInput, options: { lang: Lang; version: string; generatedAt: string }): ReportModel {
  const anchors = findingAnchors(input.plans);
  const ruleIds = [...new Set(input.plans.flatMap((plan) => plan.findings.map((f) => f.ruleId)))].sort();
  return {
    ...options,
    plans: input.plans.map((plan) => planReport(plan, anchors, options.lang)),
    rules: ruleIds.map((id) => ({ id, description: findRule(id)?.description[options.lang] ?? '', doc: ruleDocUrl(id) })),
  };
}

/** `plan report`: one self-contained HTML file. */
export function reportCommand(input: ViewInput, options: { lang: Lang; version: string; generatedAt: string }): Iterable<string> {
  return renderReport(reportModel(input, options));
}

/** The text a finding shows: its message, and each place's quote in its context. */
function shownText(message: string, places: readonly PlaceView[]): string {
  return [message, ...places.map((p) => (p.context ? `${p.context.before}${p.context.quote}${p.context.after}` : (p.quote ?? '')))].join('\n');
}

/** The review without its quote when the finding already shows that text. */
function withoutShownQuote(review: FindingReview, shown: string): FindingReview {
  const quote = review.quote;
  if (quote === undefined || !shown.includes(quote)) return review;
  return { verdict: review.verdict, file: review.file, pointer: review.pointer, ...(review.reason === undefined ? {} : { reason: review.reason }) };
}
