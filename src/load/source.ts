import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPlanFile, type ReadRefusal } from '../io/read-file.js';
import { byteLengthOf, DEFAULT_MAX_FILE_BYTES, type Overlay } from './plan-folder.js';

/**
 * The published text a plan names in plan.yaml (`source`), read as UTF-8 without its byte-order
 * mark, or as GB18030 (GBK) when its bytes are not UTF-8, since Chinese texts are often published
 * so and are kept byte for byte; or why it was not read. Like the data files, it must be a regular file inside the plan
 * folder (links followed) and no larger than `maxBytes`: `source: ../../x` or a link to
 * another file would make the provenance rule an oracle for any file on the machine.
 */
export function readSource(absoluteDir: string, name: string, maxBytes = DEFAULT_MAX_FILE_BYTES, overlay?: Overlay): { text: string } | { refusal: ReadRefusal } {
  const given = overlay?.get(resolve(absoluteDir, name));
  if (given !== undefined) {
    const size = byteLengthOf(given);
    if (size > maxBytes) return { refusal: { messageId: 'too-large', detail: `${size} > ${maxBytes}` } };
    return { text: typeof given === 'string' ? given.replace(/^\uFEFF/, '') : decodeSource(given) };
  }
  let realDir: string;
  try {
    realDir = realpathSync(absoluteDir);
  } catch {
    realDir = resolve(absoluteDir);
  }
  const read = readPlanFile(resolve(absoluteDir, name), realDir, maxBytes);
  if ('refusal' in read) return read;
  return { text: decodeSource(read.bytes) };
}

function decodeSource(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}
