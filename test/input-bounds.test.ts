import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../src/load/yaml-file.js';
import { MINI, planCopy, validateFindings } from './helpers.js';

const BIN = new URL('../bin/plan.js', import.meta.url).pathname;

describe('standard input is bounded by --max-file-size', () => {
  it.each([
    { name: 'an endless stream (/dev/zero)', input: '/dev/zero', code: 2 },
    { name: 'a file within the bound', input: join(MINI, 'projects.yaml'), code: 0 },
  ])('$name → exit $code', ({ input, code }) => {
    const descriptor = openSync(input, 'r');
    const result = spawnSync(process.execPath, [BIN, 'validate', '-', '--stdin-filename', join(MINI, 'projects.yaml'), '--max-file-size', '100000'], {
      stdio: [descriptor, 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    closeSync(descriptor);
    expect(result.status).toBe(code);
    if (code === 2) expect(result.stderr).toContain('standard input (read as');
    if (code === 2) expect(result.stderr).toContain('larger than 100000 bytes');
  });
});

describe('a byte that is not text is reported where it is', () => {
  const PREFIX = 'reviews: []\n# 注释 \uFFFD ok\r\n# ab';
  it.each([
    { name: 'a NUL in the middle', bytes: Buffer.concat([Buffer.from(PREFIX), Buffer.from([0]), Buffer.from('\n')]), code: 'binary', line: 3, column: 5 },
    { name: 'a byte that is not UTF-8, after a U+FFFD written as such', bytes: Buffer.concat([Buffer.from(PREFIX), Buffer.from([0xff]), Buffer.from('\n')]), code: 'not-utf8', line: 3, column: 5 },
    { name: 'a NUL after a byte that is not UTF-8', bytes: Buffer.concat([Buffer.from(PREFIX), Buffer.from([0xc0, 0x80, 0]), Buffer.from('\n')]), code: 'not-utf8', line: 3, column: 5 },
    { name: 'a byte that is not UTF-8 on the first line', bytes: Buffer.concat([Buffer.from('\uFEFFrev'), Buffer.from([0xed, 0xa0, 0x80])]), code: 'not-utf8', line: 1, column: 4 },
  ])('$name → $code at $line:$column', async ({ bytes, code, line, column }) => {
    const dir = planCopy(MINI);
    writeFileSync(join(dir, 'reviews.yaml'), bytes);
    const found = (await validateFindings(dir)).filter((finding) => finding.ruleId === 'yaml-syntax');
    expect(found.map((finding) => ({ messageId: finding.messageId, line: finding.locations[0]?.line, column: finding.locations[0]?.column }))).toEqual([{ messageId: code, line, column }]);
  });

  it.each([
    { bytes: [0x61, 0xff], at: 1 },
    { bytes: [0xc0, 0x80], at: 0 },
    { bytes: [0xe0, 0x80, 0x80], at: 0 },
    { bytes: [0xed, 0xa0, 0x80], at: 0 },
    { bytes: [0xf4, 0x90, 0x80, 0x80], at: 0 },
    { bytes: [0xe4, 0xb8], at: 0 },
    { bytes: [0xe4, 0xb8, 0xad, 0xf0, 0x9f, 0x98, 0x80, 0x80], at: 7 },
    { bytes: [...Buffer.from('中文')], at: 6 },
  ])('firstInvalidUtf8($bytes) = $at', ({ bytes, at }) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });

  it('agrees with Node on where valid text ends, for the bundled source text cut anywhere', () => {
    const text = readFileSync(join(MINI, 'source.txt'));
    for (let cut = 1; cut < text.length; cut += 7) {
      const bytes = Buffer.concat([text.subarray(0, cut), Buffer.from([0xff])]);
      const at = firstInvalidUtf8(bytes);
      expect(new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, at))).not.toContain('\uFFFD');
      expect(at).toBeLessThanOrEqual(cut);
    }
  });
});
