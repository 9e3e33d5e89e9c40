import { resolve } from 'node:path';
import type { Hover, Location as LspLocation, Position } from 'vscode-languageserver';
import { traceAsText, traceFact } from '../commands/trace.js';
import { serialLabel, type FigureStatement, type Lang, type Project } from '../model.js';
import { child } from '../pointer.js';
import { statementsToCompare } from '../rules/support/fact-comparison.js';
import { projectsOf } from '../rules/support/works.js';
import { lineAt, quotePlace, sourceText, type SourceText } from '../source-text.js';
import type { AuditedPlan } from '../views/load.js';
import { wordTable } from '../words.js';
import { rangeOf, uriOf } from './places.js';

/** Something the cursor can stand on: a figure or fact key, or a project serial in a box. 0-based line, characters. */
interface Spot {
  readonly line: number;
  readonly start: number;
  readonly statement?: FigureStatement;
  readonly project?: Project;
  /** Where a serial ends; a figure's spot runs to the next spot of its line. */
  readonly end?: number;
}

/** Where a plan's figures and box serials are written, by file and line: built once a model. */
export class PlanIndex {
  private readonly spots = new Map<string, Map<number, Spot[]>>();
  private readonly facts: Map<string, FigureStatement[]>;
  private source: SourceText | undefined;

  constructor(readonly plan: AuditedPlan) {
    const { model, locate } = plan;
    this.facts = statementsToCompare(model);
    const add = (file: string, spot: Spot): void => {
      const path = resolve(file);
      let lines = this.spots.get(path);
      if (!lines) {
        lines = new Map();
        this.spots.set(path, lines);
      }
      const list = lines.get(spot.line) ?? [];
      list.push(spot);
      lines.set(spot.line, list);
    };
    for (const statement of model.facts) {
      // The statement's mapping, its key and its figure: any of them may stand on a line of its own.
      const lines = new Set<string>();
      for (const pointer of [statement.at.pointer, child(statement.at.pointer, 'fact'), child(statement.at.pointer, 'value')]) {
        const at = locate({ ...statement.at, pointer });
        if (lines.has(`${at.line}:${at.column}`)) continue;
        lines.add(`${at.line}:${at.column}`);
        add(at.file, { line: at.line - 1, start: at.column - 1, statement });
      }
    }
    for (const box of model.boxes) {
      for (const item of box.items) {
        for (const work of item.works) {
          // A link is written as a serial (`projects: [3]`) or as a table's or section's serials
          // (`- {table: 2, serials: [4, 5]}`, `- {section: 二, serials: [3]}`); the model lists them
          // flat, in order, so a run of links of one table and section is taken as one written group.
          let group = -1;
          let inGroup = 0;
          work.projects.forEach((link, index) => {
            const previous = index > 0 ? work.projects[index - 1] : undefined;
            const written = link.table !== undefined || link.section !== undefined;
            if (!written || previous?.table !== link.table || previous?.section !== link.section) {
              group += 1;
              inGroup = 0;
            } else inGroup += 1;
            const project = projectsOf(model, link)?.[0];
            if (!project) return;
            const pointer = written ? child(work.at.pointer, 'projects', group, 'serials', inGroup) : child(work.at.pointer, 'projects', group);
            const at = locate({ ...work.at, pointer });
            add(at.file, { line: at.line - 1, start: at.column - 1, end: at.column - 1 + String(link.serial).length, project });
          });
        }
      }
    }
  }

  /** The spot under the cursor: a serial it stands on, else the figure written last before it on its line. */
  spotAt(path: string, position: Position): Spot | undefined {
    const list = this.spots.get(resolve(path))?.get(position.line);
    if (!list) return undefined;
    const serial = list.find((spot) => spot.project && position.character >= spot.start && position.character <= (spot.end ?? spot.start));
    if (serial) return serial;
    const figures = list.filter((spot) => spot.statement).sort((a, b) => a.start - b.start);
    return figures.filter((spot) => spot.start <= position.character).at(-1) ?? figures[0];
  }

