/**
 * A table a writer split by hand where a page broke it: the rest of the table printed as a table
 * of its own under a label (续表, 续表1, 附表1（续）), its header row printed again or not. Word
 * repeats a header row by itself; a drafter who does not know that types the label and the header
 * on the next page, and a web page or .docx made from such a document keeps two tables. They are
 * one table here, in every form, the label and the repeated header recorded as dropped.
 */
import type { Block, DocumentModel, Dropped, TableBlock } from './blocks.js';
import { CONTINUED, squeeze } from './lines.js';
import { headingLine } from './source.js';


/** A table's header row as a key: its cells' text, spaces left out. */
const headerKey = (table: TableBlock): string => table.rows[0]?.cells.map((cell) => squeeze(cell.text)).join('|') ?? '';

/** The label's text, when a block is one. */
function labelOf(block: Block | undefined): string | undefined {
  if (block === undefined) return undefined;
  const text = block.kind === 'paragraph' ? block.text : block.kind === 'heading' ? headingLine(block.number, block.text) : undefined;
  return text !== undefined && CONTINUED.test(squeeze(text)) ? text : undefined;
}

/** `rest` after `table`: its header row dropped when it repeats the table's. */
function joined(table: TableBlock, rest: TableBlock, dropped: Dropped[]): TableBlock {
  const repeats = rest.rows.length > 0 && headerKey(rest) === headerKey(table);
  if (repeats) dropped.push({ text: rest.rows[0]!.cells.map((cell) => cell.text).join(' '), place: rest.rows[0]!.place, why: 'repeated-header-row' });
  const rows = (repeats ? rest.rows.slice(1) : rest.rows).map(({ header: _header, ...row }) => row);
  return { ...table, rows: [...table.rows, ...rows] };
}

/** The model with each table split under a 续表 label, or printed again under its own header straight after itself, made one. */
export function withTablesContinued(model: DocumentModel): DocumentModel {
  const blocks: Block[] = [];
  const dropped: Dropped[] = [];
  for (let index = 0; index < model.blocks.length; index += 1) {
    const block = model.blocks[index]!;
    const previous = blocks.at(-1);
    if (previous?.kind === 'table') {
      const label = labelOf(block);
      const next = model.blocks[index + 1];
      if (label !== undefined && next?.kind === 'table') {
        dropped.push({ text: label, place: block.place, why: 'continued-table' });
        blocks[blocks.length - 1] = joined(previous, next, dropped);
        index += 1;
        continue;
      }
      // (With no label, only a table that opens with the same header, as many columns wide.)
      if (block.kind === 'table' && block.rows.length > 1 && headerKey(block) === headerKey(previous) && block.caption === undefined) {
        blocks[blocks.length - 1] = joined(previous, block, dropped);
        continue;
      }
    }
    blocks.push(block);
  }
  if (blocks.length === model.blocks.length) return model;
  return { ...model, blocks, dropped: [...model.dropped, ...dropped] };
}
