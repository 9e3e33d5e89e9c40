// Measures `plan init` against the hand-made plan: drafts plan-data/wushan-2021-2025/source.txt
// and compares the draft's YAML with the hand-made files, part by part. Then, unless --no-forms,
// drafts every published form of the composed corpus and of the bundled plan rendered from its
// YAML (scripts/corpus/) with the bin, and prints a table a form. Run after `npm run build`.
// Options: --plans N (composed plans, default 4), --seed S (default 1), --keep DIR (keep the corpus).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = new URL('../', import.meta.url);
const PLAN = new URL('plan-data/wushan-2021-2025/', ROOT);

function load(dirOrFiles, name) {
  const text = dirOrFiles instanceof Map ? dirOrFiles.get(name) : readFileSync(new URL(name, dirOrFiles), 'utf8');
  return text === undefined ? undefined : parse(typeof text === 'string' ? text : new TextDecoder().decode(text));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const num = (value) => (value === undefined ? undefined : Number(value));

/** A figure's value, unit and qualifiers: what must agree for it to count as present. */
function figureKey(fact) {
  return JSON.stringify([num(fact.value), num(fact.valueMax), fact.text, fact.unit, fact.approx === true, fact.bound ?? null, fact.cumulative === true]);
}

function matchFacts(wanted, got) {
  const pool = new Map();
  for (const fact of got) pool.set(figureKey(fact), (pool.get(figureKey(fact)) ?? 0) + 1);
  let found = 0;
  for (const fact of wanted) {
    const key = figureKey(fact);
    if ((pool.get(key) ?? 0) > 0) {
      pool.set(key, pool.get(key) - 1);
      found += 1;
    }
  }
  return found;
}

const strip = (indicator) => ({ ...indicator, fact: undefined });

/** Compares the draft files (a Map of name to text) with the hand-made plan. */
export function scoreDraft(files) {
  const hand = (name) => load(PLAN, name);
  const draft = (name) => load(files, name) ?? {};
  const result = {};

  const outlineHand = hand('outline.yaml');
  const outlineDraft = draft('outline.yaml');
  result.outlineExact = same(outlineHand, outlineDraft);

  const indHand = hand('indicators.yaml');
  const indDraft = draft('indicators.yaml');
  const rows = (table) => (table.categories ?? []).map((category) => ({ ...category, indicators: category.indicators.map(strip) }));
  result.indicatorsExact = indHand.title === indDraft.title && indHand.note === indDraft.note && same(rows(indHand), rows(indDraft ?? {}));

  const projHand = hand('projects.yaml');
  const projDraft = draft('projects.yaml');
  const projects = (appendix) => new Map((appendix.sections ?? []).flatMap((section) => section.projects).map((project) => [project.serial, project]));
  const columns = ['name', 'departments', 'nature', 'location', 'content', 'start', 'end', 'investment'];
  const handProjects = projects(projHand);
  const draftProjects = projects(projDraft);
  let projectsEqual = 0;
  for (const [serial, project] of handProjects) {
    const other = draftProjects.get(serial);
    if (other && columns.every((column) => same(project[column], other[column]))) projectsEqual += 1;
  }
  result.projects = { equal: projectsEqual, of: handProjects.size };
  let subtotals = 0;
  (projHand.sections ?? []).forEach((section, index) => {
    const other = projDraft.sections?.[index];
    if (other && other.numeral === section.numeral && other.name === section.name && num(other.subtotal) === num(section.subtotal)) subtotals += 1;
  });
  result.subtotals = { equal: subtotals, of: projHand.sections.length };
  result.totalEqual = num(projHand.total) === num(projDraft.total);

  const boxesHand = hand('boxes.yaml').boxes;
  const boxesDraft = draft('boxes.yaml').boxes ?? [];
  const itemMap = (boxes) => new Map(boxes.flatMap((box) => box.items.map((item) => [`${box.number}.${item.number}`, item])));
  const handItems = itemMap(boxesHand);
  const draftItems = itemMap(boxesDraft);
  const links = (item) => [...new Set((item?.works ?? []).flatMap((work) => work.projects))].sort((a, b) => a - b);
  let linked = 0;
  for (const [key, item] of handItems) if (same(links(item), links(draftItems.get(key)))) linked += 1;
  result.boxLinks = { right: linked, of: handItems.size };

  let factsWanted = 0;
  let factsFound = 0;
  for (const [serial, project] of handProjects) {
    factsWanted += (project.facts ?? []).length;
    factsFound += matchFacts(project.facts ?? [], draftProjects.get(serial)?.facts ?? []);
  }
  for (const [key, item] of handItems) {
    factsWanted += (item.facts ?? []).length;
    factsFound += matchFacts(item.facts ?? [], draftItems.get(key)?.facts ?? []);
  }
  const groups = (statements) => {
    const map = new Map();
    for (const group of statements ?? []) {
      const key = `${group.chapter ?? ''}/${group.section ?? ''}`;
      map.set(key, [...(map.get(key) ?? []), ...(group.facts ?? [])]);
    }
    return map;
  };
  const handStatements = groups(hand('statements.yaml').statements);
  const draftStatements = groups(draft('statements.yaml').statements);
  for (const [key, facts] of handStatements) {
    factsWanted += facts.length;
    factsFound += matchFacts(facts, draftStatements.get(key) ?? []);
  }
  const total = hand('services.yaml').total;
  if (total) {
    factsWanted += 1;
    factsFound += matchFacts([total], draft('services.yaml').total ? [draft('services.yaml').total] : []);
  }
  result.facts = { present: factsFound, of: factsWanted };
  return result;
}

const percent = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;

export function formatScore(score) {
  return [
    `outline exactly:                 ${score.outlineExact ? 'yes' : 'no'}`,
    `indicator table exactly:         ${score.indicatorsExact ? 'yes' : 'no'}`,
    `projects with every column equal: ${score.projects.equal}/${score.projects.of} (${percent(score.projects.equal, score.projects.of)})`,
    `subtotals equal:                 ${score.subtotals.equal}/${score.subtotals.of}; total ${score.totalEqual ? 'equal' : 'differs'}`,
    `box items with the right links:  ${score.boxLinks.right}/${score.boxLinks.of} (${percent(score.boxLinks.right, score.boxLinks.of)})`,
    `facts present (value, unit, qualifiers): ${score.facts.present}/${score.facts.of} (${percent(score.facts.present, score.facts.of)})`,
  ].join('\n');
}

/** Adds up the parts of several scores: `{ equal, of }` part by part. */
function addScores(scores) {
  const total = {};
  for (const score of scores) {
    for (const [part, value] of Object.entries(score)) {
      if (!value || typeof value !== 'object' || !('of' in value)) continue;
      total[part] ??= { equal: 0, of: 0 };
      const sum = total[part];
      sum.equal += value.equal ?? value.found ?? 0;
      sum.of += value.of;
    }
  }
  return total;
}

const ratio = (part) => (part && part.of > 0 ? `${part.equal}/${part.of}` : '—');

/** The per-form table: one row a form, the composed plans added up; failures counted. */
export function formatFormTable(rows) {
  const header = ['form', 'drafted', 'projects exact', 'subtotals', 'totals', 'indicator rows', 'box items', 'planted found', 'false alarms'];
  const lines = rows.map((row) => [
    row.form,
    `${row.drafted}/${row.plans}`,
    ratio(row.score.projects),
    ratio(row.score.subtotals),
    ratio(row.score.totals),
    ratio(row.score.indicatorRows),
    ratio(row.score.boxItems),
    ratio(row.score.planted),
    row.falseAlarms === undefined ? '—' : String(row.falseAlarms),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...lines.map((line) => line[i].length)));
  const format = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [format(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.map(format)].join('\n');
}

/**
 * Drafts every form of the corpus with the bin (`plan init --from <file>`) and scores each
 * unedited draft: composed plans against their hand-made folders and planted answers, the
 * bundled plan's renderings against its own YAML (the round trip).
 */
export async function scoreForms({ plans = 4, seed = 1, out, log = () => {} }) {
  const { buildCorpus, FORMS } = await import('./corpus/build.mjs');
  const { auditAgainst, draftFrom, removeDraft, scoreDraftFolder } = await import('./corpus/score.mjs');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { dirname, join } = await import('node:path');
  const dir = out ?? join(mkdtempSync(join(tmpdir(), 'plan-corpus-')), 'corpus');
  const { entries, skipped } = await buildCorpus({ out: dir, plans, seed, log });
  const composed = [];
  const roundTrip = [];
  const problems = [];
  for (const [target, kind] of [[composed, 'composed'], [roundTrip, 'bundled']]) {
    for (const form of FORMS) {
      const members = entries.filter((entry) => entry.kind === kind && entry.forms[form]);
      if (members.length === 0) continue;
      log(`drafting ${kind} ${form} …`);
      const scores = [];
      let drafted = 0;
      let falseAlarms = kind === 'composed' ? 0 : undefined;
      for (const entry of members) {
        const result = draftFrom(entry.forms[form]);
        if (!result.ok) {
          problems.push(`${entry.id} ${form}: ${result.problem}`);
          scores.push({ ...scoreDraftFolder(entry.planDir, join(result.parent, 'none')), planted: { equal: 0, of: entry.planted.length } });
          removeDraft(result);
          continue;
        }
        drafted += 1;
        const score = scoreDraftFolder(entry.planDir, result.draft);
        if (kind === 'composed') {
          const audit = auditAgainst(result.draft, entry.planted);
          score.planted = { equal: audit.found, of: audit.of };
          if (audit.falseAlarms === undefined) problems.push(`${entry.id} ${form}: the draft could not be audited`);
          else falseAlarms += audit.falseAlarms;
        }
        scores.push(score);
        removeDraft(result);
      }
      target.push({ form, plans: members.length, drafted, score: addScores(scores), falseAlarms });
    }
  }
  // A corpus made in a temporary folder goes with the run; one asked for with --keep stays.
  if (out === undefined) (await import('node:fs')).rmSync(dirname(dir), { recursive: true, force: true });
  return { composed, roundTrip, skipped, problems, dir, plans: entries.filter((e) => e.kind === 'composed').length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const { draftPlan } = await import(new URL('dist/init/index.js', ROOT).href);
  const result = await draftPlan(readFileSync(new URL('source.txt', PLAN)), 'source.txt', 'wushan-2021-2025');
  if (!result.ok) {
    console.error(`plan init failed: ${result.problem}`);
    process.exit(2);
  }
  console.log(formatScore(scoreDraft(result.files)));
  if (!args.includes('--no-forms')) {
    const forms = await scoreForms({ plans: Number(option('--plans', '4')), seed: Number(option('--seed', '1')), out: option('--keep', undefined), log: (line) => console.error(line) });
    console.log(`\nPublished forms: ${forms.plans} composed plans (seed ${option('--seed', '1')}; planted contradictions found by the audit of each unedited draft)`);
    console.log(formatFormTable(forms.composed));
    console.log('\nThe bundled plan rendered from its own YAML (round trip):');
    console.log(formatFormTable(forms.roundTrip));
    for (const [form, reason] of Object.entries(forms.skipped)) console.log(`skipped ${form}: ${reason}`);
    const counts = new Map();
    for (const problem of forms.problems) counts.set(problem.replace(/^\S+ /, ''), (counts.get(problem.replace(/^\S+ /, '')) ?? 0) + 1);
    if (counts.size > 0) console.log('\nNot drafted:');
    for (const [problem, count] of counts) console.log(`  ${count}× ${problem}`);
    if (option('--keep', undefined)) console.log(`\ncorpus kept in ${forms.dir}`);
  }
}