  statementsOf(statement: FigureStatement): readonly FigureStatement[] {
    return this.facts.get(statement.identity) ?? [statement];
  }

  /** Where a quote stands in the published text: its first place. */
  quoteLocation(quote: string): LspLocation | undefined {
    const { model } = this.plan;
    if (model.sourceText === undefined || model.sourceFile === undefined) return undefined;
    this.source ??= sourceText(model.sourceText);
    const span = quotePlace(this.source, quote);
    if (!span) return undefined;
    const line = lineAt(this.source, span[0]);
    const start = span[0] - this.source.lineStarts[line - 1]!;
    const endLine = lineAt(this.source, Math.max(span[1] - 1, span[0]));
    const end = span[1] - this.source.lineStarts[endLine - 1]!;
    return {
      uri: uriOf(resolve(model.dir, model.sourceFile)),
      range: { start: { line: line - 1, character: start }, end: { line: endLine - 1, character: end } },
    };
  }
}

function projectText(project: Project, lang: Lang): string {
  const w = wordTable(lang, 'lsp');
  const rows: [string, string | undefined][] = [
    [w.serial, serialLabel(project)],
    [w.name, project.name],
    [w.departments, project.departments.join('、') || undefined],
    [w.nature, project.nature.join('、') || undefined],
    [w.location, project.location],
    [w.years, project.start === undefined ? undefined : `${project.start}–${project.end ?? ''}`],
    [w.investment, project.investment?.text],
    [w.content, project.content],
  ];
  return rows
    .filter((row): row is [string, string] => row[1] !== undefined)
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
}

/** Hover: every statement of the fact under the cursor, as `plan trace` prints it; or the project a serial names. */
export function hoverAt(index: PlanIndex, path: string, position: Position, lang: Lang): Hover | undefined {
  const spot = index.spotAt(path, position);
  if (!spot) return undefined;
  if (spot.project) {
    const w = wordTable(lang, 'lsp');
    return { contents: { kind: 'markdown', value: `**${w.project} ${serialLabel(spot.project)}** ${spot.project.name}\n\n\`\`\`text\n${projectText(spot.project, lang)}\n\`\`\`` } };
  }
  const statement = spot.statement!;
  const trace = traceFact(index.plan, index.statementsOf(statement));
  return { contents: { kind: 'markdown', value: `\`\`\`text\n${traceAsText([trace], lang, statement.identity).trimEnd()}\n\`\`\`` } };
}

/** The line under the cursor as `quote:`, `text:` or `content:` with its words, if it is one. */
function quotedWords(line: string): string | undefined {
  const match = /^\s*(?:-\s+)?(?:quote|text|content)\s*:\s*(.+?)\s*$/.exec(line) ?? /[{,]\s*quote\s*:\s*("[^"]*"|'[^']*'|[^,}]+)/.exec(line);
  if (!match) return undefined;
  const value = match[1]!.trim();
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/**
 * Go to definition: a box's project serial → the project in the appendix; a quote → its place
 * in the published text; a figure or fact key → the fact's other statements.
 */
export function definitionAt(index: PlanIndex, path: string, position: Position, lineText: string): LspLocation[] {
  const spot = index.spotAt(path, position);
  if (spot?.project) {
    const at = index.plan.locate(spot.project.at);
    return [{ uri: uriOf(at.file), range: rangeOf(at) }];
  }
  const words = quotedWords(lineText);
  if (words !== undefined) {
    const place = index.quoteLocation(words);
    if (place) return [place];
  }
  if (spot?.statement) {
    return index
      .statementsOf(spot.statement)
      .filter((other) => other !== spot.statement)
      .map((other) => {
        const at = index.plan.locate(other.at);
        return { uri: uriOf(at.file), range: rangeOf(at) };
      });
  }
  return [];
}
