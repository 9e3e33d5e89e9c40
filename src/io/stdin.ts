/** Standard input read within a bound: its bytes, or how far it went past the bound. */
export type BoundedRead = { readonly bytes: Uint8Array } | { readonly tooLarge: number };

/**
 * Reads a stream (standard input) in chunks and stops at `maxBytes`, as files are read
 * (io/read-file.ts): `plan validate - < /dev/zero` ends at the bound with a message, never
 * after filling memory. The stream is let go once the bound is passed.
 */
export async function readBounded(stream: AsyncIterable<Uint8Array> & { destroy?(): void }, maxBytes: number): Promise<BoundedRead> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    length += chunk.length;
    if (length > maxBytes) {
      stream.destroy?.();
      return { tooLarge: length };
    }
    chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks) };
}
