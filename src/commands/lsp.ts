import type { Lang } from '../model.js';
import { startServer } from '../lsp/server.js';

/**
 * `plan lsp --stdio`: the language server on standard input and output, the one transport
 * (editors pass `--stdio`). It runs until the client sends `exit` or closes the stream; the
 * server library ends the process then, with 0 after a `shutdown` and 1 without.
 */
export function lspCommand(lang: Lang): Promise<number> {
  const connection = startServer(process.stdin, process.stdout, { lang });
  return new Promise((done) => connection.onExit(() => done(0)));
}
