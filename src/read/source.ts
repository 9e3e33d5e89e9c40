/** `source.txt` from the document model: the text in reading order, each line with its place. */
import type { Block, DocumentModel, Place } from './blocks.js';
import { cellLine, squeeze } from './lines.js';

/** `source.txt` of a model: its text in reading order, and the place each line came from. */
export interface SourceTextOf {
  /** Lines joined by "\n", ending with one. */
  readonly text: string;
  /** `places[i]` is where line i + 1 of `text` stands in the published form. */
  readonly places: readonly Place[];
}

/** A heading as printed: its number, then its words ("第一章 总体要求", "一、指导思想"). */
export function headingLine(number: string | undefined, text: string): string {
  if (number === undefined || number === '') return text;
  if (text === '') return number;
  return /[、.．）)]$/.test(number) ? `${number}${text}` : `${number} ${text}`;
}

/**
 * The document's text in reading order, for `source.txt`: a heading or paragraph a line (a break
 * the form marks inside a paragraph starts a new line), a table one row a line with its cells
 * separated by a tab, a box its title and then its blocks; tables and boxes set off by blank lines.
 */
export function sourceTextOf(model: DocumentModel): SourceTextOf {
  const lines: string[] = [];
  const places: Place[] = [];
  const push = (line: string, place: Place): void => {
    lines.push(line);
    places.push(place);
  };
  const lastLine = (): string => {
    for (let index = lines.length - 1; index >= 0; index -= 1) if (lines[index] !== '') return lines[index]!;
    return '';
  };
  const blank = (place: Place): void => {
    if (lines.length > 0 && lines.at(-1) !== '') push('', place);
  };
  const write = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      switch (block.kind) {
        case 'heading':
          push(headingLine(block.number, block.text), block.place);
          break;
        case 'paragraph':
          for (const line of block.text.split('\n')) push(line, block.place);
          break;
        case 'table':
          blank(block.place);
          // The table's title (an HTML <caption>) is text of the document; a reader that took it from the heading above has written it already.
          if (block.caption !== undefined && block.caption !== '' && squeeze(lastLine()) !== squeeze(block.caption)) push(block.caption, block.place);
          for (const row of block.rows) push(row.cells.map((cell) => cellLine(cell.text).replace(/\t+/g, ' ')).join('\t'), row.place);
          blank(block.place);
          break;
        case 'box':
          blank(block.place);
          if (block.title !== '') push(block.title, block.place);
          write(block.blocks);
          blank(block.place);
          break;
      }
    }
  };
  write(model.blocks);
  while (lines.at(-1) === '') {
    lines.pop();
    places.pop();
  }
  return { text: `${lines.join('\n')}\n`, places };
}
