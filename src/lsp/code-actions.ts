import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CodeAction, CodeActionKind, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { REVIEW_FILE, refusalOfChange, reviewEntryFor, reviewMerger, type ReviewChange } from '../commands/review.js';
import type { Finding, Lang, Verdict } from '../model.js';
import { rulesOf } from '../rules/index.js';
import { schemaRule } from '../rules/schema.js';
import { staleReview } from '../rules/stale-review.js';
import { editDistance } from '../validate/schema-check.js';
import { fill, wordTable } from '../words.js';
import type { DiagnosticData } from './diagnostics.js';
import { uriOf } from './places.js';

/** The command that opens the published text at a quote: arguments [plan folder, quote]. */
export const SHOW_IN_SOURCE = 'plan.showInSource';
/** The command that opens a file at a line after an edit: arguments [uri, 0-based line]. */
export const SHOW_LINE = 'plan.showLine';

const AUDIT_RULE_IDS: ReadonlySet<string> = new Set(rulesOf('audit').map((rule) => rule.id));

/** What the code actions read besides the diagnostic: the finding, and the text of a file as the editor has it. */
export interface ActionContext {
  readonly lang: Lang;
  finding(data: DiagnosticData): Finding | undefined;
  /** The open document at a path, if the editor has it open. */
  openDocument(path: string): TextDocument | undefined;
}

function isData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as DiagnosticData).fingerprint === 'string' && typeof (value as DiagnosticData).dir === 'string';
}

/** The written token at a place: a quoted scalar with its quotes, else up to the next separator. */
function tokenRange(document: TextDocument, range: Range): Range {
  const line = document.getText({ start: { line: range.start.line, character: 0 }, end: { line: range.start.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const from = range.start.character;
  const quote = line[from];
  let end: number;
  if (quote === '"' || quote === "'") {
    const close = line.indexOf(quote, from + 1);
    end = close < 0 ? line.length : close + 1;
  } else {
    const match = /[^,}\]#]*/y;
    match.lastIndex = from;
    match.exec(line);
    end = from + (line.slice(from, match.lastIndex).replace(/\s+$/, '').length || 1);
    // A key ends at its colon.
    const colon = line.slice(from, end).search(/:(\s|$)/);
    if (colon >= 0) end = from + colon;
  }
  return { start: range.start, end: { line: range.start.line, character: end } };
}

function replace(uri: string, range: Range, newText: string): WorkspaceEdit {
  return { changes: { [uri]: [{ range, newText }] } };
}

/** Did-you-mean fixes of a schema finding: the key it meant, the allowed value nearest to the one written, the number a text meant. */
function schemaFixes(finding: Finding, diagnostic: Diagnostic, document: TextDocument, lang: Lang): CodeAction[] {
  const w = wordTable(lang, 'lsp');
  const target = tokenRange(document, diagnostic.range);
  const fix = (title: string, text: string, preferred: boolean): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: replace(document.uri, target, text),
  });
  const data = finding.data;
  if (finding.messageId === 'unknown-key-suggest') {
    return [fix(fill(w.changeKey, { key: String(data['key']), suggestion: String(data['suggestion']) }), String(data['suggestion']), true)];
  }
  if (finding.messageId === 'number-as-text') return [fix(fill(w.changeValue, { value: String(data['suggestion']) }), String(data['suggestion']), true)];
  if (finding.messageId === 'not-allowed') {
    const value = String(data['value']);
    const allowed = String(data['allowed']).split(', ').filter(Boolean);
    const near = allowed
      .map((name) => ({ name, distance: editDistance(value.toLowerCase(), name.toLowerCase()) }))
      .filter((c) => c.distance <= Math.max(2, Math.floor(value.length / 3)))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 3);
    return near.map((c, index) => fix(fill(w.changeValue, { value: c.name }), c.name, index === 0));
  }
  return [];
}

/**
 * One edit that turns `before` into `after`: the changed middle only, so that the editor's undo
 * and its view of the rest of the file stay as they were.
 */
