/**
 * A table of contents in a document read into blocks (a PDF, a .docx, a web page): 目录, then its
 * entries, each a chapter's or an appendix's heading with leaders and a page number
 * (第一章 总体要求……1). A reader takes each entry for a heading or a paragraph; they are the
 * document's furniture, not its outline, and are dropped here as the text reader drops them.
 */
import type { Block, DocumentModel } from './blocks.js';
import { headingLine } from './source.js';
import { contentsLines } from './text.js';

/** What stops a contents: a table or a box between its lines. */
const NOT_AN_ENTRY = '\u0000';

const printed = (block: Block): string => (block.kind === 'heading' ? headingLine(block.number, block.text) : block.kind === 'paragraph' ? block.text : NOT_AN_ENTRY);

/** The model without its table of contents, each line of it recorded as dropped; the model itself when it has none. */
export function withoutContents(model: DocumentModel): DocumentModel {
  // A paragraph of several lines (a contents a reader joined) is looked at line by line.
  const lines: { text: string; block: number }[] = model.blocks.flatMap((block, index) => printed(block).split('\n').map((text) => ({ text, block: index })));
  const found = new Set(contentsLines(lines.map((line) => line.text)));
  if (found.size === 0) return model;
  // A block goes when every line of it is the contents'.
  const gone = new Set<number>();
  lines.forEach((line, index) => {
    if (found.has(index)) gone.add(line.block);
  });
  lines.forEach((line, index) => {
    if (!found.has(index)) gone.delete(line.block);
  });
  if (gone.size === 0) return model;
  return {
    ...model,
    blocks: model.blocks.filter((_, index) => !gone.has(index)),
    dropped: [...model.dropped, ...[...gone].map((index) => ({ text: printed(model.blocks[index]!), place: model.blocks[index]!.place, why: 'table-of-contents' as const }))],
  };
}
