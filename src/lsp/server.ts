import { basename, dirname } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CodeActionKind, type Connection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../docs-links.js';
import { fileNameOf, PLAN_FILE_KIND } from '../load/file-kinds.js';
import type { Lang } from '../model.js';
import { fill, wordTable } from '../words.js';
import { MessageGuard } from './framing.js';
import { codeActionsFor, SHOW_IN_SOURCE, SHOW_LINE } from './code-actions.js';
import type { DiagnosticData } from './diagnostics.js';
import { definitionAt, hoverAt, PlanIndex } from './navigation.js';
import { pathOf, planFolderOf } from './places.js';
import { type OpenText, type PlanSession, Plans } from './plans.js';

export interface ServerOptions {
  readonly lang: Lang;
  /** Milliseconds an edit waits for the next before its plan is checked (default 50). */
  readonly debounceMs?: number;
}

/** What a client may pass in `initializationOptions`. */
interface InitializationOptions {
  readonly lang?: unknown;
  readonly debounceMs?: unknown;
}

const DEFAULT_DEBOUNCE_MS = 50;

/**
 * `plan lsp`: a language server for plan folders over a pair of streams. Diagnostics are the
 * findings of `plan audit`, hover is `plan trace`, quick fixes are the schema's did-you-mean
 * hints and `plan review`. Nothing is written to disk: every change goes through a
 * WorkspaceEdit the client applies. Returns the connection, listening.
 */
export function startServer(input: Readable, output: Writable, options: ServerOptions): Connection {
  // Until the connection exists, a skipped message is told on stderr; then to the client's log.
  let log = (message: string): void => void process.stderr.write(`${message}\n`);
  const connection = createConnection(input.pipe(new MessageGuard((message) => log(message))), output);
  log = (message) => connection.console.log(message);
  const documents = new TextDocuments(TextDocument);
  let lang = options.lang;
  let debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;

  const plans = new Plans({
    get lang() {
      return lang;
    },
    get debounceMs() {
      return debounceMs;
    },
    *openTexts(): Iterable<OpenText> {
      for (const document of documents.all()) {
        const path = pathOf(document.uri);
        if (path !== undefined) yield { path, version: document.version, getText: () => document.getText() };
      }
    },
    publish(uri, diagnostics, version) {
      void connection.sendDiagnostics({ uri, diagnostics, ...(version === undefined ? {} : { version }) });
    },
    documentation: ruleDocUrl,
    log: (message) => log(message),
  });

  const indexes = new WeakMap<PlanSession, { generation: number; index: PlanIndex }>();
  /** The index of the plan a document belongs to, built on its last audited model. */
  const indexFor = (session: PlanSession | undefined): PlanIndex | undefined => {
    if (!session?.audited) return undefined;
    let kept = indexes.get(session);
    if (!kept || kept.generation !== session.generation) {
      kept = { generation: session.generation, index: new PlanIndex(session.audited) };
      indexes.set(session, kept);
    }
    return kept.index;
  };
  const indexOf = (uri: string): { path: string; index: PlanIndex } | undefined => {
    const path = pathOf(uri);
    const dir = path === undefined ? undefined : planFolderOf(path);
    const index = dir === undefined ? undefined : indexFor(plans.find(dir));
    return path === undefined || !index ? undefined : { path, index };
  };

  /** Checks the plan a document belongs to after an edit; a file outside any plan gets no diagnostics. */
  const touched = (uri: string, closed: boolean): void => {
    const path = pathOf(uri);
    const dir = path === undefined ? undefined : planFolderOf(path);
    if (dir === undefined) {
      if (closed) void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    plans.get(dir).schedule();
  };

  connection.onInitialize((params) => {
    const given = (params.initializationOptions ?? {}) as InitializationOptions;
    if (given.lang === 'zh' || given.lang === 'en') lang = given.lang;
    if (typeof given.debounceMs === 'number' && given.debounceMs >= 0) debounceMs = given.debounceMs;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [SHOW_IN_SOURCE, SHOW_LINE] },
      },
      serverInfo: { name: 'plan' },
    };
  });

  documents.onDidChangeContent((event) => touched(event.document.uri, false));
  documents.onDidClose((event) => touched(event.document.uri, true));

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (path === undefined) continue;
      const session = plans.find(dirname(path));
      if (!session) continue;
      if (basename(path) === fileNameOf(PLAN_FILE_KIND) && planFolderOf(path) === undefined) plans.drop(session.dir);
      else session.schedule();
    }
  });

  connection.onHover((params) => {
    const found = indexOf(params.textDocument.uri);
    return found ? (hoverAt(found.index, found.path, params.position, lang) ?? null) : null;
  });

  connection.onDefinition((params) => {
    const found = indexOf(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!found || !document) return null;
    const line = document.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } });
    return definitionAt(found.index, found.path, params.position, line.replace(/\r?\n$/, ''));
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return codeActionsFor(params.context.diagnostics, document, {
      lang,
      finding: (data: DiagnosticData) => plans.find(data.dir)?.findings.get(data.fingerprint),
      openDocument: (path) => documents.all().find((open) => pathOf(open.uri) === path),
    });
  });

  connection.onExecuteCommand(async (params) => {
    const [first, second] = params.arguments ?? [];
    if (params.command === SHOW_LINE && typeof first === 'string' && typeof second === 'number') {
      await connection.window.showDocument({ uri: first, takeFocus: true, selection: { start: { line: second, character: 0 }, end: { line: second, character: 0 } } });
      return;
    }
    if (params.command !== SHOW_IN_SOURCE || typeof first !== 'string' || typeof second !== 'string') return;
    const place = indexFor(plans.find(first))?.quoteLocation(second);
    if (!place) {
      void connection.window.showWarningMessage(fill(wordTable(lang, 'lsp').notInSource, { quote: second }));
      return;
    }
    await connection.window.showDocument({ uri: place.uri, takeFocus: true, selection: place.range });
  });

  connection.onShutdown(() => {
    for (const session of plans.all()) session.stop();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
