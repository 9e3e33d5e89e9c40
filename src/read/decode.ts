/** What a text's bytes are, once read: a text and how it was encoded, or why it cannot be read. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'gb18030' }
  | { readonly ok: false; readonly problem: 'empty' | 'binary' | 'not-text' };

/**
 * Reads the bytes of a published text: UTF-8, or GB18030 (a superset of GBK and GB2312), in
 * that order. Binary input is refused, not guessed.
 */
export function decodeInput(bytes: Uint8Array): Decoded {
  if (bytes.length === 0 || bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) {
    return { ok: false, problem: 'empty' };
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
