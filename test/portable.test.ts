import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { cli, WUSHAN } from './helpers.js';

const REPOSITORY = new URL('..', import.meta.url).pathname;

describe('schemas found from anywhere', () => {
  it('a plan init draft in another folder has modelines that resolve to the schema files', async () => {
    const draft = join(mkdtempSync(join(tmpdir(), 'plan-portable-')), 'draft');
    const result = await cli(['init', draft, '--from', join(WUSHAN, 'source.txt')]);
    expect(result.code, result.stderr).toBe(0);
    const yamlFiles = readdirSync(draft).filter((name) => name.endsWith('.yaml'));
    expect(yamlFiles.length).toBeGreaterThan(3);
    for (const name of yamlFiles) {
      const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(join(draft, name), 'utf8'))?.[1];
      expect(modeline, name).toBeDefined();
      const schema = resolve(draft, modeline!);
      expect(existsSync(schema), `${name}: ${schema}`).toBe(true);
      expect(schema).toBe(join(REPOSITORY, 'schemas', name.replace('.yaml', '.schema.json')));
    }
  });

  it('plan schemas prints yaml.schemas whose globs give each bundled file its schema', async () => {
    const before = process.cwd();
    process.chdir(REPOSITORY);
    try {
      const result = await cli(['schemas']);
      expect(result.code).toBe(0);
      const settings = JSON.parse(result.stdout) as { 'yaml.schemas': Record<string, string[]> };
      const files = readdirSync(WUSHAN).filter((name) => name.endsWith('.yaml'));
      for (const name of files) {
        const path = `plan-data/wushan-2021-2025/${name}`;
        const schemas = Object.entries(settings['yaml.schemas']).filter(([, globs]) => globs.some((glob) => picomatch(glob)(path)));
        expect(schemas.map(([schema]) => schema), path).toEqual([`schemas/${name.replace('.yaml', '.schema.json')}`]);
        expect(existsSync(join(REPOSITORY, schemas[0]![0]))).toBe(true);
      }
    } finally {
      process.chdir(before);
    }
  });

  it('plan schemas of a folder without plans is exit 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'plan-noplans-'));
    const result = await cli(['schemas', empty]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no plan folder under');
  });
});
