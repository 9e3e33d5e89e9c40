/**
 * Each test of the shared workers starts with the built-ins Node gave the worker.
 *
 * pdfjs-dist's legacy build (src/read/pdf.ts) brings core-js, which replaces built-ins Node 20
 * already has with its own: `JSON.stringify` becomes about 40 times slower, `Array.prototype.push`
 * slower too. A bin that reads a PDF pays for it in what it does after; a worker that keeps its
 * modules from file to file paid for it in every file after the first that read a PDF (an audit
 * of 12,600 projects as SARIF: 3 s → 15 s), and every test after it in that file. What core-js
 * added (Promise.withResolvers, Set.prototype.union, …) stays, for the pdfjs already loaded; what
 * it replaced gives the same results, only slower.
 */
import { beforeEach } from 'vitest';
import { type BuiltIns, builtIns, restoreBuiltIns } from '../src/read/built-ins.js';

const KEY = Symbol.for('plan-test.native-built-ins');

const global = globalThis as { [KEY]?: BuiltIns };
// Taken in the worker's first file, before any test file ran.
global[KEY] ??= builtIns();

function restore(): void {
  restoreBuiltIns(global[KEY]!);
}

restore();
beforeEach(restore);
