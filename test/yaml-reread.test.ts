import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseYamlText, type YamlFile } from '../src/load/yaml-file.js';
import { child } from '../src/pointer.js';
import { TABLES, WUSHAN } from './helpers.js';

/** Every data path of a value, with the value there. */
function pointers(value: unknown, at = ''): [string, unknown][] {
  const found: [string, unknown][] = [[at, value]];
  if (Array.isArray(value)) for (const [index, item] of value.entries()) found.push(...pointers(item, child(at, index)));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) found.push(...pointers(item, child(at, key)));
  return found;
}

/**
 * What a reader of the file sees: data, problems, and the place and printed text of every path,
 * one line a path (`pointer line:column keyLine:keyColumn "printed"`): thousands of strings
 * compare several times faster than as many tuples of objects.
 */
function seen(file: YamlFile): unknown {
  const place = ({ line, column }: { line: number; column: number }): string => `${line}:${column}`;
  return {
    data: file.data,
    problems: file.problems,
    numberProblems: file.numberProblems,
    places: pointers(file.data).map(
      ([pointer, value]) => `${pointer} ${place(file.locate(pointer))} ${place(file.locate(pointer, true))}${typeof value === 'number' ? ` ${JSON.stringify(file.numberText(pointer, value))}` : ''}`,
    ),
  };
}

/**
 * `expect(actual).toEqual(expected)`, at the cost of Node's deep equality when they are equal:
 * strictly equal values are equal for toEqual too, and vitest's own comparison, much slower on
 * these thousands of places, runs (with its diff) only when they are not.
 */
function expectSeenEqual(actual: unknown, expected: unknown, message: string): void {
  expect(isDeepStrictEqual(actual, expected) ? expected : actual, message).toEqual(expected);
}

/** The data paths of the list items of a file, as written: the places an editor's change most often falls. */
function lineStarts(text: string, pattern: RegExp): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(pattern)) found.push(match.index);
  return found;
}

const FILES = [
  ...readdirSync(WUSHAN)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(WUSHAN, name)),
  join(TABLES, 'projects.yaml'),
];

/** Edits of a text, each at one place: a digit changed, a line added to an item, a line taken out, an item broken, a new item. */
function editsOf(text: string): { name: string; text: string }[] {
  const edits: { name: string; text: string }[] = [];
  const digits = lineStarts(text, /(?<=: )\d/g);
  for (const at of digits.filter((_, i) => i % Math.max(1, Math.floor(digits.length / 12)) === 0 || i === digits.length - 1)) {
    edits.push({ name: `digit at ${at}`, text: `${text.slice(0, at)}${text[at] === '9' ? '1' : '9'}${text.slice(at + 1)}` });
    edits.push({ name: `digits added at ${at}`, text: `${text.slice(0, at)}12.50${text.slice(at)}` });
  }
  const items = lineStarts(text, /^ +- \S/gm);
  for (const at of items.filter((_, i) => i % Math.max(1, Math.floor(items.length / 8)) === 0 || i === items.length - 1)) {
    const lineEnd = text.indexOf('\n', at);
    const indent = /^ */.exec(text.slice(at))![0].length + 2;
    const nextEnd = text.indexOf('\n', lineEnd + 1);
    edits.push({ name: `key added after ${at}`, text: `${text.slice(0, lineEnd)}\n${' '.repeat(indent)}note: 0.50 # added${text.slice(lineEnd)}` });
    edits.push({ name: `duplicate key after ${at}`, text: `${text.slice(0, lineEnd)}\n${text.slice(at, lineEnd).replace('- ', '  ')}${text.slice(lineEnd)}` });
    if (nextEnd > 0) edits.push({ name: `line taken out after ${at}`, text: `${text.slice(0, lineEnd)}${text.slice(nextEnd)}` });
    edits.push({ name: `dedented line after ${at}`, text: `${text.slice(0, lineEnd)}\nstray: 1${text.slice(lineEnd)}` });
    edits.push({ name: `new item after ${at}`, text: `${text.slice(0, lineEnd)}\n${' '.repeat(indent - 2)}- 7${text.slice(lineEnd)}` });
    edits.push({ name: `tab after ${at}`, text: `${text.slice(0, lineEnd)}\n\t${text.slice(lineEnd)}` });
    edits.push({ name: `number as text after ${at}`, text: `${text.slice(0, lineEnd)}\n${' '.repeat(indent)}hex: 0x1A${text.slice(lineEnd)}` });
  }
  return edits;
}

describe('an edited file read again from its last reading (plan lsp)', () => {
  it.each(FILES.map((path) => [path.replace(/.*\/(?=[^/]+\/[^/]+$)/, ''), path]))('reads every edit of %s as a whole reading would', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const before = parseYamlText('f.yaml', text);
    const seenBefore = seen(before);
    let chained = before;
    for (const edit of editsOf(text)) {
      const whole = seen(parseYamlText('f.yaml', edit.text));
      const again = parseYamlText('f.yaml', edit.text, before);
      expectSeenEqual(seen(again), whole, edit.name);
      // And edit after edit, each read from the one before, and back.
      const forth = parseYamlText('f.yaml', edit.text, chained);
      expectSeenEqual(seen(forth), whole, edit.name);
      chained = parseYamlText('f.yaml', text, forth);
      expectSeenEqual(seen(chained), seenBefore, `${edit.name}, undone`);
    }
  });

  it.each(FILES.map((path) => [path.replace(/.*\/(?=[^/]+\/[^/]+$)/, ''), path]))('reads any one-character edit of %s as a whole reading would', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const before = parseYamlText('f.yaml', text);
    // A fixed sequence of places and characters (a linear congruential generator), the same every run.
    let seed = 18;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const characters = [' ', '-', ':', '9', '.', 'a', '\n', '#', '{', '}', '[', ']', ',', '"', "'", '&', '!', '|', '>', '\t', '? '];
    for (let i = 0; i < 150; i++) {
      const at = next(text.length);
      const edited = next(4) === 0 ? `${text.slice(0, at)}${text.slice(at + 1)}` : `${text.slice(0, at)}${characters[next(characters.length)]}${text.slice(at)}`;
      expectSeenEqual(seen(parseYamlText('f.yaml', edited, before)), seen(parseYamlText('f.yaml', edited)), `edit ${i} at ${at}`);
    }
  });

  it('reads only the edited item of a long list: the other items are the same objects as before', () => {
    const text = readFileSync(join(WUSHAN, 'projects.yaml'), 'utf8');
    const before = parseYamlText('projects.yaml', text);
    const at = text.indexOf('investment: ', text.length / 2) + 'investment: '.length;
    const edited = `${text.slice(0, at)}9${text.slice(at)}`;
    const again = parseYamlText('projects.yaml', edited, before);
    type Sections = { sections: { projects: object[] }[] };
    const old = (before.data as Sections).sections;
    const now = (again.data as Sections).sections;
    const kept = now.flatMap((section, s) => section.projects.filter((project, p) => project === old[s]!.projects[p]));
    const all = now.reduce((n, section) => n + section.projects.length, 0);
    expect(kept.length).toBe(all - 1);
    expectSeenEqual(seen(again), seen(parseYamlText('projects.yaml', edited)), 'the edited item');
  });
});
