/**
 * The space a word processor sets between Chinese and Latin letters or figures (Word's and WPS's
 * "adjust space between Asian and Latin text", LibreOffice's autospace). It is part of the layout,
 * not of the text the drafter typed, but a PDF written by such a program carries it as a space
 * character (新建建筑面积 2200㎡，新增床位 350 张), and pdftotext prints it so.
 *
 * A document typed with such spaces now and then (the bundled plan's text has 7 of 328 boundaries
 * spaced) keeps them. A document where a quarter or more of them are spaced was set so, and loses
 * the single spaces at those boundaries in its paragraphs and table cells. Headings, box titles and
 * captions keep theirs (专栏1 主要指标: a space that parts a number from its title).
 */
import type { Block, Cell, DocumentModel, TableRow } from './blocks.js';
import { boundarySpaces } from './lines.js';

/** A boundary between a Chinese character and a Latin letter or figure: its space, if any, captured. */
const BOUNDARY = /(?<=\p{Script=Han})( ?)(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])( ?)(?=\p{Script=Han})/gu;
const SPACED = /(?<=\p{Script=Han}) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=\p{Script=Han})/gu;

/** At least this many spaced boundaries, and this share of all, before a document counts as set with spaces. */
const LEAST_SPACED = 10;
const LEAST_SHARE = 0.25;

/** The texts a document's spacing is judged by and taken from: paragraphs and cells. */
function* textsOf(blocks: readonly Block[]): Generator<string> {
  for (const block of blocks) {
    if (block.kind === 'paragraph') yield block.text;
    else if (block.kind === 'box') yield* textsOf(block.blocks);
    else if (block.kind === 'table') for (const row of block.rows) for (const cell of row.cells) yield cell.text;
  }
}

/** Whether a document's spaces between Chinese and Latin text were set by its writer's layout. */
export function isAutospaced(model: DocumentModel): boolean {
  const { spaced, bare } = boundarySpaces(textsOf(model.blocks), BOUNDARY);
  return spaced >= LEAST_SPACED && spaced >= LEAST_SHARE * (spaced + bare);
}

const strip = (text: string): string => text.replace(SPACED, '');

function stripped(block: Block): Block {
  switch (block.kind) {
    case 'paragraph':
      return { ...block, text: strip(block.text) };
    case 'box':
      return { ...block, blocks: block.blocks.map(stripped) };
    case 'table':
      return {
        ...block,
        rows: block.rows.map((row): TableRow => ({ ...row, cells: row.cells.map((cell): Cell => ({ ...cell, text: strip(cell.text), ...(cell.blocks ? { blocks: cell.blocks.map(stripped) } : {}) })) })),
      };
    default:
      return block;
  }
}

/**
 * The model without its layout's spaces between Chinese and Latin text, when it was set with them;
 * else the model itself. Its text is then no longer the text as printed (`reflowed`), so that a
 * text's `source.txt` is the model's, where the draft's quotes stand.
 */
export function withoutAutospace(model: DocumentModel): DocumentModel {
  return isAutospaced(model) ? { ...model, blocks: model.blocks.map(stripped), reflowed: true } : model;
}
