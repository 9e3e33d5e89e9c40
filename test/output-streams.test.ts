import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdtempSync, openSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descriptorBehind } from '../src/io/output.js';
import { cli, MINI } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;
const folder = (): string => mkdtempSync(join(tmpdir(), 'plan-output-'));

/** A link of the test's own to a descriptor of whichever process opens it; never the system's /dev/stdout. */
function linkTo(target: string): string {
  const link = join(folder(), 'out');
  symlinkSync(target, link);
  return link;
}

describe('--output through a link to a stream', () => {
  it('writes through a link to /proc/self/fd/1 into a pipe, and leaves the link a link', () => {
    const link = linkTo('/proc/self/fd/1');
    const result = spawnSync(process.execPath, [BIN, 'audit', MINI, '--format', 'json', '--output', link], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ findings: [] });
    expect(readlinkSync(link)).toBe('/proc/self/fd/1');
  });

  it('writes through a link to /proc/self/fd/1 into the file stdout is redirected to (the link is not replaced)', () => {
    const link = linkTo('/proc/self/fd/1');
    const file = join(folder(), 'report.json');
    const descriptor = openSync(file, 'w');
    const result = spawnSync(process.execPath, [BIN, 'audit', MINI, '--format', 'json', '--output', link], { stdio: ['ignore', descriptor, 'pipe'] });
    closeSync(descriptor);
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ findings: [] });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('writes through a link to a descriptor other than 1 and 2', () => {
    const link = linkTo('/proc/self/fd/3');
    const result = spawnSync(process.execPath, [BIN, 'audit', MINI, '--format', 'json', '--output', link], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    expect(result.status).toBe(0);
    expect(JSON.parse(String(result.output[3]))).toMatchObject({ findings: [] });
    expect(String(result.stdout)).toBe('');
  });

  it('takes `-` as standard output and writes no file named -', () => {
    const cwd = folder();
    const result = spawnSync(process.execPath, [BIN, 'audit', MINI, '--format', 'json', '--output', '-'], { encoding: 'utf8', cwd });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ findings: [] });
    expect(existsSync(join(cwd, '-'))).toBe(false);
  });

  it.each([
    { name: 'a link to /proc/self/fd/1', target: '/proc/self/fd/1', stream: 'stdout' },
    { name: 'a link to /proc/self/fd/2', target: '/proc/self/fd/2', stream: 'stderr' },
    { name: 'a link to /dev/fd/2', target: '/dev/fd/2', stream: 'stderr' },
  ])('in-process, $name goes to the $stream of the run', async ({ target, stream }) => {
    const link = linkTo(target);
    const result = await cli(['audit', MINI, '--format', 'json', '--output', link]);
    expect(result.code).toBe(0);
    expect(JSON.parse(stream === 'stdout' ? result.stdout : result.stderr)).toMatchObject({ findings: [] });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it.each([
    { path: '/dev/stdout', descriptor: 1 },
    { path: '/dev/stderr', descriptor: 2 },
    { path: '/dev/fd/5', descriptor: 5 },
    { path: `/proc/${process.pid}/fd/7`, descriptor: 7 },
    { path: '/proc/self/fd/12', descriptor: 12 },
    { path: '/tmp/report.json', descriptor: undefined },
    { path: '/proc/1/fd/1', descriptor: process.pid === 1 ? 1 : undefined },
  ])('descriptorBehind($path) = $descriptor', ({ path, descriptor }) => {
    expect(descriptorBehind(path)).toBe(descriptor);
  });
});
