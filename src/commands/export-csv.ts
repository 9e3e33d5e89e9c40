import { relative } from 'node:path';
import type { Lang } from '../model.js';
import { reviewText } from '../reviews/match.js';
import type { ViewInput } from '../views/load.js';
import { findingsIndex } from '../views/places.js';
import { tableAsCsv, type ViewTable } from '../views/table.js';
import { summarizePlan, summaryTables } from './summary.js';
import { allFacts, qualifierText, verdictText } from './trace.js';
import { wordTable } from '../words.js';


/** The tables `plan export --format csv` writes, one file each: projects, facts, findings, and the summary's tables. */
export function csvTables(input: ViewInput, lang: Lang, cwd: string): ViewTable[] {
  const w = wordTable(lang, 'csv');
  const place = (file: string): string => relative(cwd, file) || file;
  // A table column only when some plan prints several appendix tables: one table's CSV keeps its columns.
  const tableColumn = input.plans.some(({ model }) => model.appendixTables.length > 1);
  const projects: ViewTable = {
    id: 'projects',
    title: 'projects',
    columns: [
      { label: w.plan }, ...(tableColumn ? [{ label: w.table }] : []), { label: w.sectionNumeral }, { label: w.section }, { label: w.serial, numeric: true }, { label: w.name }, { label: w.departments },
      { label: w.nature }, { label: w.location }, { label: w.content }, { label: w.start, numeric: true }, { label: w.end, numeric: true },
      { label: w.investment, numeric: true }, { label: w.unit }, { label: w.file }, { label: w.line, numeric: true }, { label: w.findings },
    ],
    rows: input.plans.flatMap(({ model, findings, locate }) => {
      const findingsAt = findingsIndex(findings);
      return model.appendixSections.flatMap((section) =>
        section.projects.map((project) => {
          const location = locate(project.at);
          return [
            model.id, ...(tableColumn ? [section.table === undefined ? '' : `附表${section.table}`] : []), section.label, section.name, project.label, project.name, project.departments.join('、'), project.nature.join('或'),
            project.location ?? '', project.content ?? '', project.start === undefined ? '' : String(project.start), project.end === undefined ? '' : String(project.end),
            project.investment?.text ?? '', model.moneyUnit, place(location.file), String(location.line),
            [...new Set(findingsAt(project.at).map((f) => f.ruleId))].join(' '),
          ];
        }),
      );
    }),
  };
  const facts: ViewTable = {
    id: 'facts',
    title: 'facts',
    columns: [
      { label: w.plan }, { label: w.fact }, { label: w.period }, { label: w.ref }, { label: w.printed }, { label: w.value, numeric: true },
      { label: w.valueMax, numeric: true }, { label: w.unit }, { label: w.qualifiers }, { label: w.interval }, { label: w.baseUnit }, { label: w.verdict },
      { label: w.quote }, { label: w.file }, { label: w.line, numeric: true }, { label: w.column, numeric: true },
    ],
    rows: allFacts(input.plans).flatMap((trace) =>
      trace.statements.map((s) => [
        trace.plan, trace.fact, trace.period ?? '', s.ref, s.printed, s.value ?? '', s.valueMax ?? '', s.unit,
        s.qualifiers.map((q) => qualifierText(q, lang)).join('；'), s.interval ?? '', s.baseUnit, verdictText(trace.verdict, lang),
        s.quote ?? '', place(s.file), String(s.line), String(s.column),
      ]),
    ),
  };
  const findings: ViewTable = {
    id: 'findings',
    title: 'findings',
    columns: [
      { label: w.plan }, { label: w.severity }, { label: w.rule }, { label: w.messageId }, { label: w.message }, { label: w.file },
      { label: w.line, numeric: true }, { label: w.column, numeric: true }, { label: w.ref }, { label: w.quote }, { label: w.values }, { label: w.unit },
      { label: w.suppressed }, { label: w.fingerprint },
    ],
    rows: input.findings.map((finding) => {
      const primary = finding.locations[0];
      return [
        finding.plan ?? '', finding.severity, finding.ruleId, finding.messageId, finding.message, primary ? place(primary.file) : '',
        primary ? String(primary.line) : '', primary ? String(primary.column) : '', primary?.ref ?? '', primary?.quote ?? '',
        (finding.values ?? []).join('；'), finding.unit ?? '', finding.review ? reviewText(finding.review, lang) : '', finding.fingerprint,
      ];
    }),
  };
  const summaries = input.plans.length === 1 ? summaryTables(summarizePlan(input.plans[0]!), lang) : [];
  return [projects, facts, findings, ...summaries];
}

/** File name and content of each CSV file. */
export function csvFiles(input: ViewInput, lang: Lang, cwd: string): { name: string; text: string }[] {
  return csvTables(input, lang, cwd).map((table) => ({ name: `${table.id}.csv`, text: tableAsCsv(table) }));
}
