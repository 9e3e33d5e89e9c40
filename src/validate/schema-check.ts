import type { ErrorObject } from 'ajv';
import { createRequire } from 'node:module';
import type { FileKind } from '../load/file-kinds.js';
import type { Lang } from '../model.js';
import { child, parent, valueAt } from '../pointer.js';
import type { schemaRule } from '../rules/schema.js';
import { say } from '../words.js';

type SchemaMessageId = keyof (typeof schemaRule)['messages'];

export interface SchemaProblem {
  readonly messageId: SchemaMessageId;
  readonly data: Record<string, string>;
  readonly pointer: string;
  readonly atKey: boolean;
}

type Localize = (errors?: ErrorObject[] | null) => void;

const require = createRequire(import.meta.url);

/** ajv-i18n's messages for one language, loaded only when there is an error to word. */
function localizer(lang: Lang): Localize {
  const module: unknown = require(`ajv-i18n/localize/${lang}/index.js`);
  // CommonJS: Node hands over the function itself, some loaders a `default` property.
  return (typeof module === 'function' ? module : (module as { default: Localize }).default) as Localize;
}

type ValidateFunction = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** What can be validated: a plan's data files, and the repository's plan.config.yaml. */
export type SchemaName = FileKind | 'plan-config';

type Validators = Record<FileKind | 'planConfig', ValidateFunction>;
const validators = new Map<string, Validators>();

/** The validators compiled at build time from `schemas/` (see scripts/build-validators.mjs). */
async function loadValidators(name: 'validators' | 'validators-first'): Promise<Validators> {
  let loaded = validators.get(name);
  if (!loaded) {
    // The same path from src/validate (tests) and dist/validate (the built tool).
    loaded = (await import(new URL(`../../dist/${name}.js`, import.meta.url).href)) as Validators;
    validators.set(name, loaded);
  }
  return loaded;
}

const FULL_WIDTH_DIGITS = /[０-９．]/g;

/** A string that a writer meant as a number: `1,625,359`, `１２３`, `70000㎡`, `"4000"`. */
function numberMeantBy(text: string): string | undefined {
  const folded = text.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  const match = /^([+-]?[\d,，]+(?:\.\d+)?)\s*[^\d\s]{0,4}$/.exec(folded);
  if (!match?.[1]) return undefined;
  const plain = match[1].replace(/[,，]/g, '');
  return /^[+-]?\d+(\.\d+)?$/.test(plain) ? plain : undefined;
}

/** Levenshtein distance, for the did-you-mean of a misspelt name. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * Validates one file's data against its schema and turns AJV's errors into one problem per
 * real mistake: an unknown key at the key, a missing key at its parent, the branches of a
 * failed `oneOf`/`anyOf` folded into one.
 */
export async function checkSchema(kind: SchemaName, data: unknown, lang: Lang, large = false): Promise<SchemaProblem[]> {
  // In a very large file every error would be collected before the first is shown: stop at one.
  // Export names are identifiers: plan-config is compiled as planConfig.
  const validate = (await loadValidators(large ? 'validators-first' : 'validators'))[kind === 'plan-config' ? 'planConfig' : kind];
  if (validate(data)) return reversedRanges(data, large ? 1 : Number.POSITIVE_INFINITY);
  return [...schemaProblems(validate, data, lang), ...reversedRanges(data, large ? 1 : Number.POSITIVE_INFINITY)];
}

const PERIOD_TEXT = /^([12]\d{3})-([12]\d{3})$/;

/**
 * Every `period` that ends before it starts (`"2025-2021"`, or `{ start: 2025, end: 2021 }`),
 * and every figure whose `valueMax` is below its `value`. A JSON Schema cannot compare two
 * numbers, so these are the schema's checks written by hand; each is an error of the input
 * itself, found before any rule reads it.
 */
