import stringWidth from 'string-width';
import { markdownText, visible } from '../formatters/safe-text.js';

/** A column of a view's table; numeric cells hold exact decimal text (`1625359`, `12.34`). */
export interface Column {
  readonly label: string;
  readonly numeric?: boolean;
}

/**
 * A table as the views hand it to a printer: every cell already a string, numbers as exact
 * decimal text without grouping, so CSV keeps them as printed and text adds the separators.
 */
export interface ViewTable {
  /** Stable name: the CSV file name and the HTML anchor. */
  readonly id: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly string[])[];
  /** A last row set apart (a total). */
  readonly footer?: readonly string[];
}

/** `1625359.5` → `1,625,359.5`: thousands grouped in the whole part only. */
export function groupDigits(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?(%?)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', percent] = match;
  return `${sign}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}${percent}`;
}

function displayRow(table: ViewTable, row: readonly string[]): string[] {
  return row.map((cell, index) => (table.columns[index]?.numeric ? groupDigits(cell) : visible(cell)));
}

/**
 * Terminal tables, each under its title: boxed, one line a row, numbers to the right, widths
 * in terminal columns (a Chinese character takes two). Written here rather than by cli-table3,
 * whose layout of 100 000 rows took quadratic time and then overflowed the stack.
 */
export function tablesAsText(tables: readonly ViewTable[]): string {
  return tables.map((view) => `${visible(view.title)}\n${textTable(view)}\n`).join('\n');
}

function textTable(view: ViewTable): string {
  const rows: string[][] = [view.columns.map((column) => column.label)];
  for (const row of view.rows) rows.push(displayRow(view, row));
  if (view.footer) rows.push(displayRow(view, view.footer));
  const count = view.columns.length;
  const widths = new Array<number>(count).fill(0);
  const cellWidths = rows.map((row) =>
    Array.from({ length: count }, (_, index) => {
      const width = stringWidth(row[index] ?? '');
      if (width > widths[index]!) widths[index] = width;
      return width;
    }),
  );
  const rule = (left: string, middle: string, right: string): string => `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}`;
  const lines = [rule('┌', '┬', '┐')];
  rows.forEach((row, r) => {
    const cells = widths.map((width, index) => {
      const text = row[index] ?? '';
      const padding = ' '.repeat(width - cellWidths[r]![index]!);
      return view.columns[index]?.numeric ? ` ${padding}${text} ` : ` ${text}${padding} `;
    });
    lines.push(`│${cells.join('│')}│`);
  });
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}

const markdownCell = (text: string): string => markdownText(text);

/** GitHub-flavoured Markdown tables, each under a heading. */
export function tablesAsMarkdown(tables: readonly ViewTable[]): string {
  return tables
    .map((view) => {
      const lines = [
        `### ${markdownCell(view.title)}`,
        '',
        `| ${view.columns.map((column) => markdownCell(column.label)).join(' | ')} |`,
        `| ${view.columns.map((column) => (column.numeric ? '---:' : '---')).join(' | ')} |`,
        ...view.rows.map((row) => `| ${displayRow(view, row).map(markdownCell).join(' | ')} |`),
        ...(view.footer ? [`| ${displayRow(view, view.footer).map((cell) => (cell ? `**${markdownCell(cell)}**` : '')).join(' | ')} |`] : []),
      ];
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}

/** A text cell Excel or WPS would run as a formula (`=`, `+`, `-`, `@`, or a control character first) is kept as text. */
function neutralised(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * RFC 4180 CSV as Excel and WPS open it with Chinese intact: UTF-8 with a byte-order mark and
 * CRLF line ends. Numeric cells are exact decimals as printed; text cells that a spreadsheet
 * would take for a formula are prefixed with an apostrophe.
 */
export function tableAsCsv(view: ViewTable): string {
  const lines = [view.columns.map((column) => csvCell(column.label))];
  for (const row of [...view.rows, ...(view.footer ? [view.footer] : [])]) {
    lines.push(row.map((cell, index) => csvCell(view.columns[index]?.numeric ? cell : neutralised(cell))));
  }
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
