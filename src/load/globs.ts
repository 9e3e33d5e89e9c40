import { type Dirent, existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Picomatch from 'picomatch';

/** Characters of any glob picomatch reads (with extglobs and braces): a path without them is no glob, and picomatch is not loaded for it. */
const GLOB_CHARACTERS = /[*?[\]{}()!+@]/;

/** picomatch, loaded the first time a path could be a glob (it is CommonJS: `require` loads it then, synchronously). */
export const loadPicomatch = (): typeof Picomatch => createRequire(import.meta.url)('picomatch') as typeof Picomatch;

/**
 * Expands a path the shell left unexpanded (`'plan-data/*'`, quoted in CI scripts and on
 * Windows shells) as bash does with `globstar`: `*`, `?`, `[…]`, braces `{a,b}`, and `**` for
 * any number of folders (symbolic links to folders are not descended into, as in bash ≥ 4.3).
 * Hidden names match only a pattern that names the dot. A path that exists as written, or is no
 * glob, is returned as it is. The matches are sorted; none is an empty list.
 */
export function expandGlob(path: string): string[] {
  if (!GLOB_CHARACTERS.test(path)) return [path];
  const picomatch = loadPicomatch();
  const scan = picomatch.scan(path);
  if (!scan.isGlob || existsSync(path)) return [path];
  const isMatch = picomatch(scan.glob, { dot: false });
  // Without `**` a match is never deeper than the pattern's own folders.
  const maxDepth = /(^|\/)\*\*(\/|$)/.test(scan.glob) ? Number.POSITIVE_INFINITY : scan.glob.split('/').length;
  const matches: string[] = [];
  const walk = (folder: string, relative: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder === '' ? '.' : folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const full = folder === '' ? entry.name : join(folder, entry.name);
      if (isMatch(name)) matches.push(full);
      // Hidden folders are walked only when the pattern could name them.
      if (entry.isDirectory() && depth + 1 < maxDepth && !(entry.name.startsWith('.') && !scan.glob.includes('.'))) walk(full, name, depth + 1);
    }
  };
  walk(scan.base, '', 0);
  return matches.sort();
}
