import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The published text a plan names in plan.yaml (`source`), read as UTF-8 without its byte-order
 * mark; or the error code when it cannot be read.
 */
export function readSource(absoluteDir: string, name: string): { text: string } | { error: string } {
  try {
    return { text: readFileSync(join(absoluteDir, name), 'utf8').replace(/^\uFEFF/, '') };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
}
