import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';

const GLOB_CHARS = /[*?[]/;

/** A glob segment (`*`, `?`, `[abc]`) as a regular expression over one name. */
function segmentPattern(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        const body = segment.slice(i + 1, end).replace(/\\/g, '\\\\');
        source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Expands a path the shell left unexpanded (`'plan-data/*'`, quoted in CI scripts and on
 * Windows shells): each segment with `*`, `?` or `[…]` matches the names in its folder, hidden
 * names only when the segment starts with a dot. A path that exists as written, or has no glob
 * characters, is returned as it is. The matches are sorted; none is an empty list.
 */
export function expandGlob(path: string): string[] {
  if (!GLOB_CHARS.test(path) || existsSync(path)) return [path];
  // '' stands for the working folder, so that relative matches stay relative.
  const under = (base: string, name: string): string => (base === '' ? name : join(base, name));
  let bases = [isAbsolute(path) ? sep : ''];
  for (const part of path.split(/[\\/]/)) {
    if (part === '') continue;
    if (!GLOB_CHARS.test(part)) {
      bases = bases.map((base) => under(base, part));
      continue;
    }
    const pattern = segmentPattern(part);
    const next: string[] = [];
    for (const base of bases) {
      let names: string[];
      try {
        names = readdirSync(base === '' ? '.' : base);
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (name.startsWith('.') && !part.startsWith('.')) continue;
        if (pattern.test(name)) next.push(under(base, name));
      }
    }
    bases = next;
  }
  return bases.filter((base) => existsSync(base));
}
