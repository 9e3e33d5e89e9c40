import { coverageOf, type CoverageReport } from '../coverage.js';
import { run, type RunResult } from '../engine.js';
import { FORMATTERS } from '../formatters/index.js';
import { allFindings, batched, type FormatContext } from '../formatters/types.js';
import { type CommandContext, DEFAULT_PATH, EXIT_INPUT, exitCodeFor, expandPaths, languageFrom } from '../io/command-io.js';
import { rulesOf } from '../rules/index.js';
import type { Lang } from '../model.js';
import { say } from '../words.js';

export interface PlanCoverage {
  readonly id: string;
  readonly dir: string;
  readonly report: CoverageReport;
}

export interface CoverageResult {
  /** The validation run: plans with errors have no coverage. */
  readonly run: RunResult;
  readonly plans: readonly PlanCoverage[];
}

/** `plan coverage`: how much of each plan's source text its data transcribes. */
export async function coverage(paths: readonly string[], options: { lang: Lang; maxFileBytes?: number }): Promise<CoverageResult> {
  const plans: PlanCoverage[] = [];
  const result = await run(paths, {
    lang: options.lang,
    audit: false,
    ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
    onModel(plan) {
      const report = coverageOf(plan);
      if (report) plans.push({ id: plan.id, dir: plan.dir, report });
    },
  });
  return { run: result, plans };
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let columns = 0;
  for (const c of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  return columns;
}

const pad = (text: string, columns: number): string => text + ' '.repeat(Math.max(0, columns - width(text)));
const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((part * 1000 + whole / 2) / whole / 10).toFixed(1)}%`);

/** The coverage table per region and the list of untranscribed numbers, as text. */
export function formatCoverage(result: CoverageResult, lang: Lang): string {
  const out: string[] = [];
  for (const { id, dir, report } of result.plans) {
    out.push(`${id} (${dir})`, '');
    const header = (['coverageRegion', 'coverageNumbers', 'coverageFigures', 'coverageNotFigures', 'coverageUntranscribed', 'coverageShare'] as const).map((id) => say(lang, id));
    const rows = report.regions.map((r) => [r.region, String(r.numbers), String(r.figures), String(r.notFigures), String(r.untranscribed), percent(r.figures + r.notFigures, r.numbers)]);
    const sum = (key: 'numbers' | 'figures' | 'notFigures' | 'untranscribed'): number => report.regions.reduce((total, r) => total + r[key], 0);
    rows.push([say(lang, 'total'), String(sum('numbers')), String(sum('figures')), String(sum('notFigures')), String(sum('untranscribed')), percent(report.covered.num, report.covered.den)]);
    const widths = header.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i]!))));
    for (const row of [header, ...rows]) out.push(row.map((cell, i) => (i === 0 ? pad(cell, widths[i]!) : ' '.repeat(widths[i]! - width(cell)) + cell)).join('  ').trimEnd());
    const missing = report.numbers.filter((n) => n.kind === 'untranscribed');
    out.push('', missing.length === 0 ? say(lang, 'coverageNone') : say(lang, 'coverageList', { n: missing.length }));
    for (const number of missing) out.push(`  source.txt:${number.line}  ${pad(number.text, 8)}  ${number.region}  …${number.context}…`);
    out.push('');
  }
  if (result.plans.length === 0) out.push(say(lang, 'coverageNoSource'), '');
  return out.join('\n');
}

/** `plan coverage` on the command line: blocking errors on stderr, the coverage on stdout. */
export async function coverageCommand(paths: readonly string[], options: { format: 'text' | 'json'; lang?: Lang; maxFileSize?: number }, { io, version }: CommandContext): Promise<number> {
  const lang = languageFrom(io.env, options.lang);
  // Quoted globs expanded as every other command expands them.
  const expanded = expandPaths(paths.length > 0 ? paths : [DEFAULT_PATH], io, lang);
  if (!expanded) return EXIT_INPUT;
  const result = await coverage(expanded, { lang, ...(options.maxFileSize === undefined ? {} : { maxFileBytes: options.maxFileSize }) });
  const findings = allFindings(result.run);
  const blocking = findings.filter((f) => f.severity === 'error');
  if (blocking.length > 0) {
    const context: FormatContext = { lang, color: false, version, command: 'validate', rules: rulesOf('read'), groupBy: 'file' };
    for (const chunk of batched((await FORMATTERS.text())({ run: result.run, findings: blocking }, context))) io.stderr(chunk);
  }
  if (options.format === 'json') io.stdout(`${JSON.stringify({ version, plans: result.plans }, null, 2)}\n`);
  else io.stdout(formatCoverage(result, lang));
  return exitCodeFor(blocking, 'error');
}
