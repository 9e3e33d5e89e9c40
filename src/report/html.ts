import type { FindingView, PlanReport, ProjectView, ReportModel } from './model.js';
import { groupDigits } from '../views/table.js';
import { anchorId, escapeHtml as e } from './escape.js';
import { CHART_STYLES } from './charts.js';
import { STYLES } from './styles.js';
import { fill, wordTable, type WordTable } from '../words.js';


type Words = WordTable<'report'>;

/** The selector of a finding's review line (its one paragraph), whose label (已复核：) the style sheet writes before it. */
const ACCEPTED_LABEL = 'section.findings > ol > li > p::before';

/** One letter a severity: a report of 100 plans has thousands of findings and links. */
const SEVERITY_CLASS = { error: 'e', warning: 'w', info: 'i' } as const;

/**
 * Where a place is, and its quote in context. The document reference is left out where the
 * message already names it.
 */
function place(p: FindingView['places'][number], w: Words, message: string): { where: string; quote: string } {
  const where = `${p.ref && !message.includes(p.ref) ? `${e(p.ref)} · ` : ''}${e(p.file)}:${p.line}:${p.column}`;
  let quote = '';
  if (p.context) {
    const c = p.context;
    quote = `<q>${e(c.before)}${marked(c.quote, p.figure)}${e(c.after)}</q>`;
  } else if (p.quote) {
    quote = `<q>${marked(p.quote, p.figure)} <small>${w.notFound}</small></q>`;
  }
  return { where, quote };
}

/**
 * The places of a finding: one after its message, in small type; several as a numbered list whose
 * items the style sheet sets in small type, so none needs a <small> of its own, and whose end tags
 * are left out as HTML allows (as those of td are): a report of 100 plans has thousands of places.
 */
function places(f: FindingView, w: Words): string {
  const shown = f.places.map((p) => place(p, w, f.message));
  if (shown.length === 1) return `<small>${shown[0]!.where}</small>${shown[0]!.quote}`;
  return `<ol>${shown.map((p) => `<li>${p.where}${p.quote}`).join('')}</ol>`;
}

/**
 * The quote with what the finding is about marked: the disputed figure alone when the finding
 * names one (the quote around it is context, as the sentence is), else the whole quote.
 */
function marked(quote: string, figure: string | undefined): string {
  const at = figure ? quote.indexOf(figure) : -1;
  if (!figure || at < 0) return `<mark>${e(quote)}</mark>`;
  return `${e(quote.slice(0, at))}<mark>${e(figure)}</mark>${e(quote.slice(at + figure.length))}`;
}

/**
 * One finding as an item of its rule's numbered list: the item's end tag, and the review line's,
 * are implied by the next item (a report of 100 plans has thousands of findings).
 */
function finding(f: FindingView, w: Words): string {
  return (
    // The anchor is quoted as anchors are usually written (id="f-…"), for tools that look for it.
    `<li id="${f.id}"><a href=#${f.id}>¶</a>${e(f.message)}` +
    // The detail is a block of its own (the style sheet's): no <br> before it.
    (f.detail === undefined ? '' : `<small>${e(f.detail)}</small>`) +
    (f.places.length === 0 ? '' : places(f, w)) +
    // The label 已复核 is the style sheet's (ACCEPTED_LABEL): printed and shown, written once.
    (f.accepted === undefined ? '' : `<p>${e(f.accepted)}`)
  );
}

function projectRow(p: ProjectView, w: Words): string {
  // The severity names the link (in words, not only in colour); the finding it opens names the rule.
  const links = p.findings.map((f) => `<a href=#${f.id}>${w.short[f.severity]}</a>`).join(' ');
  return (
    `<tr><td>${e(p.serial)}<td>${e(p.name)}` +
    (p.outside ? `<td class=o>${e(p.years)} ⚑` : `<td>${e(p.years)}`) +
    `<td>${e(groupDigits(p.investment))}<td>${links}`
  );
}

