/**
 * The published document as one model, whatever form it came in (PDF, .docx, HTML, text): an
 * ordered list of blocks, each with its place in that form. Readers (src/read/<form>.ts) build
 * it and know nothing of plans; the drafter (src/init/) reads only it and knows nothing of forms.
 */

/** Where something stands in the published form; every number is 1-based. */
export type Place =
  | { readonly form: 'pdf'; readonly page: number; readonly line: number }
  | { readonly form: 'docx'; readonly paragraph: number }
  | { readonly form: 'docx'; readonly table: number; readonly row: number; readonly cell?: number }
  | { readonly form: 'html'; readonly path: string }
  | { readonly form: 'text'; readonly line: number };

export type Form = Place['form'];

export interface Cell {
  /**
   * The cell's text with its wrapped lines joined (no space between Chinese characters). Breaks
   * the form marks as such (a .docx cell's paragraphs, an HTML cell's <br> or <p>) stay as "\n".
   */
  readonly text: string;
  /** The cell's content as blocks, when it holds more than lines of text (a nested table). */
  readonly blocks?: readonly Block[];
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly place: Place;
  /** True when the cell was printed over several lines (or cut by a page) and joined by the reader. */
  readonly joined?: boolean;
}

export interface TableRow {
  readonly cells: readonly Cell[];
  readonly place: Place;
  /** A header row (the first, or one repeated after a page break is dropped, not marked). */
  readonly header?: boolean;
}

export interface Heading {
  readonly kind: 'heading';
  /** 1 for 第X章 or 一、, 2 for 第X节 or （一）, 3 below; 0 for the document's title. */
  readonly level: number;
  /** The printed number as printed (第三章, 一、, 3.), when there is one. */
  readonly number?: string;
  /** The heading without its number. */
  readonly text: string;
  readonly place: Place;
}

export interface Paragraph {
  readonly kind: 'paragraph';
  /** Lines joined: hard wraps and page breaks removed, a number split over two lines whole again. */
  readonly text: string;
  readonly place: Place;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly rows: readonly TableRow[];
  readonly place: Place;
  /** The title printed above the table (附表1 …), when the reader found one. */
  readonly caption?: string;
}

/** A framed panel (专栏 N …): its own blocks inside. */
export interface BoxBlock {
  readonly kind: 'box';
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly place: Place;
}

export type Block = Heading | Paragraph | TableBlock | BoxBlock;

/** Text the reader removed, and why: shown by `plan init --explain`. */
export interface Dropped {
  readonly text: string;
  readonly place: Place;
  readonly why: 'page-mark' | 'running-header' | 'running-footer' | 'repeated-header-row' | 'continued-table' | 'table-of-contents' | 'navigation';
}

export interface DocumentModel {
  readonly form: Form;
  readonly blocks: readonly Block[];
  readonly dropped: readonly Dropped[];
  /** Pages, for a PDF. */
  readonly pages?: number;
  /** How the bytes were decoded, for a text or a web page: utf-8, gb18030, or the page's charset. */
  readonly encoding?: string;
  /**
   * A text the reader reflowed (page furniture dropped, wrapped lines joined, space-aligned
   * columns read): its reading-order text differs from the text as printed.
   */
  readonly reflowed?: boolean;
  /**
   * What would read this document better, when the reader knows: a PDF whose tables are drawn
   * without rules reads them through poppler's pdftotext, which is not on the PATH.
   */
  readonly advice?: 'install-pdftotext';
}

/** A reader's refusal: exit 2 and one line, worded from the catalogue by the caller. */
export interface ReadRefusal {
  readonly refused: 'scanned-pdf' | 'encrypted-pdf' | 'broken-pdf' | 'too-large' | 'zip-bomb' | 'bad-docx' | 'legacy-word' | 'binary' | 'not-text' | 'empty';
  readonly detail?: string;
}

export type ReadResult = { readonly model: DocumentModel } | ReadRefusal;
