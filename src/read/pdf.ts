import type { ReadResult } from './blocks.js';
export async function readPdf(_bytes: Uint8Array, _options: { maxPages?: number } = {}): Promise<ReadResult> {
  return { refused: 'broken-pdf' };
}
