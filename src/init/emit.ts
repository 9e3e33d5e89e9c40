/**
 * A small YAML writer for the draft: block style like the hand-made files, flow style for
 * figures and short lists, and `# check:` comments where the draft guessed. Numbers are written
 * as printed, so that 2.20 stays 2.20.
 */

/** A number as printed. */
export class Printed {
  constructor(readonly text: string) {}
}

/** A mapping written on one line (`{ fact: …, value: … }`). */
export class Flow {
  constructor(readonly value: Record<string, YamlValue>) {}
}

/** A value with `# check:` comments written on the lines before it. */
export class Checked {
  constructor(
    readonly value: YamlValue,
    readonly checks: readonly string[],
  ) {}
}

export type YamlValue = string | number | boolean | Printed | Flow | Checked | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

const PLAIN_UNSAFE = /^[-?:,[\]{}#&*!|>'"%@`\s]|[:#]\s|\s#|[,[\]{}]|:$|\s$|^$/;
const LOOKS_TYPED = /^(true|false|null|yes|no|on|off|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|nan))$/i;

export function scalar(value: string | number | boolean | Printed): string {
  if (value instanceof Printed) return value.text;
  if (typeof value !== 'string') return String(value);
  if (PLAIN_UNSAFE.test(value) || LOOKS_TYPED.test(value) || hasUnprintable(value)) return JSON.stringify(value);
  return value;
}

/** Control characters and invisible separators need the quoted form to survive. */
function hasUnprintable(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || code === 0xfeff) return true;
  }
  return false;
}

function isScalar(value: YamlValue): value is string | number | boolean | Printed {
  return typeof value !== 'object' || value instanceof Printed;
}

function flowText(value: YamlValue): string {
  if (value instanceof Checked) return flowText(value.value);
  if (isScalar(value)) return scalar(value);
  if (value instanceof Flow) {
    const parts = Object.entries(value.value).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${flowText(v as YamlValue)}`);
    return `{ ${parts.join(', ')} }`;
  }
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  return flowText(new Flow(value as Record<string, YamlValue>));
}

function inline(value: YamlValue): boolean {
  if (value instanceof Checked) return false;
  if (isScalar(value) || value instanceof Flow) return true;
  if (Array.isArray(value)) return value.length === 0 || value.every((item) => isScalar(item) && String(item instanceof Printed ? item.text : item).length < 40);
  return Object.keys(value).length === 0;
}

function comments(checks: readonly string[], indent: string): string {
  return checks.map((check) => `${indent}# check: ${check.replace(/\s*\n\s*/g, ' ')}\n`).join('');
}

function block(value: YamlValue, indent: string): string {
  if (value instanceof Checked) return block(value.value, indent);
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value as YamlValue[]) {
      if (item instanceof Checked) out += comments(item.checks, indent);
      const bare = item instanceof Checked ? item.value : item;
      if (inline(bare)) out += `${indent}- ${flowText(bare)}\n`;
      else if (Array.isArray(bare)) out += `${indent}-\n${block(bare, `${indent}  `)}`;
      else {
        const text = block(bare, `${indent}  `);
        out += `${indent}- ${text.slice(indent.length + 2)}`;
      }
    }
    return out;
  }
  let out = '';
  for (const [key, raw] of Object.entries(value as Record<string, YamlValue | undefined>)) {
    if (raw === undefined) continue;
    if (raw instanceof Checked) out += comments(raw.checks, indent);
    const item = raw instanceof Checked ? raw.value : raw;
    if (inline(item)) out += `${indent}${key}: ${flowText(item)}\n`;
    else out += `${indent}${key}:\n${block(item, `${indent}  `)}`;
  }
  return out;
}

/** One data file: the schema line, an optional header comment, the document. */
export function yamlFile(kind: string, document: Record<string, YamlValue | undefined>, header: readonly string[] = []): string {
  return `# yaml-language-server: $schema=../../schemas/${kind}.schema.json\n${header.map((line) => `# ${line}\n`).join('')}${block(document, '')}`;
}
