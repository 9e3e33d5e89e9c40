/**
 * Whether `plan audit PATH` names a published document rather than a plan folder: told by the
 * name and one stat, in a module of its own so that an audit of plan folders does not load the
 * readers and the drafter to ask.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';

/** The forms a published plan comes in, by file name: read as a document, not as a plan folder. */
const DOCUMENT_EXTENSIONS = new Set(['.txt', '.text', '.docx', '.doc', '.wps', '.pdf', '.html', '.htm']);

/** Whether a path names a published document (a regular file of a document form) rather than a plan folder. */
export function isDocument(path: string): boolean {
  if (!DOCUMENT_EXTENSIONS.has(extname(path).toLowerCase())) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
