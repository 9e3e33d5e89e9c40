import type { Lang } from '../model.js';
import type { ViewInput } from '../views/load.js';
import { tablesAsMarkdown, tablesAsText } from '../views/table.js';
import { allFacts, factsTable } from './trace.js';

export type FactsFormat = 'text' | 'json' | 'markdown';

/** `plan facts`: every fact with its number of statements and whether they agree. */
export function factsCommand(input: ViewInput, options: { format: FactsFormat; lang: Lang; version: string; width?: number | undefined }): string {
  const traces = allFacts(input.plans);
  if (options.format === 'json') {
    const facts = traces.map((t) => ({
      plan: t.plan,
      fact: t.fact,
      ...(t.period === undefined ? {} : { period: t.period }),
      statements: t.statements.length,
      printed: t.statements.map((s) => s.printed),
      verdict: t.verdict,
    }));
    return `${JSON.stringify({ version: options.version, facts }, null, 2)}\n`;
  }
  const table = factsTable(traces, options.lang);
  return options.format === 'markdown' ? tablesAsMarkdown([table]) : tablesAsText([table], options.width);
}
