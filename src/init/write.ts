/** The draft as the YAML text of each data file, with `# check:` comments on every guess. */
import { Checked, Flow, Printed, yamlFile, type YamlValue } from './emit.js';
import type { AppendixTable, Cell, Count, Draft, Fact, Project, Sum } from './draft.js';
import { placeWords, type Unread } from './stages/structure.js';

const num = (text: string): Printed => new Printed(text);

function checked(value: YamlValue, checks: readonly (string | undefined)[]): YamlValue {
  const present = checks.filter((check): check is string => check !== undefined && check.length > 0);
  return present.length > 0 ? new Checked(value, present) : value;
}

function factValue(fact: Fact, withQuote: boolean): YamlValue {
  const flow = new Flow({
    fact: fact.fact,
    ...(fact.value === undefined ? {} : { value: num(fact.value) }),
    ...(fact.valueMax === undefined ? {} : { valueMax: num(fact.valueMax) }),
    ...(fact.text === undefined ? {} : { text: fact.text }),
    unit: fact.unit,
    ...(fact.approx ? { approx: true } : {}),
    ...(fact.bound ? { bound: fact.bound } : {}),
    ...(fact.cumulative ? { cumulative: true } : {}),
    ...(fact.period ? { period: fact.period } : {}),
    ...(withQuote && fact.quote ? { quote: fact.quote } : {}),
  });
  return checked(flow, [fact.check]);
}

function cellValue(cell: Cell): YamlValue {
  return new Flow({
    ...(cell.value === undefined ? {} : { value: num(cell.value) }),
    ...(cell.text === undefined ? {} : { text: cell.text }),
    ...(cell.approx ? { approx: true } : {}),
    ...(cell.bound ? { bound: cell.bound } : {}),
    ...(cell.cumulative ? { cumulative: true } : {}),
  });
}

function sumsValue(sums: readonly Sum[]): YamlValue | undefined {
  if (sums.length === 0) return undefined;
  return sums.map((sum) => checked({ total: sum.total, ...(sum.parts.length > 0 ? { parts: sum.parts } : {}), ...(sum.tables ? { tables: sum.tables } : {}) }, [sum.check]));
}

function countsValue(counts: readonly Count[]): YamlValue | undefined {
  if (counts.length === 0) return undefined;
  return counts.map((count) => checked({ fact: count.fact, items: count.items, ...(count.open ? { open: true } : {}) }, [count.check]));
}

/** plan.yaml's `draft:` record: the parts of the text the draft could not read, which the audit leaves unjudged. */
function draftRecord(draft: Draft): YamlValue | undefined {
  const unread = draft.unread.filter((entry) => entry.part !== undefined);
  if (unread.length === 0) return undefined;
  // A row names its table when the projects are written as numbered tables.
  const numbered = draft.tables.length > 1 || draft.outline.appendices.length > 1;
  const rowValue = (row: NonNullable<Unread['row']>): Flow =>
    new Flow({ serial: row.serial, ...(numbered ? { table: row.table } : {}), ...(row.section === undefined ? {} : { section: row.section }), ...(row.cells ? { cells: [...row.cells] } : {}) });
  return checked({ unread: unread.map((entry) => new Flow({ part: entry.part!, where: placeWords(entry.place), what: entry.what, ...(entry.row ? { row: rowValue(entry.row) } : {}) })) }, [
    'parts of the text not read: transcribe each, then delete its entry (the audit skips the rules that judge it until then)',
  ]);
}

/** Comment lines at the head of every file: what wrote it and how to review it. */
const HEADER = ['Draft written by `plan init`. Review every `# check:` comment, then delete it.'];

