/**
 * One entry for every published form: the bytes of a file in, the document model (or a refusal)
 * out. The form is told by the bytes first (%PDF, a zip, an OLE2 compound file, markup) and by
 * the file's extension only when the bytes say nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withoutAutospace } from './autospace.js';
import { withoutContents } from './contents.js';
import { withTablesContinued } from './continued.js';
import { decodeInput } from './decode.js';
import type { WordId } from '../words.js';
import type { ReadRefusal, ReadResult } from './blocks.js';
import { readDocx } from './docx.js';
import { readHtml } from './html.js';
import { readPdf } from './pdf.js';
import { readTextLayout } from './text.js';

export type { ReadResult } from './blocks.js';
export { headingLine, type SourceTextOf, sourceTextOf } from './source.js';

/** What the bytes are, as far as a reader cares; 'text' is anything else (the text reader's to judge). */
export type Sniffed = 'pdf' | 'docx' | 'legacy-word' | 'html' | 'text';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean => signature.every((byte, index) => bytes[at + index] === byte);

/** The form of a file by its first bytes, then by its extension. */
export function sniffForm(bytes: Uint8Array, fileName: string): Sniffed {
  const head = bytes.subarray(0, 1024);
  // A PDF may have junk before its header; readers accept it within the first kilobyte.
  if (Buffer.from(head).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'legacy-word';
  const ascii = Buffer.from(head).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (/^<(?:!doctype html|html|head|body|meta|div|p|table|h[1-6])[\s>]/.test(ascii) || (ascii.startsWith('<') && /\.html?$/i.test(fileName))) return 'html';
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'pdf') return 'pdf';
  if (extension === 'doc' || extension === 'wps') return 'legacy-word';
  return 'text';
}

/**
 * Converts a legacy Word file (.doc, .wps) to .docx with LibreOffice in a temporary folder, or
 * refuses saying how to convert it when `soffice` is not on the PATH.
 */
function convertLegacy(bytes: Uint8Array, fileName: string): ReadResult {
  const dir = mkdtempSync(join(tmpdir(), 'plan-read-'));
  try {
    const extension = /\.(doc|wps)$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'doc';
    const input = join(dir, `input.${extension}`);
    writeFileSync(input, bytes);
    // A profile of its own, so that a LibreOffice the user has open does not swallow the request.
    const run = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, input], {
      stdio: 'ignore',
      timeout: 180_000,
    });
    if (run.error !== undefined && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { refused: 'legacy-word', detail: `soffice --headless --convert-to docx ${fileName}` };
    }
    let converted: Uint8Array;
    try {
      converted = readFileSync(join(dir, 'input.docx'));
    } catch {
      return { refused: 'legacy-word', detail: `LibreOffice could not convert it; try: soffice --headless --convert-to docx ${fileName}` };
    }
    return readDocx(converted);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The catalogue word (src/words.ts) for each refusal; its {detail} is the refusal's detail. */
export const REFUSAL_WORDS = {
  'scanned-pdf': 'readScannedPdf',
  'encrypted-pdf': 'readEncryptedPdf',
  'broken-pdf': 'readBrokenPdf',
  'too-large': 'readTooLarge',
  'zip-bomb': 'readZipBomb',
  'bad-docx': 'readBadDocx',
  'legacy-word': 'readLegacyWord',
  binary: 'readBinary',
  'not-text': 'readNotText',
  empty: 'readEmpty',
} as const satisfies Record<ReadRefusal['refused'], WordId>;

/** Options of readPublished. */
export interface ReadOptions {
  /** A PDF's page limit; longer documents are refused. */
  readonly maxPages?: number;
}

/** A text (UTF-8 or GB18030) through the text reader: contents, page furniture, wraps and tables of every text layout. */
function readPlainText(bytes: Uint8Array): ReadResult {
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { refused: decoded.problem };
  const { model } = readTextLayout(decoded.text);
  return { model: { ...withTablesContinued(withoutAutospace(model)), encoding: decoded.encoding } };
}

/** A read document without its table of contents (the text reader drops its own). */
const withoutContentsOf = (read: ReadResult): ReadResult => ('model' in read ? { ...read, model: withTablesContinued(withoutContents(read.model)) } : read);

/** Reads a published plan in any form into the document model, or says why it cannot. */
export async function readPublished(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ReadResult> {
  if (bytes.length === 0) return { refused: 'empty' };
  switch (sniffForm(bytes, fileName)) {
    case 'pdf': {
      const read = await readPdf(bytes, options.maxPages === undefined ? {} : { maxPages: options.maxPages });
      return 'model' in read ? { ...read, model: withTablesContinued(withoutContents(withoutAutospace(read.model))) } : read;
    }
    case 'docx':
      return withoutContentsOf(readDocx(bytes));
    case 'legacy-word':
      return withoutContentsOf(convertLegacy(bytes, fileName));
    case 'html':
      return withoutContentsOf(readHtml(bytes));
    case 'text':
      return readPlainText(bytes);
  }
}

