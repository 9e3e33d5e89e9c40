// Builds the corpus: composed plans (their plan folders, planted answers and every published
// form) and the bundled plan rendered from its own YAML. Forms whose tool is missing are skipped
// with the reason. Usage: node scripts/corpus/build.mjs [--out DIR] [--plans N] [--seed S]
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledDocument } from './bundled.mjs';
import { composePlan } from './compose.mjs';
import { CHROMIUM, convertToDocx, hasTool, pdfToText, printPdfs, toHtml, toQuirkyText, toText } from './render.mjs';

/** The published forms, in the order reports list them. */
export const FORMS = ['text', 'quirks', 'html', 'pdf', 'pdftotext-raw', 'pdftotext-layout', 'docx'];
const FILE_NAMES = {
  text: 'plan.txt',
  quirks: 'plan.quirks.txt',
  html: 'plan.html',
  pdf: 'plan.pdf',
  'pdftotext-raw': 'plan.raw.txt',
  'pdftotext-layout': 'plan.layout.txt',
  docx: 'plan.docx',
};

/**
 * Writes the corpus under `out`: for each plan `<id>/plan/` (the hand-made folder, composed plans
 * only), `<id>/forms/<form file>`, `<id>/planted.json`. Returns one entry a plan with its forms
 * and the forms skipped, by reason.
 */
export async function buildCorpus({ out, plans = 4, seed = 1, bundled = true, log = () => {} }) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const entries = [];
  for (let index = 0; index < plans; index++) {
    // Alternate one and two appendix tables, so both are always measured.
    const plan = composePlan(seed + index, { tables: (index % 2) + 1 });
    const dir = join(out, plan.id);
    const planDir = join(dir, 'plan');
    mkdirSync(planDir, { recursive: true });
    for (const [name, text] of plan.files) writeFileSync(join(planDir, name), text);
    writeFileSync(join(planDir, 'source.txt'), toText(plan.document));
    writeFileSync(join(dir, 'planted.json'), `${JSON.stringify({ planted: plan.planted, truth: plan.truth }, null, 2)}\n`);
    entries.push({ id: plan.id, kind: 'composed', dir, planDir, title: plan.title, document: plan.document, planted: plan.planted, truth: plan.truth, seed: seed + index });
  }
  if (bundled) {
    const planDir = new URL('../../plan-data/wushan-2021-2025/', import.meta.url);
    const { title, document } = bundledDocument(planDir);
    entries.push({ id: 'wushan-2021-2025', kind: 'bundled', dir: join(out, 'wushan-2021-2025'), planDir: fileURLToPath(planDir), title, document, planted: [], seed });
  }
  const skipped = {};
  for (const entry of entries) {
    const forms = join(entry.dir, 'forms');
    mkdirSync(forms, { recursive: true });
    entry.forms = {};
    // The bundled plan's round trip is through the forms it is published in; its text is measured above.
    if (entry.kind === 'composed') {
      writeFileSync(join(forms, FILE_NAMES.text), toText(entry.document));
      writeFileSync(join(forms, FILE_NAMES.quirks), toQuirkyText(entry.document, entry.seed));
      entry.forms.text = join(forms, FILE_NAMES.text);
      entry.forms.quirks = join(forms, FILE_NAMES.quirks);
    }
    writeFileSync(join(forms, FILE_NAMES.html), toHtml(entry.document, entry.seed));
    entry.forms.html = join(forms, FILE_NAMES.html);
  }
  log('printing PDFs with Chromium …');
  if (CHROMIUM) {
    await printPdfs(entries.map((entry) => ({ html: entry.forms.html, pdf: join(entry.dir, 'forms', FILE_NAMES.pdf), title: entry.title })));
    for (const entry of entries) entry.forms.pdf = join(entry.dir, 'forms', FILE_NAMES.pdf);
  } else skipped.pdf = 'no Chromium at /usr/bin/chromium';
  if (!CHROMIUM || !hasTool('pdftotext')) {
    const reason = CHROMIUM ? 'no pdftotext (poppler-utils)' : 'no PDF to extract from';
    skipped['pdftotext-raw'] = reason;
    skipped['pdftotext-layout'] = reason;
  } else {
    // The bundled plan's too: its appendix, eight columns of long contents, sets the others narrow,
    // each cell wrapped over many lines, as a county's own appendix prints.
    for (const entry of entries) {
      for (const [form, layout] of [['pdftotext-raw', false], ['pdftotext-layout', true]]) {
        const txt = join(entry.dir, 'forms', FILE_NAMES[form]);
        if (pdfToText(entry.forms.pdf, txt, layout)) entry.forms[form] = txt;
      }
    }
  }
  log('converting to .docx with LibreOffice …');
  if (hasTool('soffice')) {
    const docxDir = join(out, '.docx');
    const htmls = entries.map((entry) => {
      const copy = join(docxDir, `${entry.id}.html`);
      mkdirSync(docxDir, { recursive: true });
      return { entry, copy };
    });
    for (const { entry, copy } of htmls) writeFileSync(copy, toHtml(entry.document, entry.seed));
    const made = new Set(convertToDocx(htmls.map((h) => h.copy), docxDir));
    for (const { entry, copy } of htmls) {
      const docx = copy.replace(/\.html$/, '.docx');
      if (made.has(docx)) {
        const target = join(entry.dir, 'forms', FILE_NAMES.docx);
        copyFileSync(docx, target);
        entry.forms.docx = target;
      }
    }
  } else skipped.docx = 'no soffice (LibreOffice)';
  return { entries, skipped };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const out = resolve(option('--out', 'corpus'));
  const { entries, skipped } = await buildCorpus({ out, plans: Number(option('--plans', '4')), seed: Number(option('--seed', '1')), log: (line) => console.error(line) });
  for (const entry of entries) console.log(`${entry.id}: ${Object.keys(entry.forms).join(', ')}`);
  for (const [form, reason] of Object.entries(skipped)) console.log(`skipped ${form}: ${reason}`);
}
