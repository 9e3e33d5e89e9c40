/**
 * `plan schemas`: the editor settings that give every data file of a repository of plans its
 * schema (yaml-language-server's `yaml.schemas`, as VS Code and other editors read it), whether or
 * not the files carry a modeline, and wherever the tool is installed.
 */
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CommandContext, DEFAULT_PATH, EXIT_INPUT, EXIT_OK, emit, expandPaths, languageFrom } from '../io/command-io.js';
import { FILE_KINDS, fileNameOf, schemaFileOf } from '../load/file-kinds.js';
import { findPlanFolders } from '../load/plan-folder.js';
import type { Lang } from '../model.js';
import { say } from '../words.js';

/** The installed tool's schemas: src/../schemas in tests, dist/../schemas when built. */
export const SCHEMAS_FOLDER = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** A path as an editor setting wants it: relative to the working folder when inside it, with `/`. */
function settingPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return shown.split(sep).join('/');
}

/** `yaml.schemas`: each schema with the globs of its files in the plan folders found under `paths`. */
export function editorSettings(paths: readonly string[], cwd: string): { settings: Record<string, Record<string, string[]>>; plans: number } {
  const { dirs } = findPlanFolders(paths);
  const parents = [...new Set(dirs.map((dir) => settingPath(dirname(dir), cwd)))].sort();
  const schemas: Record<string, string[]> = {};
  for (const kind of FILE_KINDS) {
    schemas[settingPath(`${SCHEMAS_FOLDER}${schemaFileOf(kind)}`, cwd)] = parents.map((parent) => `${parent === '.' ? '' : `${parent}/`}*/${fileNameOf(kind)}`);
  }
  return { settings: { 'yaml.schemas': schemas }, plans: dirs.length };
}

export async function schemasCommand(given: readonly string[], options: { lang?: Lang; output?: string }, { io }: CommandContext): Promise<number> {
  const lang = languageFrom(io.env, options.lang);
  const paths = expandPaths(given.length > 0 ? given : [DEFAULT_PATH], io, lang);
  if (!paths) return EXIT_INPUT;
  const { settings, plans } = editorSettings(paths, process.cwd());
  if (plans === 0) {
    io.stderr(`plan: ${say(lang, 'schemasNoPlans', { paths: given.join(' ') || DEFAULT_PATH })}\n`);
    return EXIT_INPUT;
  }
  return emit(io, `${JSON.stringify(settings, null, 2)}\n`, options.output, [], lang) ? EXIT_OK : EXIT_INPUT;
}
