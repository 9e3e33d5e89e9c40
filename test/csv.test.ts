import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tableAsCsv, type ViewTable } from '../src/views/table.js';
import { cli, MINI, TABLES, WUSHAN } from './helpers.js';
import { toolOutputs, toolVersion } from './tool-cache.js';

/** RFC 4180 reader for the tests: rows of cells, quotes undone. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const table = (rows: string[][], numeric = [false, true]): ViewTable => ({
  id: 't',
  title: 't',
  columns: numeric.map((n, i) => ({ label: `c${i}`, numeric: n })),
  rows,
});

describe('CSV', () => {
  it.each([
    { name: 'plain Chinese', cells: ['幼有所育', '8000'], line: '幼有所育,8000' },
    { name: 'a comma', cells: ['县教委,县住建委', '1'], line: '"县教委,县住建委",1' },
    { name: 'a quote', cells: ['“引文” "x"', '1'], line: '"“引文” ""x""",1' },
    { name: 'a line break', cells: ['a\nb', '1'], line: '"a\nb",1' },
    { name: 'a formula', cells: ['=HYPERLINK("x")', '1'], line: `"'=HYPERLINK(""x"")",1` },
    { name: 'a leading minus in text', cells: ['-1+2', '-4'], line: "'-1+2,-4" },
    { name: 'a space, then =', cells: [' =1+1', '1'], line: "' =1+1,1" },
    { name: 'a line break, then =', cells: ['\n=1+1', '1'], line: `"'\n=1+1",1` },
    { name: 'a NUL, then =', cells: ['\u0000=1+1', '1'], line: "'\u0000=1+1,1" },
    { name: 'an ideographic space, then @', cells: ['\u3000@SUM(A1)', '1'], line: "'\u3000@SUM(A1),1" },
    { name: 'a tab, then +', cells: ['\t+1', '1'], line: "'\t+1,1" },
    { name: 'blanks, then text', cells: ['  文字', '1'], line: '  文字,1' },
    { name: 'an = inside the text', cells: ['面积=5000㎡', '1'], line: '面积=5000㎡,1' },
    { name: 'an exact decimal kept as printed', cells: ['x', '0.40'], line: 'x,0.40' },
    { name: 'a percentage as text', cells: ['4%', '1'], line: '\u20604%,1' },
    { name: 'a decimal with its printed zero as text', cells: ['0.40', '1'], line: '\u20600.40,1' },
    { name: 'grouped digits as text', cells: ['1,000', '1'], line: '"\u20601,000",1' },
    { name: 'a fraction as text', cells: ['3/4', '1'], line: '\u20603/4,1' },
    { name: 'a whole number as text, which shows the same as a number', cells: ['12', '1'], line: '12,1' },
    { name: 'a figure with its unit', cells: ['1.13个', '1'], line: '1.13个,1' },
  ])('$name', ({ cells, line }) => {
    const csv = tableAsCsv(table([cells]));
    expect(csv.startsWith('\uFEFFc0,c1\r\n')).toBe(true);
    expect(csv.slice('\uFEFFc0,c1\r\n'.length)).toBe(`${line}\r\n`);
  });

  it('writes one file a table into the --output folder, with the BOM', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'plan-csv-')), 'csv');
    const result = await cli(['export', WUSHAN, '--format', 'csv', '--output', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      ['departments', 'facts', 'findings', 'findings-by-rule', 'indicators', 'natures', 'projects', 'sections', 'spans'].map((n) => `${n}.csv`).sort(),
    );
    const projects = parseCsv(readFileSync(join(out, 'projects.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(projects).toHaveLength(63);
    const rental = projects.find((row) => row[3] === '32')!;
    expect(rental).toContain('巫山县保障性租赁住房建设项目');
    expect(rental[rental.length - 1]).toContain('fact-agreement');
    const findings = parseCsv(readFileSync(join(out, 'findings.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const audit = JSON.parse((await cli(['audit', WUSHAN, '--format', 'json'])).stdout) as { findings: unknown[] };
    expect(findings.length - 1).toBe(audit.findings.length);
  });

  it('adds a 附表 column to projects.csv for a plan of several appendix tables', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'plan-csv-')), 'csv');
    expect((await cli(['export', TABLES, '--format', 'csv', '--output', out, '--lang', 'zh'])).code).toBe(0);
    const projects = parseCsv(readFileSync(join(out, 'projects.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(projects.map((row) => row.slice(0, 5))).toEqual([
      ['规划', '附表', '类别序号', '类别', '序号'],
      ['tables-2021-2025', '附表1', '一', '住有所居', '1'],
      ['tables-2021-2025', '附表2', '一', '老有所养', '1'],
    ]);
  });

  it.each([
    { name: 'no --output', args: ['export', MINI, '--format', 'csv'], code: 2 },
    { name: 'into the plan folder', args: ['export', MINI, '--format', 'csv', '--output', MINI], code: 2 },
  ])('refuses $name', async ({ args, code }) => {
    expect((await cli(args)).code).toBe(code);
  });
});

function findSoffice(): string | undefined {
  const given = process.env['SOFFICE_PATH'];
  if (given) return existsSync(given) ? given : undefined;
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).stdout.trim();
  return found || undefined;
}

const soffice = findSoffice();
if (!soffice) console.warn('csv.test.ts: LibreOffice (soffice) not found: the spreadsheet round trip is SKIPPED. Install libreoffice-calc or set SOFFICE_PATH.');

describe.skipIf(!soffice)('CSV in LibreOffice (headless)', () => {
  it('opens every file as UTF-8 and keeps every cell, Chinese included, through .xlsx and back', { timeout: 90000 }, async () => {
    const work = mkdtempSync(join(tmpdir(), 'plan-lo-'));
    const out = join(work, 'csv');
    expect((await cli(['export', WUSHAN, '--format', 'csv', '--output', out, '--lang', 'zh'])).code).toBe(0);
    const names = readdirSync(out).sort();
    // The round trip of these very files is kept in the tool cache: LibreOffice runs when they change.
    const trip = await toolOutputs([toolVersion(soffice!), 'csv → xlsx → csv', ...names.flatMap((n) => [n, readFileSync(join(out, n))])], (made) => {
      // A profile of its own, so runs side by side do not share LibreOffice's lock.
      const profile = `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`;
      const run = (args: string[]): void => {
        execFileSync(soffice!, [profile, '--headless', ...args], { stdio: 'pipe', timeout: 80000 });
      };
      run(['--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', join(made, 'xlsx'), ...names.map((n) => join(out, n))]);
      run(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', join(made, 'back'), ...names.map((n) => join(made, 'xlsx', n.replace(/csv$/, 'xlsx')))]);
      // Nothing is kept of a round trip that lost a file.
      const missing = names.filter((n) => !existsSync(join(made, 'back', n)));
      if (missing.length > 0) throw new Error(`LibreOffice wrote no ${missing.join(', ')}`);
    });
    for (const name of names) {
      const written = parseCsv(readFileSync(join(out, name), 'utf8').replace(/^\uFEFF/, ''));
      const back = parseCsv(readFileSync(join(trip, 'back', name), 'utf8'));
      expect(back.length, name).toBe(written.length);
      for (const [r, row] of written.entries()) {
        for (const [c, cell] of row.entries()) {
          const other = back[r]![c] ?? '';
          // A number column keeps its value, not its printed zeros (0.40 → 0.4); every text cell, percentages included, is kept as written.
          if (/^-?\d+(\.\d+)?$/.test(cell)) expect(Number(other), `${name} ${r}:${c}`).toBe(Number(cell));
          else expect(other, `${name} ${r}:${c}`).toBe(cell);
        }
      }
    }
    expect(readFileSync(join(trip, 'back', 'projects.csv'), 'utf8')).toContain('巫山县保障性租赁住房建设项目');
    // The unemployment rate's baseline opens as printed, the text 4%, not the number 0.04 (a
    // number shown as a percentage would come back as 4% too: the cell's type in the sheet tells).
    const indicators = parseCsv(readFileSync(join(trip, 'back', 'indicators.csv'), 'utf8'));
    const row = indicators.findIndex((cells) => cells[2] === '城镇调查失业率');
    expect(indicators[row]![4]!.replace(/\u2060/g, '')).toBe('4%');
    const sheet = strFromU8(unzipSync(readFileSync(join(trip, 'xlsx', 'indicators.xlsx')))['xl/worksheets/sheet1.xml']!);
    const types = (column: string): string[] => [...sheet.matchAll(new RegExp(`<c r="${column}\\d+"[^>]*? t="(\\w+)"`, 'g'))].map((m) => m[1]!);
    expect(types('E').length).toBe(indicators.length);
    expect(new Set([...types('E'), ...types('F')])).toEqual(new Set(['s']));
    // No change is written as a formula-looking '=: a word where a word will do.
    expect(indicators.flat().some((cell) => cell.startsWith("'") || cell === '=')).toBe(false);
    expect(indicators.map((row) => row[6])).toContain('持平');
  });
});