function reversedRanges(data: unknown, limit: number): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  // An explicit stack (a plan of 100 000 projects is never recursed), and each place's pointer
  // written only when a problem is found there. Nodes and their paths on two stacks, children
  // pushed in reverse without a list of entries: this walk meets every node of the data.
  const nodes: object[] = data !== null && typeof data === 'object' ? [data] : [];
  const paths: (Path | undefined)[] = [undefined];
  while (nodes.length > 0 && problems.length < limit) {
    const node = nodes.pop()!;
    const path = paths.pop();
    const period = Array.isArray(node) ? undefined : (node as Record<string, unknown>)['period'];
    const years = typeof period === 'string' ? PERIOD_TEXT.exec(period)?.slice(1).map(Number) : undefined;
    const [start, end] =
      years ?? (period !== null && typeof period === 'object' ? [(period as { start?: unknown }).start, (period as { end?: unknown }).end] : []);
    if (typeof start === 'number' && typeof end === 'number' && start > end) {
      problems.push({ messageId: 'period-reversed', data: { period: `${start}-${end}`, fixed: `${end}-${start}` }, pointer: child(pointerOf(path), 'period'), atKey: false });
    }
    // A figure's range that ends below its start (8-5个): as numbers, so a reversed range of two
    // decimals that one float cannot tell apart passes here and holds no value for the rules.
    const low = Array.isArray(node) ? undefined : (node as Record<string, unknown>)['value'];
    const high = Array.isArray(node) ? undefined : (node as Record<string, unknown>)['valueMax'];
    if (typeof low === 'number' && typeof high === 'number' && high < low) {
      problems.push({ messageId: 'range-reversed', data: { low: String(low), high: String(high) }, pointer: child(pointerOf(path), 'valueMax'), atKey: false });
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const value: unknown = node[i];
        if (value !== null && typeof value === 'object') {
          nodes.push(value);
          paths.push({ up: path, key: i });
        }
      }
    } else {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) {
        const value = (node as Record<string, unknown>)[keys[i]!];
        if (value !== null && typeof value === 'object') {
          nodes.push(value);
          paths.push({ up: path, key: keys[i]! });
        }
      }
    }
  }
  return problems;
}

/** A place in the data, kept as a chain of keys until its pointer is needed. */
interface Path {
  readonly up: Path | undefined;
  readonly key: string | number;
}

function pointerOf(path: Path | undefined): string {
  const keys: (string | number)[] = [];
  for (let at = path; at; at = at.up) keys.unshift(at.key);
  return child('', ...keys);
}

