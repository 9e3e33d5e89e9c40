import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver';
import { fileNameOf, PLAN_FILE_KIND } from '../load/file-kinds.js';
import type { Location } from '../model.js';

/** The absolute path of a `file:` URI; undefined for any other scheme (an unsaved buffer). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function uriOf(path: string): string {
  return pathToFileURL(resolve(path)).href;
}

/** The plan folder a file belongs to: the folder holding it, when it has plan.yaml (a plan's files stand side by side). */
export function planFolderOf(path: string): string | undefined {
  const dir = dirname(path);
  try {
    return statSync(join(dir, fileNameOf(PLAN_FILE_KIND))).isFile() ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** A finding's place as an LSP range (0-based); the region runs to the end of the line's content. */
export function rangeOf(location: Location): Range {
  const line = Math.max(location.line - 1, 0);
  const character = Math.max(location.column - 1, 0);
  const endLine = Math.max((location.endLine ?? location.line) - 1, line);
  const endCharacter = Math.max((location.endColumn ?? location.column + 1) - 1, endLine === line ? character + 1 : 0);
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}
