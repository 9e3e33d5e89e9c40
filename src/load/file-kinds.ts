/**
 * The data files a plan folder may hold: the one list of file kinds and the one mapping between
 * a kind and its file name. Each kind has a schema (`schemas/<kind>.schema.json`, checked by the
 * build) and a model builder (`src/load/builders/<kind>.ts`, checked by the compiler).
 */
export const FILE_KINDS = ['plan', 'outline', 'indicators', 'services', 'boxes', 'projects', 'statements', 'relations', 'reviews'] as const;

export type FileKind = (typeof FILE_KINDS)[number];

/** The file that marks a plan folder. */
export const PLAN_FILE_KIND: FileKind = 'plan';

const EXTENSION = '.yaml';

/**
 * Each kind's file name, made once: a name made at each call is a string of its own, and every
 * place in a plan's model names its file (400,000 places of 100,000 projects).
 */
const FILE_NAME_OF = Object.fromEntries(FILE_KINDS.map((kind) => [kind, `${kind}${EXTENSION}`])) as Readonly<Record<FileKind, string>>;

/** `projects` → `projects.yaml`. */
export function fileNameOf(kind: FileKind): string {
  return FILE_NAME_OF[kind];
}

/** `projects.yaml` → `projects`; undefined for any other name (`notes.yaml`, `projects.yml`). */
export function kindOfFileName(name: string): FileKind | undefined {
  if (!name.endsWith(EXTENSION)) return undefined;
  const kind = name.slice(0, -EXTENSION.length);
  return (FILE_KINDS as readonly string[]).includes(kind) ? (kind as FileKind) : undefined;
}

/** True for a name that looks like a data file, known or not. */
export function isDataFileName(name: string): boolean {
  return name.endsWith(EXTENSION) || name.endsWith('.yml');
}

/** The schema a kind is validated against. */
export function schemaFileOf(kind: FileKind): string {
  return `${kind}.schema.json`;
}

/** Every known file name, for messages. */
export const FILE_NAMES: readonly string[] = FILE_KINDS.map(fileNameOf);
