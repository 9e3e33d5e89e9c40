import { basename } from 'node:path';
import type { Finding, SourceRef } from '../model.js';

/** True when a pointer is the element's own or one inside it. */
function within(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/** The findings any of whose places is the element at `ref` or inside it (a project and its facts). */
export function findingsAt(findings: readonly Finding[], ref: SourceRef): Finding[] {
  return findings.filter((finding) => finding.locations.some((location) => basename(location.file) === ref.file && within(location.pointer, ref.pointer)));
}
