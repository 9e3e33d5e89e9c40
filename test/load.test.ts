import { describe, expect, it } from 'vitest';
import { parseWithPositions, parseYamlText } from '../src/load/yaml-file.js';

const TEXT = [
  '# a comment',
  'title: 规划',
  'period: { start: 2021, end: 2025 }',
  'rows:',
  '  - serial: 1',
  '    target: { value: 2.20, bound: ≥ }',
  '    "quoted key": 0.40',
  '  - serial: 2',
  '    facts:',
  '      - { fact: a.b, value: 3000, unit: ㎡ }',
  '      - fact: c.d',
  '        value: 1625359',
  '    list: [1, [2, 3], { x: 1.50 }]',
  'anchored: &shared { value: 7.0 }',
  'reused: *shared',
  '',
].join('\n');

describe.each([
  ['the fast reader', parseYamlText],
  ['the precise reader', parseWithPositions],
])('%s', (_name, parse) => {
  const file = parse('t.yaml', TEXT);

  it('reads the data', () => {
    expect(file.problems).toEqual([]);
    expect((file.data as { rows: { serial: number }[] }).rows[1]!.serial).toBe(2);
  });

  it.each([
    ['/title', 2, 8],
    ['/period/end', 3, 29],
    ['/rows/0', 5, 5],
    ['/rows/0/target/value', 6, 22],
    ['/rows/0/quoted key', 7, 19],
    ['/rows/1/facts/0', 10, 9],
    ['/rows/1/facts/0/unit', 10, 41],
    ['/rows/1/facts/1/value', 12, 16],
    ['/rows/1/list/1/1', 13, 19],
    ['/rows/1/list/2/x', 13, 28],
    ['/reused', 15, 9],
    ['/rows/1/nothing/here', 8, 5],
  ])('locates %s at %i:%i', (pointer, line, column) => {
    expect(file.locate(pointer)).toEqual({ line, column });
  });

  it('points at a key when asked', () => {
    expect(file.locate('/rows/0/target', true)).toEqual({ line: 6, column: 5 });
  });

  it.each([
    ['/rows/0/target/value', '2.20'],
    ['/rows/0/quoted key', '0.40'],
    ['/rows/1/facts/0/value', '3000'],
    ['/rows/1/facts/1/value', '1625359'],
    ['/rows/1/list/2/x', '1.50'],
    ['/anchored/value', '7.0'],
  ])('gives the printed text of the number at %s: %s', (pointer, printed) => {
    expect(file.numberText(pointer)).toBe(printed);
  });
});

describe('the fast reader, given the parsed value', () => {
  const file = parseYamlText('t.yaml', TEXT);
  it('answers a number printed as JavaScript prints it without a look-up, and looks up the others', () => {
    expect(file.numberText('/rows/1/facts/1/value', 1625359)).toBe('1625359');
    expect(file.numberText('/rows/0/target/value', 2.2)).toBe('2.20');
    expect(file.numberText('/rows/1/list/2/x', 1.5)).toBe('1.50');
  });
});
