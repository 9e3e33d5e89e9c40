// Makes test/fixtures/pdftotext/: a composed plan of two appendix tables (seed 4, every
// contradiction planted; seed 5, none) printed to PDF by Chromium and extracted by pdftotext,
// `-raw` and `-layout`, with the planted answers and the counts to expect. Run it again when the
// corpus generator changes; the tests read the files, so they need neither Chromium nor poppler.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composePlan, PLANT_KINDS } from './compose.mjs';
import { printPdfs, toHtml } from './render.mjs';

const SEED = 4;
const out = new URL('../../test/fixtures/pdftotext/', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'plan-pdftotext-fixtures-'));
const plans = { planted: composePlan(SEED, { tables: 2, plants: Object.keys(PLANT_KINDS) }), clean: composePlan(SEED + 1, { tables: 2, plants: [] }) };
const jobs = Object.entries(plans).map(([name, plan]) => {
  writeFileSync(join(tmp, `${name}.html`), toHtml(plan.document, SEED));
  return { html: join(tmp, `${name}.html`), pdf: join(tmp, `${name}.pdf`), title: plan.title };
});
if (!(await printPdfs(jobs))) throw new Error('no Chromium to print with');
for (const [name, plan] of Object.entries(plans)) {
  for (const mode of ['raw', 'layout']) execFileSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', join(tmp, `${name}.pdf`), join(out, `${name}.${mode}.txt`)]);
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify({ planted: plan.planted.map((p) => `${p.ruleId}/${p.messageId}`).sort(), truth: plan.truth }, null, 2)}\n`);
}
rmSync(tmp, { recursive: true, force: true });
