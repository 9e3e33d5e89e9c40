// Quick check for transcribers: every YAML file of a plan parses, and every verbatim text
// (quote, content, text, goal, itemsText, note) is found in source.txt. Usage:
//   node scripts/check-transcription.mjs plan-data/wushan-2021-2025 [file.yaml ...]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const dir = process.argv[2];
const source = readFileSync(join(dir, 'source.txt'), 'utf8');
const files = process.argv.length > 3 ? process.argv.slice(3) : readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const verbatimKeys = new Set(['quote', 'content', 'text', 'goal', 'itemsText', 'note']);
let problems = 0;
for (const file of files) {
  const doc = parseDocument(readFileSync(join(dir, file), 'utf8'), { uniqueKeys: true });
  for (const e of doc.errors) { problems++; console.log(`${file}: ${e.message}`); }
  const walk = (node, path) => {
    if (Array.isArray(node)) node.forEach((v, i) => void walk(v, `${path}/${i}`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (verbatimKeys.has(k) && typeof v === 'string' && v !== '—' && !source.includes(v)) {
          problems++; console.log(`${file}${path}/${k}: not verbatim in source.txt: ${v.slice(0, 80)}`);
        }
        walk(v, `${path}/${k}`);
      }
    }
  };
  walk(doc.toJS(), '');
}
console.log(problems ? `${problems} problems` : 'ok');
process.exitCode = problems ? 1 : 0;
