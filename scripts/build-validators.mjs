// Compiles the JSON Schemas once, at build time, into standalone validation code
// (dist/validators.js), so that no run of `plan` pays for schema compilation.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictNumbers: true, code: { source: true, esm: true } });
addFormats.default(ajv);
const exports = {};
for (const name of readdirSync(`${root}schemas`).sort()) {
  if (!name.endsWith('.schema.json')) continue;
  ajv.addSchema(JSON.parse(readFileSync(`${root}schemas/${name}`, 'utf8')));
  if (name !== 'figure.schema.json') exports[name.replace('.schema.json', '')] = name;
}
mkdirSync(`${root}dist`, { recursive: true });
// Standalone ESM code still calls require() for AJV's runtime helpers: give it a real one.
const code = standaloneCode.default(ajv, exports);
const header = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
writeFileSync(`${root}dist/validators.js`, header + code);
