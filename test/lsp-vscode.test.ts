import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolOutputs } from './tool-cache.js';

const EXTENSION = new URL('../editors/vscode/', import.meta.url).pathname;
const CLIENT = join(EXTENSION, 'node_modules', 'vscode-languageclient');
const VSCE = new URL('../node_modules/.bin/vsce', import.meta.url).pathname;

/** The extension bundles vscode-languageclient, installed by `npm ci --prefix editors/vscode` (.ci/run does it). */
const ready = existsSync(CLIENT) && existsSync(VSCE);
if (!ready) console.warn('lsp-vscode.test.ts: editors/vscode/node_modules is missing (npm ci --prefix editors/vscode): the .vsix packaging test is SKIPPED.');

/** Every file under `dir`, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

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
      // The bundle's comments name files from here: the same in every run's fresh folder.
      absWorkingDir: dir,
      logLevel: 'silent',
    });
    // What vsce makes of the very same files is kept in the tool cache (a run costs seconds of CPU).
    const version = (JSON.parse(readFileSync(new URL('../node_modules/@vscode/vsce/package.json', import.meta.url), 'utf8')) as { version: string }).version;
    const args = ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', 'plan.vsix'];
    const inputs = filesUnder(dir).flatMap((path) => [relative(dir, path), readFileSync(path)]);
    const packed = await toolOutputs([`vsce ${version}`, ...args, ...inputs], (folder) => {
      cpSync(dir, folder, { recursive: true });
      const run = spawnSync(VSCE, args, { cwd: folder, encoding: 'utf8' });
      writeFileSync(join(folder, 'vsce.txt'), `exit ${run.status}\n${run.stderr}${run.stdout}`);
    });
    const said = readFileSync(join(packed, 'vsce.txt'), 'utf8');
    expect(said.split('\n')[0], said).toBe('exit 0');
    expect(readdirSync(packed)).toContain('plan.vsix');
    const listed = spawnSync('unzip', ['-l', join(packed, 'plan.vsix')], { encoding: 'utf8' });
    if (listed.status === 0) expect(listed.stdout).toContain('extension/dist/extension.js');
  });
});
