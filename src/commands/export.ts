/** `plan export`: the whole loaded plan as one JSON document, or its tables as CSV files. */
import { run } from '../engine.js';
import { FORMATTERS } from '../formatters/index.js';
import { allFindings, batched, type FormatContext } from '../formatters/types.js';
import { type CommandContext, EXIT_INPUT, EXIT_OK, emit, exitCodeFor, languageFrom, writeFolder } from '../io/command-io.js';
import type { Lang } from '../model.js';
import { rulesOf } from '../rules/index.js';
import { say } from '../words.js';
import { planDirs } from './audit.js';
import { runView } from './view.js';

export interface ExportOptions {
  format: 'json' | 'csv';
  lang?: Lang;
  output?: string;
}

export async function exportCommand(path: string, options: ExportOptions, context: CommandContext): Promise<number> {
  return options.format === 'csv' ? exportCsv(path, options, context) : exportJson(path, options, context);
}

/** Keys whose numbers are figures or amounts: the export keeps their printed text (`3.0`) beside the value. */
const PRINTED_KEYS = new Set(['value', 'valueMax', 'investment', 'subtotal', 'total']);

function withPrintedNumbers(data: unknown, pointer: string, printed: (pointer: string, value: number) => string | undefined): unknown {
  if (Array.isArray(data)) return data.map((item, index) => withPrintedNumbers(item, `${pointer}/${index}`, printed));
  if (data === null || typeof data !== 'object') return data;
  // Keys are data: with no prototype, a key named __proto__ is a key like any other.
  const result = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    result[key] = withPrintedNumbers(value, child, printed);
    if (typeof value === 'number' && PRINTED_KEYS.has(key)) result[`${key}Text`] = printed(child, value) ?? String(value);
  }
  return result;
}

async function exportJson(path: string, options: ExportOptions, { io, version }: CommandContext): Promise<number> {
  const lang = languageFrom(io.env, options.lang);
  // One read: what is exported is exactly what was validated, even if a file changes meanwhile.
  const result = await run([path], { lang, audit: false, keepData: true });
  const findings = allFindings(result);
  const blocking = findings.filter((f) => f.severity === 'error');
  const [plan] = result.plans;
  if (result.plans.length !== 1 || blocking.length > 0 || !plan?.data) {
    const context: FormatContext = { lang, color: false, version, command: 'validate', rules: rulesOf('read'), groupBy: 'file' };
    for (const chunk of batched((await FORMATTERS.text())({ run: result, findings }, context))) io.stderr(chunk);
    if (result.plans.length > 1) {
      io.stderr(`plan: ${say(lang, 'exportOnePlan')}\n`);
      return EXIT_INPUT;
    }
    return exitCodeFor(findings, 'error') || EXIT_INPUT;
  }
  const files: Record<string, unknown> = {};
  for (const [kind, data] of plan.data) {
    const printed = plan.printed?.get(kind);
    files[kind] = printed ? withPrintedNumbers(data, '', printed) : data;
  }
  const document = { version, id: plan.id, dir: plan.dir, ...files };
  return emit(io, `${JSON.stringify(document, null, 2)}\n`, options.output, planDirs(result), lang) ? EXIT_OK : EXIT_INPUT;
}

/** CSV files into a folder: the plan is audited so the findings are among the tables. */
async function exportCsv(path: string, options: ExportOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const lang = languageFrom(io.env, options.lang);
  const folder = options.output;
  if (folder === undefined) {
    io.stderr(`plan: ${say(lang, 'csvNeedsOutput')}\n`);
    return EXIT_INPUT;
  }
  return runView([path], options.lang === undefined ? {} : { lang: options.lang }, context, async (input) => {
    if (input.plans.length > 1) {
      io.stderr(`plan: ${say(lang, 'exportOnePlan')}\n`);
      return { output: '', exitCode: EXIT_INPUT };
    }
    const { csvFiles } = await import('./export-csv.js');
    const written = writeFolder(io, folder, csvFiles(input, lang, process.cwd()), planDirs(input.run), lang);
    return written ? { output: written.map((file) => `${file}\n`).join('') } : { output: '', exitCode: EXIT_INPUT };
  });
}