export function writeFiles(draft: Draft, sourceName: string): Map<string, string> {
  const files = new Map<string, string>();
  const put = (kind: string, document: Record<string, YamlValue | undefined>): void => void files.set(`${kind}.yaml`, yamlFile(kind, document, HEADER));
  const plan = draft.plan;
  // buildDraft always sets a period: printed, from the tables, or from the date.
  const period = plan.period!;
  put('plan', {
    id: checked(plan.id, ['id: from the folder name']),
    title: checked(plan.title ?? '（标题）', [plan.title ? plan.checks.find((check) => check.startsWith('title')) : 'title: not found in the text; write it']),
    issuer: checked(plan.issuer ?? '（发文机关）', [plan.issuer ? plan.checks.find((check) => check.startsWith('issuer')) : 'issuer: not found in the header; write it']),
    documentNumber: plan.documentNumber,
    date: plan.date,
    period: checked(new Flow({ start: period.start, end: period.end }), [plan.checks.find((check) => check.startsWith('period'))]),
    moneyUnit: plan.moneyUnit,
    source: sourceName,
    draft: draftRecord(draft),
    accepted: [],
  });
  const doc = draft.outline;
  put('outline', {
    preface: doc.preface?.title,
    chapters: doc.chapters.map((chapter) => ({
      numeral: chapter.numeral,
      title: chapter.title,
      sections: chapter.sections.map((section) => new Flow({ numeral: section.numeral, title: section.title })),
      boxes: chapter.boxes.map((box) => box),
    })),
    appendix: doc.appendix?.title,
  });
  if (draft.indicators) {
    const table = draft.indicators;
    put('indicators', {
      box: table.box,
      table: table.table,
      title: table.title,
      note: table.note,
      categories: table.categories.map((category) => ({
        numeral: category.numeral,
        name: category.name,
        indicators: category.indicators.map((row) => ({
          serial: row.serial,
          name: row.name,
          fact: checked(row.fact, ['fact key: a placeholder; name what is measured']),
          unit: row.unit,
          baseline: cellValue(row.baseline),
          target: cellValue(row.target),
          attribute: row.attribute,
          better: checked(row.better, row.checks),
        })),
      })),
    });
  }
  if (draft.services) {
    const list = draft.services;
    put('services', {
      box: list.box,
      title: list.title,
      total: list.total ? factValue(list.total, true) : undefined,
      areas: list.areas.map((area) => ({
        name: area.name,
        goal: area.goal,
        declared: area.declared,
        itemsText: checked(area.itemsText, area.checks),
        items: checked(area.items, ['items split at 、 and ，']),
      })),
    });
  }
  if (draft.boxes.length > 0) {
    put('boxes', {
      boxes: draft.boxes.map((box) => ({
        number: box.number,
        title: box.title,
        chapter: box.chapter,
        items: box.items.map((item) => ({
          number: item.number,
          title: item.title,
          text: item.text,
          works: item.works.map((work) =>
            checked(
              {
                name: work.name,
                projects:
                  work.table === undefined && work.section === undefined
                    ? work.projects
                    : [new Flow({ ...(work.table === undefined ? {} : { table: work.table }), ...(work.section === undefined ? {} : { section: work.section }), serials: work.projects })],
              },
              [work.check],
            ),
          ),
          facts: item.facts.map((fact) => factValue(fact, false)),
          sums: sumsValue(item.sums),
          counts: countsValue(item.counts),
        })),
      })),
    });
  }
  if (draft.tables.length > 0) {
    const projectValue = (project: Project): YamlValue =>
      checked(
        {
          serial: project.serial,
          name: project.name,
          departments: project.departments,
          nature: project.nature,
          location: project.location,
          content: project.content || undefined,
          start: project.start,
          end: project.end,
          investment: num(project.investment),
          facts: project.facts.map((fact) => factValue(fact, false)),
          sums: sumsValue(project.sums),
          counts: countsValue(project.counts),
        },
        project.checks,
      );
    const tableValue = (table: AppendixTable, numbered: boolean): Record<string, YamlValue | undefined> => ({
      ...(numbered ? { number: table.number } : {}),
      title: table.title,
      total: checked(num(table.total), table.checks),
      numbering: table.numbering,
      sections: table.sections.map((section) => {
        // A divided section writes its own projects (if any) and its parts, each with its projects.
        const inParts = new Set(section.parts?.flatMap((part) => part.projects));
        const own = section.projects.filter((project) => !inParts.has(project));
        return {
          numeral: section.numeral,
          name: section.name,
          // A divided section that prints no subtotal of its own has none written.
          subtotal: section.subtotal === '' ? undefined : num(section.subtotal),
          ...(own.length > 0 || !section.parts ? { projects: own.map(projectValue) } : {}),
          ...(section.parts ? { parts: section.parts.map((part) => ({ numeral: part.numeral, name: part.name, subtotal: num(part.subtotal), projects: part.projects.map(projectValue) })) } : {}),
        };
      }),
    });
    // One table at the top (as the bundled plan is written); several under `tables`, each with its number.
    // (The one table read of several printed keeps its number.)
    put('projects', draft.tables.length === 1 ? tableValue(draft.tables[0]!, draft.outline.appendices.length > 1) : { tables: draft.tables.map((table) => tableValue(table, true)) });
  }
  put('statements', {
    statements: draft.statements.map((group) => ({
      chapter: group.chapter,
      section: group.section,
      facts: group.facts.map((fact) => factValue(fact, true)),
      sums: sumsValue(group.sums),
      counts: countsValue(group.counts),
    })),
  });
  return files;
}

/** How many `# check:` comments the files carry. */
export function countChecks(files: ReadonlyMap<string, string>): number {
  let count = 0;
  for (const text of files.values()) count += text.match(/^\s*# check:/gm)?.length ?? 0;
  return count;
}
