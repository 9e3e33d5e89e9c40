/**
 * The built-ins Node gives a process, kept and put back. pdfjs-dist's legacy build (./pdf.ts)
 * brings core-js, which replaces built-ins Node 20 already has with its own: `JSON.stringify`
 * becomes about 40 times slower, `Array.prototype.push` slower too, for the rest of the process.
 * What it added (Promise.withResolvers, Set.prototype.union, …) stays, for the pdfjs loaded; what
 * it replaced gives the same results, only slower, and is put back.
 */

/** Each built-in as Node gave it: its holder, its key and its descriptor. */
export type BuiltIns = readonly (readonly [object, PropertyKey, PropertyDescriptor])[];

/** The objects whose properties core-js may replace. */
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

/** The built-ins as they are now. */
export function builtIns(): BuiltIns {
  return holders().flatMap((holder) => Reflect.ownKeys(holder).map((key) => [holder, key, Object.getOwnPropertyDescriptor(holder, key)!] as const));
}

/** Puts back each built-in `saved` holds that was replaced since; what was added since stays. */
export function restoreBuiltIns(saved: BuiltIns): void {
  for (const [holder, key, descriptor] of saved) {
    const now = Object.getOwnPropertyDescriptor(holder, key);
    if (now?.value !== descriptor.value || now?.get !== descriptor.get || now?.set !== descriptor.set) Object.defineProperty(holder, key, descriptor);
  }
}
