import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '../model.js';
import { say } from '../words.js';
import { textColumns, wrapped } from '../views/table.js';
import { visible } from './safe-text.js';
import { addTallies, type PartContext, type PartedFormat, partedFormatter, summaryOf } from './types.js';

/** Related places shown under a finding; the rest are counted. */
const MAX_RELATED = 4;

function severityLabel(finding: Finding, context: PartContext, paint: ChalkInstance): string {
  const label = say(context.lang, finding.severity);
  if (finding.review) return paint.gray(label);
  return finding.severity === 'error' ? paint.red(label) : finding.severity === 'warning' ? paint.yellow(label) : paint.blue(label);
}

/** Indent of the lines under a finding's first line. */
const INDENT = '      ';

function findingLines(finding: Finding, context: PartContext, paint: ChalkInstance, showFile: boolean): string[] {
  const [primary, ...others] = finding.locations;
  const position = primary ? `${showFile ? `${primary.file}:` : ''}${primary.line}:${primary.column}` : '';
  const isNew = context.comparison?.state.get(finding) === 'new';
  const fresh = isNew ? `${paint.bold(say(context.lang, 'new'))}  ` : '';
  const { columns } = context;
  const head = `  ${paint.dim(visible(position))}  ${fresh}${severityLabel(finding, context, paint)}  `;
  const lines: string[] = [];
  // On a terminal, each line wraps to its width, the rest indented under the first.
  if (columns === undefined) lines.push(`${head}${visible(finding.message)}  ${paint.dim(finding.ruleId)}`);
  else {
    const headWidth = textColumns(`  ${position}  ${isNew ? `${say(context.lang, 'new')}  ` : ''}${say(context.lang, finding.severity)}  `);
    const [first = '', ...rest] = wrapped(`${visible(finding.message)}  ${finding.ruleId}`, Math.max(20, columns - headWidth));
    const tail = wrapped(rest.join(' '), Math.max(20, columns - INDENT.length)).filter(Boolean);
    const all = [first, ...tail];
    const last = all.length - 1;
    all[last] = all[last]!.endsWith(finding.ruleId) ? `${all[last]!.slice(0, -finding.ruleId.length)}${paint.dim(finding.ruleId)}` : all[last]!;
    lines.push(`${head}${all[0]}`, ...all.slice(1).map((line) => `${INDENT}${line}`));
  }
  const under = (text: string, style: (line: string) => string): void => {
    const shown = visible(text);
    for (const line of columns === undefined ? [shown] : wrapped(shown, Math.max(20, columns - INDENT.length))) lines.push(`${INDENT}${style(line)}`);
  };
  if (finding.detail) under(finding.detail, paint.dim);
  if (primary?.quote && finding.locations.length > 1) under(`${primary.ref ?? ''} “${clip(primary.quote)}”`, paint.dim);
  for (const other of others.slice(0, MAX_RELATED)) {
    const quote = other.quote ? ` “${clip(other.quote)}”` : '';
    under(`↳ ${other.file}:${other.line}:${other.column}  ${other.ref ?? ''}${quote}`, paint.dim);
  }
  const hidden = others.length - MAX_RELATED;
  if (hidden > 0) under(`↳ ${hidden === 1 ? say(context.lang, 'onePlaceMore') : say(context.lang, 'morePlaces', { n: hidden })}`, paint.dim);
  if (finding.review) {
    const { verdict, quote, reason } = finding.review;
    const said = [quote === undefined ? '' : `“${clip(quote)}”`, reason ?? ''].filter(Boolean).join(' ');
    const mark = `✓ ${say(context.lang, verdict)}`;
    under(`${mark}${said ? `: ${said}` : ''}`, (line) => (line.startsWith(mark) ? `${paint.green(mark)}${paint.gray(line.slice(mark.length))}` : paint.gray(line)));
  }
  return lines;
}

const clip = (text: string): string => (text.length > 50 ? `${text.slice(0, 50)}…` : text);

/** The summary's columns: the plan's name to the left, the counts to the right, the status to the left. */
const SUMMARY_RIGHT = [false, true, true, true, true, false];

