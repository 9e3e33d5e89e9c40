/**
 * A finding as the engine makes it: its message worded, its data kept, and a fingerprint that
 * names it wherever the plan is read from. The run (engine.ts) and each plan's stages
 * (plan-run.ts) make findings alike here.
 */
import { basename } from 'node:path';
import type { InputProblem } from './load/plan-folder.js';
import type { Finding, Lang, Location, Message } from './model.js';
import { inputRule } from './rules/input.js';
import type { Rule } from './rules/rule.js';
import { unknownFileRule } from './rules/unknown-file.js';
import { fill } from './words.js';


/** Two 32-bit FNV-1a hashes (the second also mixing in positions): stable, and cheap enough for 100 000 findings. */
function fingerprint(parts: readonly string[]): string {
  // The hash of the parts joined by U+0000, taken part by part without joining them.
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  let i = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (index > 0) {
      low = Math.imul(low, 0x01000193) >>> 0;
      high = Math.imul(high ^ i, 0x01000193) >>> 0;
      i++;
    }
    for (let k = 0; k < part.length; k++, i++) {
      const c = part.charCodeAt(k);
      low = Math.imul(low ^ c, 0x01000193) >>> 0;
      high = Math.imul(high ^ (c + i), 0x01000193) >>> 0;
    }
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/**
 * The file a finding stands in, without the folder it was read from: the same finding read from
 * a checkout, a temporary copy of a git revision or another working directory has one fingerprint.
 */
function fileKindOf(location: Location | undefined): string {
  return location ? basename(location.file) : '';
}

export interface FindingInput {
  readonly rule: Rule;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number | Message>>;
  readonly locations: readonly Location[];
  readonly plan?: string;
  readonly values?: readonly number[];
  readonly unit?: string;
  /**
   * What names the finding in its fingerprint in place of `data`, when `data` holds paths: only
   * the part inside the plan folder, never the folder it was read from (a checkout, a revision's
   * temporary copy), so the same file has one fingerprint wherever it is read.
   */
  readonly identity?: Readonly<Record<string, string | number>>;
}

/**
 * A copy of `text` that keeps nothing else alive. A string cut from a file's text keeps the
 * whole text in memory; a finding outlives its plan's files, and a run may read 1 000 plans.
 */
export function detached(text: string): string {
  // V8 cuts no string shorter than 13 characters out of another: such a string keeps nothing
  // else alive, and without a lone surrogate (which the copy would replace) it is its own copy.
  if (text.length < 13 && !SURROGATE.test(text)) return text;
  return Buffer.from(text, 'utf8').toString('utf8');
}

const SURROGATE = /[\uD800-\uDFFF]/;

export function makeFinding(input: FindingInput, lang: Lang): Finding {
  const message = input.rule.messages[input.messageId];
  const data: Record<string, string | number> = {};
  // Data worded in the report's language stays out of the fingerprint, so it is the same in zh and en.
  const unlocalized: Record<string, string | number> = {};
  for (const key in input.data) {
    const value = input.data[key]!;
    if (typeof value === 'object') data[key] = value[lang];
    else data[key] = unlocalized[key] = typeof value === 'string' ? detached(value) : value;
  }
  const primary = input.locations[0];
  const detail = (input.rule.details as Readonly<Record<string, Message | undefined>> | undefined)?.[input.messageId];
  // Written without spreads (a finding each, 120,000 for 100,000 projects), its keys in this order.
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
    ruleId: input.rule.id,
    severity: input.rule.severity,
    messageId: input.messageId,
    message: message ? fill(message[lang], data) : input.messageId,
  } as Finding;
  if (detail) finding.detail = fill(detail[lang], data);
  finding.data = data;
  finding.locations = input.locations;
  finding.fingerprint = fingerprint([input.rule.id, input.plan ?? '', fileKindOf(primary), primary?.pointer ?? '', input.messageId, JSON.stringify(input.identity ?? unlocalized)]);
  if (input.plan !== undefined) finding.plan = input.plan;
  if (input.values !== undefined) finding.values = input.values;
  if (input.unit !== undefined) finding.unit = input.unit;
  return finding;
}

/**
 * A problem with a path or a file. Its fingerprint names the file by its name in its plan folder
 * (or, outside any plan, by the last name of the path given), never by the folders above it nor
 * by the detail (a real path, a size): `--since` and `diff` read a revision from a temporary
 * folder, and the same file must match itself there.
 */
export function inputFinding(problem: InputProblem, lang: Lang, plan?: string): Finding {
  const rule = problem.messageId === 'unknown-file' ? unknownFileRule : inputRule;
  return makeFinding(
    {
      rule,
      messageId: problem.messageId,
      data: { path: problem.path, detail: problem.detail },
      locations: [{ file: problem.path, line: 1, column: 1, pointer: '' }],
      identity: { path: basename(problem.path) },
      ...(plan === undefined ? {} : { plan }),
    },
    lang,
  );
}