export function minimalEdit(document: TextDocument | undefined, before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const positionAt = (offset: number): { line: number; character: number } => {
    if (document) return document.positionAt(offset);
    const lines = before.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines.at(-1)!.length };
  };
  return { range: { start: positionAt(start), end: positionAt(before.length - end) }, newText: after.slice(start, after.length - end) };
}

/**
 * "Review this finding": the edit of reviews.yaml that `plan review` would make (the same entry,
 * checked and merged by the same functions), as a WorkspaceEdit the editor applies and can undo.
 * The file is taken as the editor has it; its line ends and byte-order mark are kept.
 */
async function reviewAction(finding: Finding, data: DiagnosticData, diagnostic: Diagnostic, context: ActionContext, verdict: Verdict): Promise<CodeAction | undefined> {
  const w = wordTable(context.lang, 'lsp');
  const quote = finding.locations[0]?.quote;
  if (verdict === 'as-printed' && quote === undefined) return undefined;
  const entry = reviewEntryFor(finding, verdict, verdict === 'not-an-error' ? w.reasonToWrite : undefined, quote);
  const change: ReviewChange = { add: [{ entry, comment: finding.message }] };
  if (await refusalOfChange(change, context.lang)) return undefined;
  const path = join(data.dir, REVIEW_FILE);
  const open = context.openDocument(path);
  const exists = open !== undefined || existsSync(path);
  let before: string | undefined;
  try {
    before = open ? open.getText() : exists ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
  const bom = before?.startsWith('\uFEFF') === true;
  const body = bom ? before!.slice(1) : before;
  const crlf = body !== undefined && /^[^\n]*\r\n/.test(body);
  const merged = (await reviewMerger(data.dir, change))(body?.replace(/\r\n?/g, '\n'));
  if ('refusal' in merged || merged.text === undefined) return undefined;
  const after = `${bom ? '\uFEFF' : ''}${crlf ? merged.text.replace(/\n/g, '\r\n') : merged.text}`;
  const uri = uriOf(path);
  const edit: WorkspaceEdit =
    before === undefined
      ? { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: after }] }] }
      : { changes: { [uri]: [minimalEdit(open, before, after)] } };
  const lines = merged.text.split('\n');
  let reasonLine = lines.length - 1;
  while (reasonLine >= 0 && !lines[reasonLine]!.includes(w.reasonToWrite)) reasonLine--;
  return {
    title: verdict === 'as-printed' ? fill(w.reviewAsPrinted, { quote: shorten(entry.quote ?? '') }) : w.reviewNotAnError,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit,
    // The reason is the reviewer's to write: the editor is taken to it.
    ...(verdict === 'not-an-error' && reasonLine >= 0 ? { command: { title: w.reviewNotAnError, command: SHOW_LINE, arguments: [uri, reasonLine] } } : {}),
  };
}

function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/** The code actions for the plan's diagnostics in a range of a document. */
export async function codeActionsFor(diagnostics: readonly Diagnostic[], document: TextDocument, context: ActionContext): Promise<CodeAction[]> {
  const actions: CodeAction[] = [];
  const w = wordTable(context.lang, 'lsp');
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'plan' || !isData(diagnostic.data)) continue;
    const finding = context.finding(diagnostic.data);
    if (!finding) continue;
    if (finding.ruleId === schemaRule.id) actions.push(...schemaFixes(finding, diagnostic, document, context.lang));
    if (!finding.review && AUDIT_RULE_IDS.has(finding.ruleId) && finding.ruleId !== staleReview.id) {
      for (const verdict of ['as-printed', 'not-an-error'] as const) {
        const action = await reviewAction(finding, diagnostic.data, diagnostic, context, verdict);
        if (action) actions.push(action);
      }
    }
    const quote = finding.locations.find((location) => uriOf(location.file) === document.uri && location.quote !== undefined)?.quote ?? finding.locations.find((l) => l.quote)?.quote;
    if (quote !== undefined) {
      actions.push({ title: w.showInSource, kind: CodeActionKind.Empty, diagnostics: [diagnostic], command: { title: w.showInSource, command: SHOW_IN_SOURCE, arguments: [diagnostic.data.dir, quote] } });
    }
  }
  return actions;
}
