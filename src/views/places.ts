import { basename } from 'node:path';
import type { Finding, SourceRef } from '../model.js';

/**
 * The findings at each element, found at once: `at(ref)` gives those any of whose places is the
 * element at `ref` or inside it (a project and its facts), in their order. Built in one pass over
 * every place (each filed under its pointer and each of the pointer's ancestors), so a view of
 * 100 000 projects asks 100 000 times without scanning every finding each time.
 */
export function findingsIndex(findings: readonly Finding[]): (ref: SourceRef) => readonly Finding[] {
  const byPlace = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const location of finding.locations) {
      const file = basename(location.file);
      let pointer = location.pointer;
      for (;;) {
        const key = `${file}\u0000${pointer}`;
        const list = byPlace.get(key);
        if (!list) byPlace.set(key, [finding]);
        // A finding with two places inside one element is listed there once: its places are
        // filed one after the other, so if it is in the list already it is the last one.
        else if (list.at(-1) !== finding) list.push(finding);
        if (pointer === '') break;
        pointer = pointer.slice(0, pointer.lastIndexOf('/'));
      }
    }
  }
  return (ref) => byPlace.get(`${ref.file}\u0000${ref.pointer}`) ?? [];
}
