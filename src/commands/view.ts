/** What the views (summary, trace, facts, report, CSV export) share: audit the plans, then render. */
import { FORMATTERS } from '../formatters/index.js';
import { batched, type FormatContext } from '../formatters/types.js';
import { type CommandContext, DEFAULT_PATH, EXIT_INPUT, EXIT_OK, emit, exitCodeFor, expandPaths, languageFrom } from '../io/command-io.js';
import type { Lang } from '../model.js';
import { configForRun } from '../config.js';
import { rulesOf } from '../rules/index.js';
import { blocksViews, loadForViews, type ViewInput } from '../views/load.js';
import { planDirs } from './audit.js';

export interface ViewOptions {
  lang?: Lang;
  output?: string;
}

export interface ViewOutput {
  readonly output: string | Iterable<string>;
  readonly exitCode?: number;
}

/** Audits the plans for a view; a plan that cannot be audited is reported on stderr and the view is not printed. */
export async function runView(
  given: readonly string[],
  options: ViewOptions,
  { io, version }: CommandContext,
  render: (input: ViewInput, lang: Lang) => Promise<ViewOutput> | ViewOutput,
): Promise<number> {
  const settings = await configForRun(io.stderr, languageFrom(io.env, options.lang));
  if (!settings) return EXIT_INPUT;
  const { config } = settings;
  const lang = languageFrom(io.env, options.lang ?? config?.lang);
  const paths = expandPaths(given.length > 0 ? given : (config?.paths ?? [DEFAULT_PATH]), io, lang);
  if (!paths) return EXIT_INPUT;
  const input = await loadForViews(paths, lang, config);
  if (!input.complete) {
    const unaudited = [...input.run.inputFindings, ...input.run.plans.flatMap((plan) => (plan.audited ? plan.findings.filter(blocksViews) : plan.findings))];
    const context: FormatContext = { lang, color: false, version, command: 'validate', rules: rulesOf('read'), groupBy: 'file' };
    for (const chunk of batched((await FORMATTERS.text())({ run: input.run, findings: unaudited }, context))) io.stderr(chunk);
    return exitCodeFor(unaudited, 'error') || EXIT_INPUT;
  }
  const { output, exitCode = EXIT_OK } = await render(input, lang);
  return emit(io, output, options.output, planDirs(input.run), lang) ? exitCode : EXIT_INPUT;
}
