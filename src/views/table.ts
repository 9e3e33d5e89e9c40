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

/** Columns a character takes in a terminal: two for the wide (CJK, full-width forms), one otherwise. */
function charColumns(code: number): number {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000
    ? 2
    : 1;
}

/** Width of a text in terminal columns. */
export function textColumns(text: string): number {
  let n = 0;
  for (const char of text) n += charColumns(char.codePointAt(0)!);
  return n;
}

/** Below this width a table is printed as records, one `label: value` line a cell. */
export const NARROW = 100;

/**
 * Widths of the columns' text so the table fits `width` terminal columns: the widest column
 * gives way first, down to the width of its label's longest word (or 8), and its cells wrap.
 * Undefined when the table fits as it is.
 */
function fittedWidths(view: ViewTable, natural: readonly number[], width: number): number[] | undefined {
  // Each column has a blank either side and a border before it; the last one a border after it.
  const room = width - (view.columns.length + 1) - 2 * view.columns.length;
  let total = natural.reduce((a, b) => a + b, 0);
  if (total <= room) return undefined;
  const widths = [...natural];
  const least = view.columns.map((column) => Math.max(8, ...column.label.split(/\s+/).map(textColumns)));
  while (total > room) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > least[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest]! -= 1;
    total -= 1;
  }
  return widths;
}

/** A table as records for a narrow terminal: each row a block of `label: value` lines, values wrapped. */
function tableAsRecords(view: ViewTable, rows: readonly (readonly string[])[], width: number): string {
  const labelWidth = Math.max(...view.columns.map((column) => textColumns(column.label)));
  const blocks = rows.map((row) =>
    row
      .map((cell, i) => {
        const label = view.columns[i]?.label ?? '';
        const pad = ' '.repeat(labelWidth - textColumns(label));
        return wrapped(cell, Math.max(10, width - labelWidth - 2))
          .map((line, n) => (n === 0 ? `${label}${pad}  ${line}` : `${' '.repeat(labelWidth + 2)}${line}`))
          .join('\n');
      })
      .join('\n'),
  );
  return blocks.join('\n\n');
}

/** A text cut into lines of at most `width` terminal columns (CJK wraps anywhere, other words at spaces where they can). */
export function wrapped(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const char of text) {
    const w = charColumns(char.codePointAt(0)!);
    // A wrapped line starts at its first word, not at the spaces between.
    if (char === ' ' && line === '' && lines.length > 0) continue;
    if (used + w > width && line) {
      const space = line.lastIndexOf(' ');
      if (space > 0 && w === 1 && char !== ' ') {
        lines.push(line.slice(0, space).trimEnd());
        line = line.slice(space + 1).trimStart();
        used = textColumns(line);
      } else {
        lines.push(line.trimEnd());
        line = '';
        used = 0;
        if (char === ' ') continue;
      }
    }
    line += char;
    used += w;
  }
  lines.push(line);
  return lines;
}

/**
 * Terminal tables, each under its title: boxed, one line a row, numbers to the right, widths
 * in terminal columns (a Chinese character takes two). Given a terminal's `width`, a table wider
 * than it wraps its widest cells; below 100 columns each row is printed as a record instead.
 * Without a width (output to a file or a pipe) every table has its full width. Written here
 * rather than by cli-table3, whose layout of 100 000 rows took quadratic time and then
 * overflowed the stack.
 */
export function tablesAsText(tables: readonly ViewTable[], width?: number): string {
  return tables
    .map((view) => {
      const rows: string[][] = [];
      for (const row of view.rows) rows.push(displayRow(view, row));
      if (view.footer) rows.push(displayRow(view, view.footer));
      if (width !== undefined && width < NARROW) return `${visible(view.title)}\n\n${tableAsRecords(view, rows, width)}\n`;
      return `${visible(view.title)}\n${textTable(view, rows, width)}\n`;
    })
    .join('\n');
}

function textTable(view: ViewTable, body: readonly (readonly string[])[], width: number | undefined): string {
  const rows: (readonly string[])[] = [view.columns.map((column) => column.label), ...body];
  const count = view.columns.length;
  const natural = new Array<number>(count).fill(0);
  const cellWidths = rows.map((row) =>
    Array.from({ length: count }, (_, index) => {
      const cellWidth = textColumns(row[index] ?? '');
      if (cellWidth > natural[index]!) natural[index] = cellWidth;
      return cellWidth;
    }),
  );
  const fitted = width === undefined ? undefined : fittedWidths(view, natural, width);
  const widths = fitted ?? natural;
  const rule = (left: string, middle: string, right: string): string => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`;
  const cell = (text: string, textWidth: number, index: number): string => {
    const padding = ' '.repeat(Math.max(0, widths[index]! - textWidth));
    return view.columns[index]?.numeric ? ` ${padding}${text} ` : ` ${text}${padding} `;
  };
  const lines = [rule('┌', '┬', '┐')];
  rows.forEach((row, r) => {
    if (!fitted || widths.every((w, index) => cellWidths[r]![index]! <= w)) {
      lines.push(`│${widths.map((_, index) => cell(row[index] ?? '', cellWidths[r]![index]!, index)).join('│')}│`);
      return;
    }
    // A cell wider than its column wraps; the row is as many lines as its longest cell.
    const parts = widths.map((w, index) => (cellWidths[r]![index]! <= w ? [row[index] ?? ''] : wrapped(row[index] ?? '', w)));
    const height = Math.max(...parts.map((part) => part.length));
    for (let line = 0; line < height; line++) {
      lines.push(`│${parts.map((part, index) => cell(part[line] ?? '', textColumns(part[line] ?? ''), index)).join('│')}│`);
    }
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

const FORMULA_LEADERS = '=+-@';

/**
 * A text cell Excel, WPS or LibreOffice would run as a formula is kept as text: one that starts
 * with `=`, `+`, `-` or `@`, also after blanks, line breaks or control characters (which they
 * skip: ` =1+1`, a NUL then `=`), and one that starts with a control character at all.
 */
export function neutralised(cell: string): string {
  if (cell.length > 0 && cell.charCodeAt(0) < 0x20) return `'${cell}`;
  let first = 0;
  while (first < cell.length && (cell.charCodeAt(first) < 0x20 || /\s/.test(cell[first]!))) first++;
  return first < cell.length && FORMULA_LEADERS.includes(cell[first]!) ? `'${cell}` : cell;
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
