// Scores an unedited draft (`plan init --from <form>`) against the hand-made plan folder: projects
// exact, subtotals, totals, indicator rows, box items; and its audit against the planted answers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const BIN = new URL('../../bin/plan.js', import.meta.url).pathname;

function load(dir, name) {
  const path = join(dir, name);
  if (!existsSync(path)) return {};
  try {
    return parse(readFileSync(path, 'utf8')) ?? {};
  } catch {
    return {};
  }
}

/** A section's projects: its own, then its parts' (（一）（二）). */
const projectsOf = (section) => [...(section.projects ?? []), ...(section.parts ?? []).flatMap((part) => part.projects ?? [])];
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const num = (value) => (value === undefined || value === null ? undefined : Number(value));
/** The appendix tables of a projects.yaml, by number (the only, unnumbered table is 1). */
const tablesOf = (projects) => (projects.tables ?? (projects.sections ? [projects] : [])).map((table) => ({ ...table, number: table.number ?? 1 }));
const cell = (value) => (value ? [num(value.value), num(value.valueMax), value.text, value.approx === true, value.bound ?? null, value.cumulative === true] : null);

/** How much of the hand-made plan in `truthDir` the draft in `draftDir` has, part by part. */
export function scoreDraftFolder(truthDir, draftDir) {
  const result = {};
  const truthTables = tablesOf(load(truthDir, 'projects.yaml'));
  const draftTables = tablesOf(load(draftDir, 'projects.yaml'));
  // A table numbered section by section names a project by its section and serial.
  const byKey = (tables) =>
    new Map(tables.flatMap((table) => (table.sections ?? []).flatMap((section) => projectsOf(section).map((p) => [`${table.number}:${table.numbering === 'section' ? `${section.numeral}、` : ''}${p.serial}`, p]))));
  const truthProjects = byKey(truthTables);
  const draftProjects = byKey(draftTables);
  const columns = ['name', 'departments', 'nature', 'location', 'content', 'start', 'end'];
  let equal = 0;
  for (const [key, project] of truthProjects) {
    const other = draftProjects.get(key);
    if (other && columns.every((column) => same(project[column], other[column])) && num(project.investment) === num(other.investment)) equal += 1;
  }
  result.projects = { equal, of: truthProjects.size };
  let subtotals = 0;
  let subtotalsOf = 0;
  let totals = 0;
  for (const table of truthTables) {
    const other = draftTables.find((t) => t.number === table.number);
    if (table.total !== undefined && other && num(other.total) === num(table.total)) totals += 1;
    // A section's subtotal, and each of its parts' (（一）（二）), against the draft's in the same place.
    const sameGroup = (a, b) => a && b && a.numeral === b.numeral && a.name === b.name && num(a.subtotal) === num(b.subtotal);
    (table.sections ?? []).forEach((section, index) => {
      const twin = other?.sections?.[index];
      subtotalsOf += 1 + (section.parts ?? []).length;
      if (sameGroup(section, twin)) subtotals += 1;
      (section.parts ?? []).forEach((part, partIndex) => {
        if (sameGroup(part, twin?.parts?.[partIndex])) subtotals += 1;
      });
    });
  }
  result.subtotals = { equal: subtotals, of: subtotalsOf };
  result.totals = { equal: totals, of: truthTables.filter((t) => t.total !== undefined).length };

  const rows = (indicators) => new Map((indicators.categories ?? []).flatMap((category) => (category.indicators ?? []).map((row) => [num(row.serial), row])));
  const truthRows = rows(load(truthDir, 'indicators.yaml'));
  const draftRows = rows(load(draftDir, 'indicators.yaml'));
  let rowsEqual = 0;
  for (const [serial, row] of truthRows) {
    const other = draftRows.get(serial);
    if (other && other.name === row.name && other.unit === row.unit && same(cell(row.baseline), cell(other.baseline)) && same(cell(row.target), cell(other.target))) rowsEqual += 1;
  }
  result.indicatorRows = { equal: rowsEqual, of: truthRows.size };

  const items = (boxes) => new Map((boxes.boxes ?? []).flatMap((box) => (box.items ?? []).map((item) => [`${box.number}.${item.number}`, item])));
  const truthItems = items(load(truthDir, 'boxes.yaml'));
  const draftItems = items(load(draftDir, 'boxes.yaml'));
  let itemsEqual = 0;
  for (const [key, item] of truthItems) {
    const other = draftItems.get(key);
    if (other && other.title === item.title && (other.text ?? '').trim() === (item.text ?? '').trim()) itemsEqual += 1;
  }
  result.boxItems = { equal: itemsEqual, of: truthItems.size };
  return result;
}

/** Runs the bin: `plan init <draft> --from <file>`. */
export function draftFrom(file) {
  const parent = mkdtempSync(join(tmpdir(), 'plan-init-score-'));
  const draft = join(parent, 'draft');
  const run = spawnSync(process.execPath, [BIN, 'init', draft, '--from', file, '--lang', 'en'], { encoding: 'utf8', timeout: 300_000 });
  const problem = run.status === 0 ? undefined : (run.stderr.trim().split('\n')[0] ?? `exit ${run.status}`).replace(/^.*?:\d+:\d+ /, '');
  return { draft, parent, ok: run.status === 0 && existsSync(draft), problem };
}

/**
 * The draft's audit against the planted answers: each planted contradiction is found when the
 * audit reports its rule and message; every other error or warning is a false alarm.
 */
export function auditAgainst(draft, planted) {
  const run = spawnSync(process.execPath, [BIN, 'audit', draft, '--format', 'json', '--lang', 'en'], { encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
  let findings = [];
  try {
    findings = JSON.parse(run.stdout).findings ?? [];
  } catch {
    return { found: 0, of: planted.length, falseAlarms: undefined, audited: false };
  }
  const pool = findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.ruleId}/${f.messageId}`);
  let found = 0;
  for (const plant of planted) {
    const at = pool.indexOf(`${plant.ruleId}/${plant.messageId}`);
    if (at >= 0) {
      pool.splice(at, 1);
      found += 1;
    }
  }
  return { found, of: planted.length, falseAlarms: pool.length, audited: run.status === 0 || run.status === 1 };
}

export const removeDraft = (result) => rmSync(result.parent, { recursive: true, force: true });
