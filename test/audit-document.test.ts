import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../src/model.js';
import { cli, validateFindings, WUSHAN } from './helpers.js';
import { appendixRows, composedPlan, layoutText, pictureAppendixText, tabText } from './text-layouts.js';

/** The composed plan with one planted contradiction: section 二's subtotal 9500 where its projects add up to 9400. */
const planted = composedPlan(appendixRows().map((row) => (row[0] === '二、病有所医' ? [row[0], '9500'] : row)));

function documentFile(text: string, name = 'plan.txt'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'plan-doc-')), name);
  writeFileSync(path, text);
  return path;
}

const auditTemporaries = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('plan-audit-'));

async function auditJson(args: readonly string[]): Promise<{ code: number; findings: Finding[]; stderr: string }> {
  const result = await cli(['audit', ...args, '--format', 'json', '--lang', 'en']);
  const parsed = result.stdout ? (JSON.parse(result.stdout) as { findings: Finding[] }) : { findings: [] };
  return { code: result.code, findings: parsed.findings, stderr: result.stderr };
}

describe('plan audit <document>: the analyst’s one command', () => {
  it.each([
    ['typed with tabs', tabText(planted), (text: string) => text.split('\n').findIndex((line) => line.startsWith('二、病有所医\t9500')) + 1],
    ['as pdftotext -layout prints it', layoutText(planted, { margin: 60, pageLines: 18, formFeeds: true, contents: true }), (text: string) => text.split('\n').findIndex((line) => /^二、\s+9500$/u.test(line)) + 1],
  ])('%s: the planted subtotal is found, at its line of the document, and no draft is left behind', async (_name, text, lineOfRow) => {
    const path = documentFile(text);
    const before = auditTemporaries();
    const { code, findings } = await auditJson([path]);
    expect(code).toBe(1);
    const errors = findings.filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => finding.messageId).sort()).toEqual(['subtotal-mismatch', 'total-mismatch']);
    const subtotal = errors.find((finding) => finding.messageId === 'subtotal-mismatch')!;
    expect(subtotal.locations[0]).toMatchObject({ file: path, line: lineOfRow(text) });
    for (const location of findings.flatMap((finding) => finding.locations)) expect(location.file).toBe(path);
    // Other test files audit documents at the same time in the same temporary folder: what this
    // audit made must be gone, so wait out theirs (a folder this audit left would stay).
    await vi.waitFor(() => expect(auditTemporaries().filter((name) => !before.includes(name))).toEqual([]), { timeout: 10_000, interval: 100 });
  });

  it('--keep DIR keeps the draft, which validates', async () => {
    const keep = join(mkdtempSync(join(tmpdir(), 'plan-keep-')), 'draft');
    const { code } = await auditJson([documentFile(tabText(planted)), '--keep', keep]);
    expect(code).toBe(1);
    expect(existsSync(join(keep, 'projects.yaml'))).toBe(true);
    expect(await validateFindings(keep)).toEqual([]);
  });

  it('says first what the draft could not read, and reports nothing that comes only from it', async () => {
    const { code, findings, stderr } = await auditJson([documentFile(pictureAppendixText(composedPlan()))]);
    expect(stderr).toMatch(/^plan: NOTE: the draft could not read[^\n]*\n {2}appendix {2}\S+plan\.txt:\d+ {2}text after the appendix heading that is not a table\n$/);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it.each([
    ['--keep into a folder that exists', (dir: string) => ['audit', documentFile(tabText(planted)), '--keep', dir]],
    ['--keep with a plan folder', () => ['audit', WUSHAN, '--keep', join(tmpdir(), 'plan-keep-never')]],
    ['a document that is not a plan', () => ['audit', documentFile('这是一段普通的文字，没有章节，也没有表格。\n')]],
    ['a broken PDF', () => ['audit', documentFile('%PDF-1.7\n\u0000\u0001binary', 'plan.pdf')]],
  ])('%s: exit 2, a message, nothing written', async (_name, args) => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-keep-'));
    mkdirSync(join(dir, 'x'));
    const result = await cli(args(join(dir, 'x')));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^plan: /);
    expect(result.stdout).toBe('');
    expect(readdirSync(join(dir, 'x'))).toEqual([]);
    expect(existsSync(join(tmpdir(), 'plan-keep-never'))).toBe(false);
  });
});

describe("the README's analyst path", () => {
  it('quotes the real output of plan audit on a document', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const command = 'npx plan audit plan-data/wushan-2021-2025/source.txt --lang en';
    const start = readme.indexOf(`$ ${command}\n`);
    expect(start).toBeGreaterThanOrEqual(0);
    const shown = readme.slice(start, readme.indexOf('```', start)).split('\n').slice(1).filter((line) => line.length > 0 && line !== '…');
    const actual = (await cli(['audit', 'plan-data/wushan-2021-2025/source.txt', '--lang', 'en'])).stdout.split('\n');
    expect(shown.length).toBeGreaterThan(8);
    for (const line of shown) expect(actual, line).toContain(line);
  });
});
