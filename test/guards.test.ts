import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FILE_KINDS, schemaFileOf } from '../src/load/file-kinds.js';
import { WUSHAN } from './helpers.js';
import { WORD_IDS, WORD_TABLE_NAMES, wordEntry, wordTableEntry } from '../src/words.js';
// @ts-expect-error: a build script in plain JavaScript, without types
import { schemaKindProblems } from '../scripts/schema-kinds.mjs';

const schemaNames = readdirSync(new URL('../schemas/', import.meta.url)).filter((name) => name.endsWith('.schema.json'));

/** Every source file under src/, with its text. */
function sources(folder = new URL('../src/', import.meta.url)): { path: string; text: string }[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), folder);
    if (entry.isDirectory()) return sources(url);
    return entry.name.endsWith('.ts') ? [{ path: url.pathname, text: readFileSync(url, 'utf8') }] : [];
  });
}

describe('file kinds and schemas', () => {
  it('every file kind has its schema, and every schema a kind', () => {
    expect(schemaKindProblems(schemaNames, FILE_KINDS, schemaFileOf)).toEqual([]);
  });

  it('a kind without a schema fails the build check', () => {
    expect(schemaKindProblems(schemaNames, [...FILE_KINDS, 'coverage'], schemaFileOf)).toEqual([
      'no schema for a file kind: schemas/coverage.schema.json is missing',
    ]);
  });
});

describe('the word catalogue', () => {
  it.each(WORD_IDS)('%s is worded in both languages with the same placeholders', (id) => {
    const { zh, en } = wordEntry(id);
    const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    expect(zh.length).toBeGreaterThan(0);
    expect(en.length).toBeGreaterThan(0);
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it.each(WORD_TABLE_NAMES)('the %s table has the same labels in both languages', (name) => {
    const keys = (table: object, prefix = ''): string[] =>
      Object.entries(table).flatMap(([key, value]) => (typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`])).sort();
    const { zh, en } = wordTableEntry(name);
    expect(keys(zh)).toEqual(keys(en));
  });

  it('is the only place that picks a language: no zh/en ternaries in the code', () => {
    const offenders = sources()
      .filter(({ path }) => !path.endsWith('/words.ts'))
      .filter(({ text }) => /lang === 'zh' \?|zh \? '|\n\s*zh: \{/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it('has no pointers written as template strings in rules and builders', () => {
    const offenders = sources()
      .filter(({ path }) => /\/(rules|load\/builders)\//.test(path))
      .filter(({ text }) => /pointer: `|Pointer = `/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });
});

describe('the package', () => {
  it('ships no type packages as runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).filter((name) => name.startsWith('@types/'))).toEqual([]);
  });
});

describe('the module structure', () => {
  /** Each module's static imports, as absolute paths: those that stay at run time (`import type` is erased), or all. */
  function imports(withTypes = false): Map<string, string[]> {
    const graph = new Map<string, string[]>();
    const pattern = withTypes ? /^(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?'(\.{1,2}\/[^']+)\.js';/gm : /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'(\.{1,2}\/[^']+)\.js';/gm;
    for (const { path, text } of sources()) {
      const targets = [...text.matchAll(pattern)].map((match) =>
        new URL(`${match[1]}.ts`, `file://${path}`).pathname,
      );
      graph.set(path, targets);
    }
    return graph;
  }

  it('no module under src/ imports cli.ts: commands are loaded by it, never the other way', () => {
    const offenders = sources()
      .filter(({ path }) => !path.endsWith('/src/cli.ts'))
      .filter(({ text }) => /from '(\.\.?\/)+cli\.js'|import\('(\.\.?\/)+cli\.js'\)/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it('an audit of a plan folder loads only its own modules: no reader, drafter, report or table library', () => {
    // The real bin, with a resolve hook that prints each module it loads (built code in dist/).
    const dir = mkdtempSync(join(tmpdir(), 'plan-loads-'));
    writeFileSync(join(dir, 'hook.mjs'), "export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('LOAD ' + r.url + '\\n'); return r; }\n");
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hook.mjs')).href)});\n`);
    const bin = fileURLToPath(new URL('../bin/plan.js', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), bin, 'audit', '--format', 'json', WUSHAN], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const loaded = [...run.stderr.matchAll(/^LOAD (.*)$/gm)].map((m) => m[1]!);
    expect(loaded.some((url) => url.endsWith('/dist/engine.js'))).toBe(true);
    const unwanted = loaded.filter((url) => /\/dist\/(read|init|report|lsp|views)\/|\/node_modules\/(cli-table3|parse5|fflate|saxes|pdfjs-dist|echarts|yaml)\//.test(url));
    expect(unwanted).toEqual([]);
  });

  it.each([
    { imports: 'loaded at run time', withTypes: false },
    { imports: 'counting type imports', withTypes: true },
  ])('has no import circles among the modules, $imports', ({ withTypes }) => {
    const graph = imports(withTypes);
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, trail: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        circles.push([...trail.slice(trail.indexOf(node)), node].map((p) => p.replace(/.*\/src\//, '')).join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(circles).toEqual([]);
  });
});
