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

const KEY = Symbol.for('plan-test.native-built-ins');

type Saved = readonly (readonly [object, PropertyKey, PropertyDescriptor])[];

const holders = (): object[] => [
  Object,
  Object.prototype,
  Function.prototype,
  Array,
  Array.prototype,
  String,
  String.prototype,
  Number,
  Number.prototype,
  Math,
  JSON,
  Reflect,
  Promise,
  Promise.prototype,
  Map,
  Map.prototype,
  Set,
  Set.prototype,
  WeakMap.prototype,
  WeakSet.prototype,
  RegExp.prototype,
  Symbol,
  Error,
  Date.prototype,
  ArrayBuffer.prototype,
  DataView.prototype,
  Uint8Array,
  Uint8Array.prototype,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
];

const global = globalThis as { [KEY]?: Saved };
// Taken in the worker's first file, before any test file ran.
global[KEY] ??= holders().flatMap((holder) => Reflect.ownKeys(holder).map((key) => [holder, key, Object.getOwnPropertyDescriptor(holder, key)!] as const));

function restore(): void {
  for (const [holder, key, descriptor] of global[KEY]!) {
    const now = Object.getOwnPropertyDescriptor(holder, key);
    if (now?.value !== descriptor.value || now?.get !== descriptor.get || now?.set !== descriptor.set) Object.defineProperty(holder, key, descriptor);
  }
}

restore();
beforeEach(restore);
