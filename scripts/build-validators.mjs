// Compiles the JSON Schemas once, at build time, into standalone validation code, so that no run
// of `plan` pays for schema compilation:
//   dist/validators.js        every error (for files of ordinary size)
//   dist/validators-first.js  stops at the first error (for very large files, whose thousands of
//                             errors would cost more than the file)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { SHARED_SCHEMAS, schemaKindProblems } from './schema-kinds.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const names = readdirSync(`${root}schemas`).filter((name) => name.endsWith('.schema.json')).sort();
// Every file kind has its schema, and every schema but the shared ones belongs to a kind: a kind
// added without a schema fails here, not at run time.
const { FILE_KINDS, schemaFileOf } = await import(new URL('../dist/load/file-kinds.js', import.meta.url).href);
const problems = schemaKindProblems(names, FILE_KINDS, schemaFileOf);
if (problems.length > 0) {
  for (const problem of problems) console.error(`build: ${problem}`);
  process.exit(1);
}

function compile(allErrors) {
  const ajv = new Ajv2020({ allErrors, verbose: true, strict: true, strictRequired: false, strictNumbers: true, code: { source: true, esm: true } });
  addFormats.default(ajv);
  const exports = {};
  for (const name of names) {
    ajv.addSchema(JSON.parse(readFileSync(`${root}schemas/${name}`, 'utf8')));
    if (!SHARED_SCHEMAS.has(name)) exports[name.replace('.schema.json', '')] = name;
  }
  // plan.config.yaml is no plan file kind, but is validated and worded the same way.
  ajv.addSchema(JSON.parse(readFileSync(`${root}schemas/config/plan-config.schema.json`, 'utf8')));
  exports.planConfig = 'plan-config.schema.json';
  // Standalone ESM code still calls require() for AJV's runtime helpers: give it a real one.
  const header = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
  return header + standaloneCode.default(ajv, exports);
}

mkdirSync(`${root}dist`, { recursive: true });
writeFileSync(`${root}dist/validators.js`, compile(true));
writeFileSync(`${root}dist/validators-first.js`, compile(false));
