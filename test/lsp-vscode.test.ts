import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const EXTENSION = new URL('../editors/vscode/', import.meta.url).pathname;
const CLIENT = join(EXTENSION, 'node_modules', 'vscode-languageclient');
const VSCE = new URL('../node_modules/.bin/vsce', import.meta.url).pathname;

/** The extension bundles vscode-languageclient, installed by `npm ci --prefix editors/vscode` (.ci/run does it). */
const ready = existsSync(CLIENT) && existsSync(VSCE);
if (!ready) console.warn('lsp-vscode.test.ts: editors/vscode/node_modules is missing (npm ci --prefix editors/vscode): the .vsix packaging test is SKIPPED.');

describe.skipIf(!ready)('the VS Code extension', () => {
  it('bundles its client and packages into a .vsix with @vscode/vsce, offline', { timeout: 120000 }, async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'plan-vsix-')), 'vscode');
    cpSync(EXTENSION, dir, { recursive: true, filter: (path) => !path.includes('node_modules') && !path.endsWith('.vsix') });
    const { build } = await import('esbuild');
    await build({
      entryPoints: [join(dir, 'src', 'extension.js')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      nodePaths: [join(EXTENSION, 'node_modules')],
      outfile: join(dir, 'dist', 'extension.js'),
      logLevel: 'silent',
    });
    const packed = spawnSync(VSCE, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', join(dir, 'plan.vsix')], { cwd: dir, encoding: 'utf8' });
    expect(packed.status, packed.stderr + packed.stdout).toBe(0);
    expect(readdirSync(dir)).toContain('plan.vsix');
    const listed = spawnSync('unzip', ['-l', join(dir, 'plan.vsix')], { encoding: 'utf8' });
    if (listed.status === 0) expect(listed.stdout).toContain('extension/dist/extension.js');
  });
});
