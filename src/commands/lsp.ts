import type { Lang } from '../model.js';
import { startServer } from '../lsp/server.js';

export interface LspOptions {
  /** Talk over standard input and output: the one transport there is (editors pass `--stdio`). */
  readonly stdio?: boolean;
}

/**
 * `plan lsp --stdio`: runs the language server on standard input and output until the client
 * sends `exit` or closes the stream; the server library ends the process then. Resolves when
 * the connection has closed.
 */
export function lspCommand(lang: Lang, input: NodeJS.ReadableStream & import('node:stream').Readable = process.stdin, output: import('node:stream').Writable = process.stdout): Promise<number> {
  const connection = startServer(input, output, { lang });
  return new Promise((done) => connection.onExit(() => done(0)));
}
