import Table from 'cli-table3';
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

/** Terminal tables (cli-table3), each under its title. */
export function tablesAsText(tables: readonly ViewTable[]): string {
  return tables
    .map((view) => {
      const table = new Table({
        head: view.columns.map((column) => column.label),
        style: { head: [], border: [] },
        // One line a row: a separator after every row doubles the height of a long table.
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        colAligns: view.columns.map((column) => (column.numeric ? 'right' : 'left')),
      });
      for (const row of view.rows) table.push(displayRow(view, row));
      if (view.footer) table.push(displayRow(view, view.footer));
      return `${visible(view.title)}\n${table.toString()}\n`;
    })
    .join('\n');
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

/** U+2060 WORD JOINER: invisible, and not a digit, so a spreadsheet leaves the cell as text. */
const KEEP_AS_TEXT = '\u2060';

/**
 * A text cell that LibreOffice and Excel would turn into a number that shows otherwise (`4%` →
 * 0.04, `0.40` → 0.4, `1,000` → 1000, `3/4` → a date, `1e5`, `007`) starts with an invisible word
 * joiner, so it opens as printed. Plain whole numbers are left to be numbers: they show the same.
 */
function keptAsText(cell: string): string {
  const changed =
    /^[+-]?\d[\d,]*(\.\d+)?\s*%$/.test(cell) ||
    /^[+-]?\d*\.\d*0$/.test(cell) ||
    /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cell) ||
    /^\d{1,4}\/\d{1,2}(\/\d{1,4})?$/.test(cell) ||
    /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(cell) ||
    /^[+-]?0\d/.test(cell);
  return changed ? `${KEEP_AS_TEXT}${cell}` : cell;
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * RFC 4180 CSV as Excel and WPS open it with Chinese intact: UTF-8 with a byte-order mark and
 * CRLF line ends. Numeric cells are exact decimals as printed; text cells that a spreadsheet
 * would take for a formula are prefixed with an apostrophe, those it would take for a number
 * with an invisible word joiner.
 */
export function tableAsCsv(view: ViewTable): string {
  const lines = [view.columns.map((column) => csvCell(column.label))];
  for (const row of [...view.rows, ...(view.footer ? [view.footer] : [])]) {
    lines.push(row.map((cell, index) => csvCell(view.columns[index]?.numeric ? cell : keptAsText(neutralised(cell)))));
  }
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