function plan(p: PlanReport, w: Words): string {
  const a = p.anchor;
  const identity = [
    [w.issuer, p.issuer],
    [w.number, p.documentNumber],
    [w.date, p.date],
    [w.period, `${p.period.start}–${p.period.end}`],
    [w.unit, p.moneyUnit],
    [w.folder, p.folder],
  ]
    .filter(([, value]) => value !== undefined)
    .map(([label, value]) => `<dt>${label}<dd>${e(value!)}`)
    .join('');
  // As `plan audit` counts: the findings not reviewed by severity, then the reviewed ones; the headings below count them all.
  const counts = `<p class=counts>${fill(w.summary, { ...p.counts })}</p>`;
  const findings =
    p.findings.length === 0
      ? `<p>${w.none}</p>`
      : p.findings
          .map(
            (group) =>
              `<h3 id=${a}-${group.severity}>${w[group.severity]}（${group.rules.reduce((n, r) => n + r.findings.length, 0)}）</h3>` +
              group.rules.map((rule) => `<h4><a href="${e(rule.doc)}">${e(rule.rule)}</a></h4><ol class=${SEVERITY_CLASS[group.severity]}>${rule.findings.map((f) => finding(f, w)).join('')}</ol>`).join(''),
          )
          .join('');
  const t = p.summary.total;
  const projects =
    `<table class=project-table><thead><tr><th class=num>${w.serial}<th>${w.name}<th class=num>${w.yearsColumn}<th class=num>${w.money}（${e(p.moneyUnit)}）<th>${w.related}<tbody>` +
    p.sections
      .map(
        (s) =>
          `<tr class=${s.part ? '"subtotal part"' : 'subtotal'}><td>${e(s.numeral)}<td colspan=2>${e(s.name)} · ${w.subtotal} ${e(groupDigits(s.subtotal))}<td>${e(groupDigits(s.sum))}<td>` +
          s.projects.map((row) => projectRow(row, w)).join(''),
      )
      .join('') +
    `<tr class=total><td><td colspan=2>${w.total}（${t.projects}）${t.stated === undefined ? '' : ` · ${w.statedTotal} ${e(groupDigits(t.stated))}`}<td>${e(groupDigits(t.investment))}<td></table><p class=meta>⚑ ${w.outside}</p>`;
  const figure = (id: string, caption: string, svg: string): string => (svg ? `<figure id=${a}-${id}>${svg}<figcaption>${caption}</figcaption></figure>` : '');
  return (
    `<section class=plan id=${a}><h1>${e(p.title)}</h1><dl class=identity>${identity}</dl>${counts}` +
    `<section class=findings id=${a}-findings><h2>${w.findings}</h2>${findings}</section>` +
    `<section class=charts id=${a}-charts><h2>${w.charts}</h2>` +
    figure('chart-investment', `${w.investment}（${e(p.moneyUnit)}）`, p.charts.investment) +
    figure('chart-years', w.years, p.charts.years) +
    figure('chart-indicator-points', w.indicatorPoints, p.charts.indicatorPoints) +
    figure(
      'chart-indicators',
      `${w.indicators}${p.indicatorsCut ? `；${w.cut}` : ''}${p.indicatorsNotDrawn > 0 ? `；${fill(w.notDrawn, { n: p.indicatorsNotDrawn })}` : ''}`,
      p.charts.indicators,
    ) +
    `</section><section class=projects id=${a}-projects><h2>${w.projects}</h2>${projects}</section></section>`
  );
}

function contents(model: ReportModel, w: Words): string {
  const counted = (p: PlanReport, severity: 'error' | 'warning' | 'info'): string => {
    const n = p.findings.find((g) => g.severity === severity)?.rules.reduce((sum, r) => sum + r.findings.length, 0);
    return n === undefined ? '' : `<li><a href=#${p.anchor}-${severity}>${w[severity]}（${n}）</a>`;
  };
  // One plan: its parts; many plans: one line each, so the contents stay short.
  const items = model.plans.map((p) =>
    model.plans.length === 1
      ? `<li><a href=#${p.anchor}>${e(p.title)}</a><ol><li><a href=#${p.anchor}-findings>${w.findings}</a><ol>${counted(p, 'error')}${counted(p, 'warning')}${counted(p, 'info')}</ol><li><a href=#${p.anchor}-charts>${w.charts}</a><li><a href=#${p.anchor}-projects>${w.projects}</a></ol>`
      : `<li><a href=#${p.anchor}>${e(p.title)}</a> · ${e(p.id)} · ${w.error} ${p.counts.error} · ${w.warning} ${p.counts.warning} · ${w.info} ${p.counts.info}`,
  );
  return `<nav class="toc" id="contents"><strong>${w.contents}</strong><ol>${items.join('')}<li><a href="#rules">${w.rules}</a></ol></nav>`;
}

function rules(model: ReportModel, w: Words): string {
  const items = model.rules.map((rule) => `<dt id=${anchorId('rule', rule.id)}><a href="${e(rule.doc)}">${e(rule.id)}</a><dd>${e(rule.description)}`).join('');
  return `<section class="rules" id="rules"><h2>${w.rules}</h2><dl>${items}</dl></section>`;
}

/**
 * The report as one self-contained HTML page: styles inline, charts as inline SVG, no script,
 * no external file. Every text from the data is escaped. Written plan by plan.
 */
export function* renderReport(model: ReportModel): Generator<string> {
  const w = wordTable(model.lang, 'report');
  const title = model.plans.length === 1 ? `${w.report} · ${model.plans[0]!.title}` : w.report;
  yield `<!doctype html>\n<html lang="${w.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${e(title)}</title><style>${STYLES}${CHART_STYLES}\n${ACCEPTED_LABEL}{content:${JSON.stringify(w.accepted)}}</style></head><body>` +
    `<header><p class="meta">${w.report} · ${w.tool} plan ${e(model.version)} · ${w.generated} ${e(model.generatedAt)}</p></header>` +
    contents(model, w);
  for (const p of model.plans) yield plan(p, w);
  yield `${rules(model, w)}</body></html>\n`;
}
