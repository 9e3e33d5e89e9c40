// Which file kinds have no schema, and which schemas belong to no kind: the build fails on either.

/** Schemas that only hold definitions other schemas share. */
export const SHARED_SCHEMAS = new Set(['figure.schema.json']);

/**
 * @param {readonly string[]} schemaNames the files in schemas/
 * @param {readonly string[]} kinds FILE_KINDS
 * @param {(kind: string) => string} schemaFileOf
 * @returns {string[]} one message per problem; empty when every kind has its schema
 */
export function schemaKindProblems(schemaNames, kinds, schemaFileOf) {
  const expected = new Set(kinds.map(schemaFileOf));
  const missing = [...expected].filter((name) => !schemaNames.includes(name));
  const orphans = schemaNames.filter((name) => !expected.has(name) && !SHARED_SCHEMAS.has(name));
  return [
    ...missing.map((name) => `no schema for a file kind: schemas/${name} is missing`),
    ...orphans.map((name) => `schemas/${name} belongs to no file kind (add the kind to src/load/file-kinds.ts, or list it as shared)`),
  ];
}
