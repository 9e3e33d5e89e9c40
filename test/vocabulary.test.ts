import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../src/decimal.js';
import { BOUND_WORDS, boundDirection } from '../src/figures.js';
import { unitMeaning } from '../src/units.js';

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const schema = JSON.parse(read('schemas/figure.schema.json')) as { $defs: { bound: { enum: string[] } } };
const docs = read('docs/data-format.md');

/** The rows of a table between `<!-- name:start -->` and `<!-- name:end -->` in the docs, header and rule left out. */
function docsTable(name: string): string[][] {
  const start = docs.indexOf(`<!-- ${name}:start -->`);
  const end = docs.indexOf(`<!-- ${name}:end -->`);
  expect(start).toBeGreaterThan(0);
  return docs
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

describe('the bound words have one source, the schema', () => {
  it('src/figures.ts gives a meaning to exactly the words the schema accepts', () => {
    expect(Object.values(BOUND_WORDS).flat().sort()).toEqual([...schema.$defs.bound.enum].sort());
  });

  it('the docs table lists exactly those words, each under its meaning', () => {
    const rows = docsTable('bounds');
    expect(rows.map(([meaning]) => meaning).sort()).toEqual(Object.keys(BOUND_WORDS).sort());
    for (const [meaning, words] of rows) {
      expect(words!.split(/\s+/)).toEqual([...BOUND_WORDS[meaning as keyof typeof BOUND_WORDS]]);
    }
  });

  it.each(schema.$defs.bound.enum)('%s has a direction', (word) => {
    expect(boundDirection(word)).toBeDefined();
  });
});

describe('the docs unit table matches src/units.ts', () => {
  it.each(docsTable('units'))('1 %s = %s', (unit, meaning) => {
    const [amount, base] = meaning!.split(' ');
    const { factor, base: actualBase } = unitMeaning(unit!);
    const [num, den = '1'] = amount!.split('/');
    expect(actualBase).toBe(base);
    expect(toDecimalString(factor, 9)).toBe(toDecimalString({ num: BigInt(num!), den: BigInt(den) }, 9));
  });
});
