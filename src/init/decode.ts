import { readDocx } from '../read/docx.js';
import { sourceTextOf } from '../read/source.js';

/** What the input is, once read: a text and how it was encoded, or why it cannot be read. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'gb18030' | 'docx' }
  | { readonly ok: false; readonly problem: 'empty' | 'binary' | 'not-text' | 'bad-docx' | 'zip-bomb' };

const ZIP_LOCAL = 0x04034b50;

/**
 * Reads the bytes of a published text: a .docx (a zip holding word/document.xml, read by
 * src/read/docx.ts), UTF-8, or GB18030 (a superset of GBK and GB2312), in that order. Binary
 * input is refused, not guessed.
 */
export function decodeInput(bytes: Uint8Array): Decoded {
  if (bytes.length === 0 || bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) {
    return { ok: false, problem: 'empty' };
  }
  if (bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true) === ZIP_LOCAL) {
    const text = docxText(bytes);
    if (text === 'zip-bomb') return { ok: false, problem: 'zip-bomb' };
    return text === undefined ? { ok: false, problem: 'bad-docx' } : { ok: true, text, encoding: 'docx' };
  }
  if (bytes.includes(0)) return { ok: false, problem: 'binary' };
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    // Control characters other than tab and line ends mean the bytes were never text.
    let controls = 0;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) controls += 1;
    }
    if (controls > 0 && controls * 200 > text.length) return { ok: false, problem: 'binary' };
    return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
  }
  return { ok: false, problem: 'not-text' };
}

/**
 * The text of a .docx as the text drafter reads it: each paragraph a line; a table row of several
 * cells one line of tab-separated cells, so that the table stays a table; a box its lines.
 */
function docxText(bytes: Uint8Array): string | 'zip-bomb' | undefined {
  const read = readDocx(bytes);
  if (!('model' in read)) return read.refused === 'zip-bomb' ? 'zip-bomb' : undefined;
  const text = sourceTextOf(read.model).text;
  return text.trim().length === 0 ? undefined : text;
}
