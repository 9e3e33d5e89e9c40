import { inflateRawSync } from 'node:zlib';

/** What the input is, once read: a text and how it was encoded, or why it cannot be read. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'gb18030' | 'docx' }
  | { readonly ok: false; readonly problem: 'empty' | 'binary' | 'not-text' | 'bad-docx' };

const ZIP_LOCAL = 0x04034b50;

/**
 * Reads the bytes of a published text: a .docx (a zip holding word/document.xml), UTF-8, or
 * GB18030 (a superset of GBK and GB2312), in that order. Binary input is refused, not guessed.
 */
export function decodeInput(bytes: Uint8Array): Decoded {
  if (bytes.length === 0 || bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) {
    return { ok: false, problem: 'empty' };
  }
  if (bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true) === ZIP_LOCAL) {
    const text = docxText(bytes);
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

/** The files of a zip archive by name, read from its central directory. */
function zipEntries(bytes: Uint8Array): Map<string, () => Uint8Array | undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = new Map<string, () => Uint8Array | undefined>();
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return entries;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let index = 0; index < count && at + 46 <= bytes.length; index += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, () => {
      if (local + 30 > bytes.length || view.getUint32(local, true) !== ZIP_LOCAL) return undefined;
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + compressed);
      if (method === 0) return data;
      if (method === 8) return new Uint8Array(inflateRawSync(data));
      return undefined;
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) =>
    entity.startsWith('#x') ? String.fromCodePoint(parseInt(entity.slice(2), 16)) : entity.startsWith('#') ? String.fromCodePoint(Number(entity.slice(1))) : ENTITIES[entity]!,
  );
}

/** The text of one paragraph: its runs' text, tabs and breaks. */
function paragraphText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
    if (match[0] === '<w:tab/>') text += ' ';
    else if (match[0] === '<w:br/>') text += ' ';
    else text += unescapeXml(match[1]!);
  }
  return text;
}

/**
 * The text of a .docx: each paragraph a line; a table row of several cells one line of
 * tab-separated cells (a cell's paragraphs joined by a space), so that the table stays a table;
 * a one-cell table (a box) its paragraphs as lines.
 */
function docxText(bytes: Uint8Array): string | undefined {
  let xml: string;
  try {
    const read = zipEntries(bytes).get('word/document.xml');
    const data = read?.();
    if (data === undefined) return undefined;
    xml = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1];
  if (body === undefined) return undefined;
  const lines: string[] = [];
  for (const block of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const part = block[0];
    if (!part.startsWith('<w:tbl>')) {
      lines.push(part === '<w:p/>' ? '' : paragraphText(part));
      continue;
    }
    lines.push('');
    for (const row of part.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
      const cells = [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
        [...cell[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0]).trim()).filter(Boolean),
      );
      if (cells.length === 1) lines.push(...cells[0]!.map((text, index) => (index === 0 ? `\t${text}` : text)), '');
      else lines.push(cells.map((paragraphs) => paragraphs.join(' ')).join('\t'));
    }
    lines.push('');
  }
  const text = lines.join('\n');
  return text.trim().length === 0 ? undefined : `${text}\n`;
}
