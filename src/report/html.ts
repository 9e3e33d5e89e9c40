import type { FindingView, PlanReport, ProjectView, ReportModel } from '../commands/report.js';
import { groupDigits } from '../views/table.js';
import { anchorId, escapeHtml as e } from './escape.js';
import { CHART_TEXT_STYLES } from './charts.js';
import { STYLES } from './styles.js';

const WORDS = {
  zh: {
    report: '规划审核报告', generated: '生成', tool: '工具', contents: '目录', identity: '规划概况', issuer: '发文机关', number: '文号', date: '印发日期',
    period: '规划期', unit: '金额单位', findings: '审核发现', charts: '图表', projects: '重点项目表', error: '错误', warning: '警告', info: '提示',
    suppressed: '已接受', none: '未发现问题。', accepted: '已接受：', link: '链接', place: '位置', notFound: '（原文中未找到此引文）',
    investment: '按类别的投资', years: '各项目建设年限与规划期（阴影为规划期，深色为超出规划期的项目；标出每第五个及超出规划期的项目序号）', indicators: '主要指标：由基期到目标的变化',
    notDrawn: '未绘出 {n} 项（基期或目标非数值，或基期为零）', serial: '序号', name: '项目名称', yearsColumn: '建设年限', money: '投资', related: '相关发现', subtotal: '印刷小计', sum: '项目合计', total: '合计', statedTotal: '印刷合计',
    summary: '审核摘要', short: { error: '错误', warning: '警告', info: '提示' }, rules: '规则说明', folder: '数据文件夹', count: '数量', outside: '超出规划期', lang: 'zh-CN',
  },
  en: {
    report: 'Plan audit report', generated: 'generated', tool: 'tool', contents: 'Contents', identity: 'The plan', issuer: 'issuer', number: 'document number', date: 'date',
    period: 'plan period', unit: 'money unit', findings: 'Findings', charts: 'Charts', projects: 'Projects', error: 'Errors', warning: 'Warnings', info: 'Info',
    suppressed: 'accepted', none: 'No problems found.', accepted: 'accepted: ', link: 'link', place: 'place', notFound: '(quote not found in the source text)',
    investment: 'Investment by section', years: "Each project's construction years against the plan period (shaded; dark bars run outside it; every fifth project and every project outside it numbered)", indicators: 'Indicators: change from baseline to target',
    notDrawn: '{n} not drawn (a side not numeric, or a zero baseline)', serial: 'no.', name: 'project', yearsColumn: 'years', money: 'investment', related: 'findings', subtotal: 'printed subtotal', sum: 'sum of projects', total: 'total', statedTotal: 'printed total',
    summary: 'Audit summary', short: { error: 'error', warning: 'warning', info: 'info' }, rules: 'Rules', folder: 'data folder', count: 'count', outside: 'outside the plan period', lang: 'en',
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

/** One letter a severity: a report of 100 plans has thousands of findings and links. */
const SEVERITY_CLASS = { error: 'e', warning: 'w', info: 'i' } as const;

function place(p: FindingView['places'][number], w: Words, message: string): string {
  // End tags of li and td are optional in HTML: left out, they save a tenth of a large report.
  // The document reference is left out where the message already names it.
  const where = `<small>${p.ref && !message.includes(p.ref) ? `${e(p.ref)} · ` : ''}${e(p.file)}:${p.line}:${p.column}</small>`;
  let quote = '';
  if (p.context) {
    const c = p.context;
    quote = `<blockquote${c.row ? ' class="row"' : ''}>${e(c.before)}<mark>${e(c.quote)}</mark>${e(c.after)}</blockquote>`;
  } else if (p.quote) {
    quote = `<blockquote><mark>${e(p.quote)}</mark> <small>${w.notFound}</small></blockquote>`;
  }
  return `<li>${where}${quote}`;
}

function finding(f: FindingView, w: Words): string {
  const classes = `${SEVERITY_CLASS[f.severity]}${f.accepted === undefined ? '' : ' suppressed'}`;
  return (
    `<article class="${classes}" id="${f.id}"><a href="#${f.id}">¶</a>${e(f.message)}` +
    (f.places.length === 1 ? place(f.places[0]!, w, f.message).slice('<li>'.length) : `<ol>${f.places.map((p) => place(p, w, f.message)).join('')}</ol>`) +
    (f.accepted === undefined ? '' : `<p class="status">${w.accepted}${e(f.accepted)}</p>`) +
    `</article>`
  );
}

function projectRow(p: ProjectView, w: Words): string {
  // The severity names the link; the finding it opens names the rule.
  const links = p.findings.map((f) => `<a href="#${f.id}" class="${SEVERITY_CLASS[f.severity]}">${w.short[f.severity]}</a>`).join(' ');
  return (
    `<tr><td>${e(p.serial)}<td>${e(p.name)}` +
    (p.outside ? `<td class="outside">${e(p.years)} ⚑` : `<td>${e(p.years)}`) +
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
    .map(([label, value]) => `<dt>${label}</dt><dd>${e(value!)}</dd>`)
    .join('');
  const counts = `<p class="counts">${w.summary}：${w.error} ${p.counts.error} · ${w.warning} ${p.counts.warning} · ${w.info} ${p.counts.info} · ${w.suppressed} ${p.counts.suppressed}</p>`;
  const findings =
    p.findings.length === 0
      ? `<p>${w.none}</p>`
      : p.findings
          .map(
            (group) =>
              `<h3 id="${a}-${group.severity}">${w[group.severity]}（${group.rules.reduce((n, r) => n + r.findings.length, 0)}）</h3>` +
              group.rules.map((rule) => `<h4><a href="#${anchorId('rule', rule.rule)}">${e(rule.rule)}</a></h4>${rule.findings.map((f) => finding(f, w)).join('')}`).join(''),
          )
          .join('');
  const t = p.summary.total;
  const projects =
    `<table class="project-table"><thead><tr><th class="num">${w.serial}</th><th>${w.name}</th><th class="num">${w.yearsColumn}</th><th class="num">${w.money}（${e(p.moneyUnit)}）</th><th>${w.related}</th></tr></thead><tbody>` +
    p.sections
      .map(
        (s) =>
          `<tr class="section-row"><td class="num">${e(s.numeral)}</td><td colspan="2">${e(s.name)} · ${w.subtotal} ${e(groupDigits(s.subtotal))}</td><td class="num">${e(groupDigits(s.sum))}</td><td></td></tr>` +
          s.projects.map((row) => projectRow(row, w)).join(''),
      )
      .join('') +
    `<tr class="total-row"><td></td><td colspan="2">${w.total}（${t.projects}）${t.stated === undefined ? '' : ` · ${w.statedTotal} ${e(groupDigits(t.stated))}`}</td><td class="num">${e(groupDigits(t.investment))}</td><td></td></tr></tbody></table><p class="meta">⚑ ${w.outside}</p>`;
  const figure = (id: string, caption: string, svg: string): string => (svg ? `<figure id="${a}-${id}">${svg}<figcaption>${caption}</figcaption></figure>` : '');
  return (
    `<section class="plan" id="${a}"><h1>${e(p.title)}</h1><dl class="identity">${identity}</dl>${counts}` +
    `<section class="findings" id="${a}-findings"><h2>${w.findings}</h2>${findings}</section>` +
    `<section class="charts" id="${a}-charts"><h2>${w.charts}</h2>` +
    figure('chart-investment', `${w.investment}（${e(p.moneyUnit)}）`, p.charts.investment) +
    figure('chart-years', w.years, p.charts.years) +
    figure('chart-indicators', `${w.indicators}${p.indicatorsNotDrawn > 0 ? `；${w.notDrawn.replace('{n}', String(p.indicatorsNotDrawn))}` : ''}`, p.charts.indicators) +
    `</section><section class="projects" id="${a}-projects"><h2>${w.projects}</h2>${projects}</section></section>`
  );
}

function contents(model: ReportModel, w: Words): string {
  const counted = (p: PlanReport, severity: 'error' | 'warning' | 'info'): string => {
    const n = p.findings.find((g) => g.severity === severity)?.rules.reduce((sum, r) => sum + r.findings.length, 0);
    return n === undefined ? '' : `<li><a href="#${p.anchor}-${severity}">${w[severity]}（${n}）</a>`;
  };
  // One plan: its parts; many plans: one line each, so the contents stay short.
  const items = model.plans.map((p) =>
    model.plans.length === 1
      ? `<li><a href="#${p.anchor}">${e(p.title)}</a><ol><li><a href="#${p.anchor}-findings">${w.findings}</a><ol>${counted(p, 'error')}${counted(p, 'warning')}${counted(p, 'info')}</ol><li><a href="#${p.anchor}-charts">${w.charts}</a><li><a href="#${p.anchor}-projects">${w.projects}</a></ol>`
      : `<li><a href="#${p.anchor}">${e(p.title)}</a> · ${e(p.id)} · ${w.error} ${p.counts.error} · ${w.warning} ${p.counts.warning} · ${w.info} ${p.counts.info}`,
  );
  return `<nav class="toc" id="contents"><strong>${w.contents}</strong><ol>${items.join('')}<li><a href="#rules">${w.rules}</a></ol></nav>`;
}

function rules(model: ReportModel, w: Words): string {
  const items = model.rules.map((rule) => `<dt id="${anchorId('rule', rule.id)}">${e(rule.id)}<dd>${e(rule.description)}`).join('');
  return `<section class="rules" id="rules"><h2>${w.rules}</h2><dl>${items}</dl></section>`;
}

/**
 * The report as one self-contained HTML page: styles inline, charts as inline SVG, no script,
 * no external file. Every text from the data is escaped. Written plan by plan.
 */
export function* renderReport(model: ReportModel): Generator<string> {
  const w = WORDS[model.lang];
  const title = model.plans.length === 1 ? `${w.report} · ${model.plans[0]!.title}` : w.report;
  yield `<!doctype html>\n<html lang="${w.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${e(title)}</title><style>${STYLES}${CHART_TEXT_STYLES}</style></head><body>` +
    `<header><p class="meta">${w.report} · ${w.tool} plan ${e(model.version)} · ${w.generated} ${e(model.generatedAt)}</p></header>` +
    contents(model, w);
  for (const p of model.plans) yield plan(p, w);
  yield `${rules(model, w)}</body></html>\n`;
}