/**
 * The summary table, boxed, with a rule between rows: a few lines, written here so that an
 * audit does not load a table library at start-up. Widths are in terminal columns (a Chinese
 * character takes two); the border is grey and the head bold when colour is on.
 */
function summaryTable(head: readonly string[], rows: readonly (readonly string[])[], paint: InstanceType<typeof Chalk>): string {
  const all = [head, ...rows];
  const widths = head.map((_, index) => Math.max(...all.map((row) => textColumns(row[index] ?? ''))));
  const rule = (left: string, middle: string, right: string): string => paint.gray(`${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`);
  const bar = paint.gray('│');
  const line = (row: readonly string[], style: (text: string) => string): string =>
    `${bar}${widths
      .map((w, index) => {
        const text = row[index] ?? '';
        const padding = ' '.repeat(w - textColumns(text));
        const shown = text ? style(text) : text;
        return SUMMARY_RIGHT[index] ? ` ${padding}${shown} ` : ` ${shown}${padding} `;
      })
      .join(bar)}${bar}`;
  const lines = [rule('┌', '┬', '┐'), line(head, (text) => paint.bold(text))];
  for (const row of rows) lines.push(rule('├', '┼', '┤'), line(row, (text) => text));
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}

/**
 * Findings grouped by file (or by rule), then a summary table per plan. Colour only when allowed.
 * Grouped by file, each plan's findings are a part of their own (a file belongs to one plan);
 * grouped by rule, all findings are one part.
 */
export const textFormat: PartedFormat = {
  parted: (context) => context.groupBy === 'file',
  *part(findings, context) {
    const paint = new Chalk({ level: context.color ? 1 : 0 });
    const groups = new Map<string, Finding[]>();
    for (const finding of findings) {
      // Reviewed findings are counted below the table, and listed only with --show-reviewed.
      if (finding.review && !context.showReviewed) continue;
      const key = context.groupBy === 'rule' ? finding.ruleId : (finding.locations[0]?.file ?? '');
      // Appended in place: rebuilding the group with a spread made 120 000 findings quadratic.
      const group = groups.get(key);
      if (group) group.push(finding);
      else groups.set(key, [finding]);
    }
    for (const [key, group] of groups) {
      yield `${paint.underline(visible(key))}\n`;
      for (const finding of group) for (const line of findingLines(finding, context, paint, context.groupBy === 'rule')) yield `${line}\n`;
      yield '\n';
    }
  },
  *whole(outline, parts, context) {
    const paint = new Chalk({ level: context.color ? 1 : 0 });
    const word = (id: Parameters<typeof say>[1]): string => say(context.lang, id);
    for (const part of parts) yield* part;
    const out: string[] = [];
    const rows: string[][] = [];
    for (const plan of outline.plans) {
      const s = summaryOf(plan.tally);
      const status = context.command === 'audit' ? (plan.audited ? word('audited') : word('notAudited')) : '';
      rows.push([visible(plan.id ?? plan.dir), String(s.error), String(s.warning), String(s.info), String(s.reviewed), status]);
    }
    const total = summaryOf(addTallies([outline.input, ...outline.plans.map((plan) => plan.tally)]));
    const inputCount = summaryOf(outline.input);
    if (outline.plans.length !== 1 || inputCount.error + inputCount.warning + inputCount.info + inputCount.reviewed > 0) {
      rows.push([word('total'), String(total.error), String(total.warning), String(total.info), String(total.reviewed), '']);
    }
    const table = summaryTable([word('plan'), word('error'), word('warning'), word('info'), word('reviewed'), ''], rows, paint);
    if (total.error + total.warning + total.info + total.reviewed === 0) out.push(paint.green(word('clean')));
    if (context.comparison) {
      const { base, counts } = context.comparison;
      out.push(say(context.lang, 'since', { base, ...counts }));
    }
    out.push(table);
    const hidden = context.showReviewed ? 0 : total.reviewed;
    if (hidden > 0) out.push(paint.dim(say(context.lang, 'reviewedHidden', { n: hidden })));
    yield `${out.join('\n')}\n`;
  },
};

export const textFormatter = partedFormatter(textFormat);