function schemaProblems(validate: ValidateFunction, data: unknown, lang: Lang): SchemaProblem[] {
  const errors = [...(validate.errors ?? [])];
  localizer(lang)(errors);
  const branches = branchErrors(errors);
  const hasUnknownKey = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => e.instancePath));
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const add = (problem: SchemaProblem): void => {
    const key = `${problem.pointer}|${problem.messageId}|${JSON.stringify(problem.data)}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  };
  for (const error of errors) {
    if (branches.members.has(error)) continue;
    const pointer = error.instancePath;
    const value = valueAt(data, pointer);
    switch (error.keyword) {
      // "must match the then schema" only says that a branch failed; its own errors say how.
      case 'if':
        continue;
      case 'additionalProperties': {
        const key = String(error.params['additionalProperty']);
        const allowed = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
        const suggestion = allowed
          .map((name) => ({ name, distance: editDistance(key.toLowerCase(), name.toLowerCase()) }))
          .filter((c) => c.distance <= Math.max(2, Math.floor(key.length / 3)))
          .sort((a, b) => a.distance - b.distance)[0]?.name;
        add({
          messageId: suggestion ? 'unknown-key-suggest' : 'unknown-key',
          data: suggestion ? { key, suggestion } : { key },
          pointer: child(pointer, key),
          atKey: true,
        });
        break;
      }
      case 'required':
        add({ messageId: 'missing-key', data: { key: String(error.params['missingProperty']) }, pointer, atKey: false });
        break;
      case 'enum':
        add({
          messageId: 'not-allowed',
          data: { value: String(value), allowed: (error.params['allowedValues'] as unknown[]).join(', ') },
          pointer,
          atKey: false,
        });
        break;
      case 'type': {
        const meant = typeof value === 'string' && /number|integer/.test(String(error.params['type'])) ? numberMeantBy(value) : undefined;
        if (meant !== undefined) add({ messageId: 'number-as-text', data: { value: String(value), suggestion: meant }, pointer, atKey: false });
        else add({ messageId: 'invalid', data: { detail: `${pointer || '/'} ${error.message ?? ''}`.trim() }, pointer, atKey: false });
        break;
      }
      case 'oneOf':
      case 'anyOf': {
        // An unknown key at the same place (a typo of `value`) is the real mistake.
        if (hasUnknownKey.has(pointer)) break;
        const own = branches.owned.get(error) ?? [];
        // The deepest enum error names the wrong value itself (an item of a list, not the list).
        const enumError = own.filter((e) => e.keyword === 'enum').sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
        if (enumError) {
          const allowed = (enumError.params['allowedValues'] as unknown[]).join(', ');
          const at = enumError.instancePath;
          add({ messageId: 'not-allowed', data: { value: String(valueAt(data, at)), allowed }, pointer: at, atKey: false });
          break;
        }
        const alternatives = (error.parentSchema?.[error.keyword] as { required?: string[] }[] | undefined) ?? [];
        const keys = alternatives.flatMap((alternative) => alternative.required ?? []);
        if (keys.length === alternatives.length && keys.length > 0) {
          add({ messageId: 'one-of-keys', data: { keys: keys.join(', ') }, pointer, atKey: false });
          break;
        }
        const detail = [...new Set(own.map((e) => describeBranch(e, lang)))].join(say(lang, 'orSeparator'));
        add({ messageId: 'invalid', data: { detail: `${pointer || '/'} ${detail || (error.message ?? '')}`.trim() }, pointer, atKey: false });
        break;
      }
      default:
        add({ messageId: 'invalid', data: { detail: `${pointer || '/'} ${error.message ?? ''}`.trim() }, pointer, atKey: false });
    }
  }
  // A misspelt key is one mistake, not also a missing one: drop the missing key it was meant to be.
  const meant = new Set(
    problems.filter((p) => p.messageId === 'unknown-key-suggest').map((p) => `${parent(p.pointer)}|${p.data['suggestion']}`),
  );
  return problems.filter((p) => !(p.messageId === 'missing-key' && meant.has(`${p.pointer}|${p.data['key']}`)));
}

/**
 * The errors AJV reports for the branches of each failed `oneOf`/`anyOf`: the run just before
 * it at the same place or below (AJV lists branch errors first). Their schema paths cannot be
 * used, since a `$ref` restarts them at the referenced schema.
 */
function branchErrors(errors: readonly ErrorObject[]): { owned: Map<ErrorObject, ErrorObject[]>; members: Set<ErrorObject> } {
  const owned = new Map<ErrorObject, ErrorObject[]>();
  const members = new Set<ErrorObject>();
  errors.forEach((error, index) => {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') return;
    const own: ErrorObject[] = [];
    for (let i = index - 1; i >= 0; i--) {
      const candidate = errors[i]!;
      const within = candidate.instancePath === error.instancePath || candidate.instancePath.startsWith(`${error.instancePath}/`);
      if (!within || members.has(candidate) || candidate.keyword === 'additionalProperties') break;
      own.unshift(candidate);
    }
    for (const e of own) members.add(e);
    owned.set(error, own);
  });
  return { owned, members };
}

function describeBranch(error: ErrorObject, lang: Lang): string {
  if (error.keyword === 'required') {
    return say(lang, 'needsKey', { key: String(error.params['missingProperty']) });
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params['allowedValues'] as unknown[]).join(', ');
    return say(lang, 'mustBeOneOf', { allowed });
  }
  const where = error.instancePath ? `${error.instancePath} ` : '';
  return `${where}${error.message ?? ''}`;
}
