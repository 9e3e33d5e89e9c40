import type { ReadResult } from './blocks.js';
export function readHtml(_bytes: Uint8Array): ReadResult {
  return { refused: 'binary' };
}
