import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  Diagnostic,
  Hover,
  Location,
  Position,
  PublishDiagnosticsParams,
  Range,
  ShowDocumentParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;

/** A diagnostic's message as text (LSP 3.18 allows markup). */
export const messageOf = (diagnostic: Diagnostic): string => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

export const uriOf = (path: string): string => pathToFileURL(path).href;

/** Applies LSP text edits to a text (edits of one document, in any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (p: Position): number => (lineStarts[p.line] ?? text.length) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

/** The text edits a WorkspaceEdit makes to one document. */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocuments = (edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits.filter((e): e is TextEdit => 'range' in e) : []));
  return [...fromChanges, ...fromDocuments];
}

/** `plan lsp --stdio` spawned from the built bin, driven by vscode-jsonrpc as an editor would. */
export class LspClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly shown: ShowDocumentParams[] = [];
  readonly logged: string[] = [];
  stderr = '';
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private listeners: (() => void)[] = [];

  constructor(env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.child.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const listener of this.listeners) listener();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => void this.logged.push(params.message));
    this.connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
      this.shown.push(params);
      return { success: true };
    });
    this.connection.listen();
  }

  async initialize(options: Record<string, unknown> = { lang: 'en', debounceMs: 10 }): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { window: { showDocument: { support: true } }, workspace: { workspaceEdit: { documentChanges: true } } },
      initializationOptions: options,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The diagnostics last published for a file. */
  latest(path: string): PublishDiagnosticsParams | undefined {
    const uri = uriOf(path);
    return this.published.filter((p) => p.uri === uri).at(-1);
  }

  /** Waits for diagnostics of a file, published for its current version, that pass `test`. */
  waitFor(path: string, test: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 25_000): Promise<Diagnostic[]> {
    const uri = uriOf(path);
    const version = this.versions.get(uri);
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const last = this.published.filter((p) => p.uri === uri && (version === undefined || p.version === undefined || p.version === version)).at(-1);
        if (last && test(last.diagnostics)) {
          this.listeners = this.listeners.filter((l) => l !== listener);
          clearTimeout(timer);
          resolve(last.diagnostics);
          return true;
        }
        return false;
      };
      const listener = (): void => void check();
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`no matching diagnostics for ${uri} (version ${version}); last: ${JSON.stringify(this.latest(path)?.diagnostics.map((d) => [d.code, d.range.start.line, d.message]))}\nstderr: ${this.stderr}`));
      }, timeoutMs);
      this.listeners.push(listener);
      check();
    });
  }

  open(path: string, text = readFileSync(path, 'utf8')): Promise<void> {
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  text(path: string): string {
    return this.texts.get(uriOf(path)) ?? '';
  }

  /** Sends edits of an open document (incremental, as editors do). */
  edit(path: string, edits: readonly TextEdit[]): Promise<void> {
    const uri = uriOf(path);
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, applyEdits(this.texts.get(uri) ?? '', edits));
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character).map((e) => ({ range: e.range, text: e.newText })),
    });
  }

  /** Replaces the first `from` on the line holding `needle` by `to`; returns the 0-based line. */
  async replaceOnLine(path: string, needle: string, from: string, to: string): Promise<number> {
    const lines = this.text(path).split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    if (line < 0 || !lines[line]!.includes(from)) throw new Error(`not found in ${path}: ${needle} / ${from}`);
    const character = lines[line]!.indexOf(from);
    const range: Range = { start: { line, character }, end: { line, character: character + from.length } };
    await this.edit(path, [{ range, newText: to }]);
    return line;
  }

  hover(path: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(path) }, position });
  }

  definition(path: string, position: Position): Promise<Location[] | null> {
    return this.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriOf(path) }, position });
  }

  codeActions(path: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(path) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  }

  /** Sends shutdown and exit; resolves with the exit code once the process has ended. */
  async stop(): Promise<number | null> {
    const ended = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    if (this.child.exitCode !== null) return this.child.exitCode;
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await ended;
    this.connection.dispose();
    return code;
  }
}
