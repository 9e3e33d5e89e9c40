import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { draftPlan } from '../src/init/index.js';
import { countsOf, readCell } from '../src/init/draft.js';
import { findFigures } from '../src/init/figures.js';
import { plainNumber } from '../src/init/stages/tables.js';
import { readYears } from '../src/init/stages/years.js';
import { auditFindings, cli, validateFindings, WUSHAN, type CliResult } from './helpers.js';
// @ts-expect-error: a plain ES module script without types
import { formatScore, scoreDraft } from '../scripts/init-score.mjs';

type Layout = 'cell-lines' | 'tab-rows' | 'split-rows';

interface Score {
  outlineExact: boolean;
  indicatorsExact: boolean;
  projects: { equal: number; of: number };
  subtotals: { equal: number; of: number };
  totalEqual: boolean;
  boxLinks: { right: number; of: number };
  facts: { present: number; of: number };
}

/** A table in one of the layouts that conversion from Word and PDF produces. */
function table(rows: readonly (readonly string[])[], layout: Layout): string {
  if (layout === 'cell-lines') return rows.map((row) => row.map((cell) => `\t${cell}`).join('\n')).join('\n\n');
  if (layout === 'tab-rows') return rows.map((row) => row.join('\t')).join('\n');
  // Rows cut over lines: a long cell is broken in the middle, as a PDF column wraps.
  return rows
    .map((row) => {
      const line = row.join('\t');
      const long = row.findIndex((cell) => cell.length > 12);
      if (long < 0) return line;
      const before = row.slice(0, long).join('\t');
      const cell = row[long]!;
      const half = Math.floor(cell.length / 2);
      const rest = row.slice(long + 1);
      return `${before}\t${cell.slice(0, half)}\n${cell.slice(half)}${rest.length > 0 ? `\t${rest.join('\t')}` : ''}`;
    })
    .join('\n');
}

/** The small plan's appendix: 合计 first, two sections on rows of their own, three projects. */
const APPENDIX_ROWS: readonly (readonly string[])[] = [
  ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）'],
  ['合计', '5300'],
  ['一、学有所教', '3500'],
  ['1', '临河县第一幼儿园建设项目', '县教委', '新建', '城关镇', '新建校舍4000㎡，运动场1500㎡，新增学位360个。', '2022-2024', '2500'],
  ['2', '临河县智慧校园工程', '县教委', '改建', '全县', '实施智慧校园建设，覆盖学校12所。', '2021-2025', '1000'],
  ['二、病有所医', '1800'],
  ['3', '临河县中医院住院楼建设项目', '县卫生健康委 县发展改革委', '新建或改建', '河东街道', '建筑面积约9000㎡，设置床位200张。', '2023-2026', '1800'],
];

/** A small plan of the usual shape, composed for the tests (no figure or name of the bundled plan). */
function composedPlan(layout: Layout, appendixRows: readonly (readonly string[])[] = APPENDIX_ROWS): string {
  const indicators = table(
    [
      ['序号', '指标', '单位', '2020年', '2025年', '指标属性'],
      ['一、教育服务', '', '', '', ''],
      ['1', '学前教育毛入园率', '%', '88', '≥92', '预期性'],
      ['2', '城镇新增就业人数', '万人', '【0.80】', '【0.90】', '约束性'],
      ['二、健康服务', '', '', '', ''],
      ['3', '婴儿死亡率', '‰', '4.5', '＜4', '约束性'],
    ],
    layout,
  );
  const services = table(
    [
      ['服务领域', '服务目标', '服务项目'],
      ['学有所教', '保障适龄儿童受教育权利。', '学前教育资助、义务教育免学费、普通高中助学金（3项）'],
      ['病有所医', '提供基本医疗服务。', '健康档案、预防接种（2项）'],
    ],
    layout,
  );
  const appendix = table(appendixRows, layout);
  return [
    '临河发改〔2022〕45号',
    '临河县发展和改革委员会',
    '关于印发《临河县“十四五”社会事业规划》的通知',
    '        临河县发展和改革委员会',
    '            2022年3月8日',
    '序  言',
    '本规划期为2021—2025年。',
    '第一章  发展基础',
    '第一节  主要成就',
    '学前教育毛入园率88%，五年累计新增城镇就业0.80万人。',
    '第二章  主要任务',
    '第一节  教育',
    '到2025年，学前教育毛入园率达到92%。',
    '专栏1  临河县“十四五”社会事业主要指标',
    indicators,
    '注：带【】为五年累计数。',
    '专栏2  临河县基本公共服务项目清单',
    services,
    '第二节  卫生',
    '推进中医院建设，新增床位200张。',
    '专栏3  重点工程',
    '\t1.第一幼儿园建设。新建校舍4000㎡，运动场1500㎡。',
    '2.中医院住院楼。建设临河县中医院住院楼，设置床位220张。',
    '3.家庭教育指导。开展家庭教育指导服务。',
    '',
    '附表  临河县“十四五”社会事业重点项目清单',
    appendix,
    '',
  ].join('\n');
}

/** A .docx made here: word/document.xml with paragraphs and tables, zipped with deflate. */
function docx(paragraphsAndTables: readonly (string | readonly (readonly string[])[])[]): Buffer {
  const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
  const body = paragraphsAndTables
    .map((part) =>
      typeof part === 'string'
        ? p(part)
        : `<w:tbl>${part.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${cell.split('\n').map(p).join('')}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`,
    )
    .join('');
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', xml]]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function zip(files: readonly [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function composedDocx(): Buffer {
  return docx([
    '临河发改〔2022〕45号',
    '临河县发展和改革委员会',
    '关于印发《临河县“十四五”社会事业规划》的通知',
    '2022年3月8日',
    '第一章  主要任务',
    '第一节  教育',
    '专栏1  重点工程',
    [['1.第一幼儿园建设。新建校舍4000㎡，运动场1500㎡。\n2.家庭教育指导。开展家庭教育指导服务。']],
    '附表  临河县“十四五”社会事业重点项目清单',
    [
      ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）'],
      ['合计', '2500'],
      ['一、学有所教', '2500'],
      ['1', '临河县第一幼儿园建设项目', '县教委\n县住房城乡建委', '新建', '城关镇', '新建校舍4000㎡，运动场1500㎡，新增学位360个。', '2022-2024', '2500'],
    ],
  ]);
}

function target(): string {
  return join(mkdtempSync(join(tmpdir(), 'plan-init-')), 'draft');
}

function bytesOf(layout: Layout, encoding: 'utf-8' | 'gb18030'): Buffer {
  const text = composedPlan(layout);
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  // GB18030 encoded by hand from the decoder's own table: every character of the text has a two-byte GBK form.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.from([lead, trail]));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const pair = table.get(char);
      if (!pair) throw new Error(`no GBK form for ${char}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

describe('plan init on the bundled text', () => {
  const source = join(WUSHAN, 'source.txt');

  it('drafts a folder that validates and whose audit finds what depends on structure', async () => {
    const dir = target();
    const result = await cli(['init', dir, '--from', source]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'source.txt'))).toEqual(readFileSync(source));
    expect((await validateFindings(dir)).filter((f) => f.severity === 'error')).toEqual([]);
    const findings = await auditFindings(dir);
    const ids = (ruleId: string, messageId?: string) => findings.filter((f) => f.ruleId === ruleId && (!messageId || f.messageId === messageId));
    expect(ids('numbering').map((f) => f.data)).toContainEqual(expect.objectContaining({ kind: 'appendix section', label: '七' }));
    expect(ids('outside-plan-period')).toHaveLength(12);
    expect(ids('declared-counts').map((f) => [f.data['declared'], f.data['listed']])).toContainEqual([12, 14]);
    expect(ids('fact-agreement').length).toBeGreaterThanOrEqual(5);
    expect(ids('provenance')).toEqual([]);
    expect(ids('schema')).toEqual([]);
  });

  it("the README quotes plan init's real summary and the real init-score figures", async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const dir = target();
    const printed = (await cli(['init', dir, '--from', source, '--lang', 'en'])).stdout.split('\n').filter((line) => line.startsWith('  '));
    expect(printed.length).toBeGreaterThan(5);
    for (const line of printed) expect(readme).toContain(`${line}\n`);
    const result = await draftPlan(readFileSync(source), 'source.txt', 'wushan-2021-2025');
    if (!result.ok) throw new Error(result.problem);
    expect(readme).toContain(formatScore(scoreDraft(result.files)));
  });

  it('reproduces the hand-made plan to the thresholds of the issue', async () => {
    const result = await draftPlan(readFileSync(source), 'source.txt', 'wushan-2021-2025');
    if (!result.ok) throw new Error(result.problem);
    const score = scoreDraft(result.files) as Score;
    expect(score.outlineExact).toBe(true);
    expect(score.indicatorsExact).toBe(true);
    expect(score.projects.equal / score.projects.of).toBeGreaterThanOrEqual(0.95);
    expect(score.subtotals).toEqual({ equal: 9, of: 9 });
    expect(score.totalEqual).toBe(true);
    expect(score.boxLinks.right / score.boxLinks.of).toBeGreaterThanOrEqual(0.8);
    expect(score.facts.present / score.facts.of).toBeGreaterThanOrEqual(0.8);
  });
});

describe('plan init on composed texts', () => {
  it.each([
    ['one cell a line, UTF-8', 'cell-lines', 'utf-8'],
    ['tab-separated rows, UTF-8', 'tab-rows', 'utf-8'],
    ['rows split across lines, UTF-8', 'split-rows', 'utf-8'],
    ['tab-separated rows, GB18030', 'tab-rows', 'gb18030'],
    ['rows split across lines, GB18030', 'split-rows', 'gb18030'],
  ] as const)('%s gives a valid draft with every part read', async (_name, layout, encoding) => {
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
    writeFileSync(from, bytesOf(layout, encoding));
    const dir = target();
    const result = await cli(['init', dir, '--from', from]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await validateFindings(dir)).toEqual([]);
    // The text is kept byte for byte, whatever its encoding, and its quotes are found in it.
    expect(readFileSync(join(dir, 'source.txt'))).toEqual(readFileSync(from));
    // A cell cut over lines is joined, and the draft says so where it joined; provenance finds the
    // joined text across the printed line break.
    const notFound = (await auditFindings(dir, ['provenance'])).filter((f) => f.messageId === 'text-not-found');
    const joined = ['projects.yaml', 'services.yaml'].flatMap((file) => readFileSync(join(dir, file), 'utf8').match(/# check: (name|location|content|goal|itemsText): printed over several lines/g) ?? []);
    expect(notFound).toEqual([]);
    expect(joined.length > 0).toBe(layout === 'split-rows');
    const drafted = await draftPlan(readFileSync(from), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const { draft, summary } = drafted;
    expect(summary.encoding).toBe(encoding);
    expect(draft.plan).toMatchObject({ title: '临河县“十四五”社会事业规划', issuer: '临河县发展和改革委员会', documentNumber: '临河发改〔2022〕45号', date: '2022-03-08', period: { start: 2021, end: 2025 } });
    expect(draft.indicators?.categories.map((c) => c.indicators.map((i) => [i.serial, i.unit, i.baseline, i.target, i.better]))).toEqual([
      [
        [1, '%', { value: '88' }, { value: '92', bound: '≥' }, 'higher'],
        [2, '万人', { value: '0.80', cumulative: true }, { value: '0.90', cumulative: true }, 'higher'],
      ],
      [[3, '‰', { value: '4.5' }, { value: '4', bound: '＜' }, 'lower']],
    ]);
    expect(draft.services?.areas.map((a) => [a.name, a.declared, a.items.length])).toEqual([
      ['学有所教', 3, 3],
      ['病有所医', 2, 2],
    ]);
    const projects = draft.tables[0]!.sections.flatMap((s) => s.projects);
    expect(draft.tables[0]!.total).toBe('5300');
    expect(draft.tables[0]!.sections.map((s) => [s.numeral, s.name, s.subtotal])).toEqual([
      ['一', '学有所教', '3500'],
      ['二', '病有所医', '1800'],
    ]);
    expect(projects.map((p) => [p.serial, p.departments, p.nature, p.start, p.end, p.investment, p.facts.length])).toEqual([
      [1, ['县教委'], '新建', 2022, 2024, '2500', 3],
      [2, ['县教委'], '改建', 2021, 2025, '1000', 1],
      [3, ['县卫生健康委', '县发展改革委'], ['新建', '改建'], 2023, 2026, '1800', 2],
    ]);
    expect(projects[0]!.content).toBe('新建校舍4000㎡，运动场1500㎡，新增学位360个。');
    const items = draft.boxes[0]!.items;
    expect(items.map((item) => item.works.flatMap((work) => work.projects))).toEqual([[1], [3], []]);
    // The box's figures take the keys of the project they are linked to, so the audit compares them.
    expect(items[1]!.facts[0]!.fact).toBe(projects[2]!.facts[1]!.fact);
    const audit = await auditFindings(dir);
    expect(audit.filter((f) => f.ruleId === 'fact-agreement').map((f) => f.data['fact'])).toEqual([projects[2]!.facts[1]!.fact]);
    expect(audit.filter((f) => f.ruleId === 'outside-plan-period').map((f) => f.data['name'])).toEqual(['临河县中医院住院楼建设项目']);
  });

  it('a table of contents (headings with dot leaders and page numbers) is no heading of the draft', async () => {
    const contents = ['目  录', '第一章  发展基础............1', '第二章  主要任务……3', '附表  重点项目清单..........9', ''].join('\n');
    const text = composedPlan('tab-rows').replace('序  言', `${contents}\n序  言`);
    const drafted = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    expect(drafted.draft.outline.chapters.map((chapter) => [chapter.numeral, chapter.title])).toEqual([
      ['一', '发展基础'],
      ['二', '主要任务'],
    ]);
  });

  it.each([
    ['项目业主', '建设周期'],
    ['实施主体', '建设时间'],
    ['牵头单位', '实施年限'],
  ])('an appendix whose columns are headed %s and %s: each project’s departments and years', async (departments, years) => {
    const text = composedPlan('tab-rows').replace('责任部门', departments).replace('建设起止年限', years);
    const drafted = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const projects = drafted.draft.tables.flatMap((table) => table.sections.flatMap((section) => section.projects));
    expect(projects.map((project) => [project.departments, project.start, project.end])).toEqual([
      [['县教委'], 2022, 2024],
      [['县教委'], 2021, 2025],
      [['县卫生健康委', '县发展改革委'], 2023, 2026],
    ]);
  });

  it('a department merged down the rows of a section, printed beside one of them only, is every row’s, marked to check', async () => {
    // As pdftotext prints a merged cell: once, its other rows' cells empty.
    const text = composedPlan('tab-rows').replace('\t临河县智慧校园工程\t县教委\t', '\t临河县智慧校园工程\t\t');
    expect(text).toContain('\t临河县智慧校园工程\t\t改建');
    const drafted = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const projects = drafted.draft.tables.flatMap((table) => table.sections.flatMap((section) => section.projects));
    expect(projects.map((project) => project.departments)).toEqual([['县教委'], ['县教委'], ['县卫生健康委', '县发展改革委']]);
    expect(projects[1]!.checks.join('\n')).toContain('taken from 附表 序号1');
    // A nature merged so: the row takes the nearest printed, not 新建 by default.
    const natures = composedPlan('tab-rows').replace('\t县教委\t新建\t城关镇\t', '\t县教委\t\t城关镇\t');
    const merged = await draftPlan(Buffer.from(natures, 'utf8'), 'plan.txt', 'draft');
    if (!merged.ok) throw new Error(merged.problem);
    const first = merged.draft.tables[0]!.sections[0]!.projects;
    expect(first.map((project) => project.nature)).toEqual(['改建', '改建']);
    expect(first[0]!.checks.join('\n')).toMatch(/nature: none printed in this row; taken from 附表 序号2/u);
    expect(first[0]!.checks.join('\n')).not.toMatch(/新建 written/u);
    // A section that prints no department keeps its rows without one.
    const none = composedPlan('tab-rows').replace('\t县卫生健康委 县发展改革委\t', '\t\t');
    const bare = await draftPlan(Buffer.from(none, 'utf8'), 'plan.txt', 'draft');
    if (!bare.ok) throw new Error(bare.problem);
    expect(bare.draft.tables[0]!.sections[1]!.projects[0]!.departments).toEqual(['—']);
  });

  it('an appendix whose sections are divided into parts (（一） rows under 一、 rows): each part with its subtotal and projects', async () => {
    const divide = (text: string, section: string, first: string, second: string): string =>
      text.replace(`一、学有所教\t${section}\n`, `一、学有所教\t${section}\n${first}\n`).replace('\n2\t临河县智慧校园工程', `\n${second}\n2\t临河县智慧校园工程`);
    const text = divide(composedPlan('tab-rows'), '3500', '（一）学前教育\t2500', '（二）教育信息化\t1000');
    expect(text).toContain('一、学有所教\t3500\n（一）学前教育\t2500\n1\t');
    const drafted = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const [first, second] = drafted.draft.tables[0]!.sections;
    expect([first!.numeral, first!.subtotal, first!.projects.map((p) => p.serial)]).toEqual(['一', '3500', [1, 2]]);
    expect(first!.parts?.map((part) => [part.numeral, part.name, part.subtotal, part.projects.map((p) => p.serial)])).toEqual([
      ['一', '学前教育', '2500', [1]],
      ['二', '教育信息化', '1000', [2]],
    ]);
    expect([second!.numeral, second!.parts, second!.projects.map((p) => p.serial)]).toEqual(['二', undefined, [3]]);
    // The draft validates and its sums hold: no part or section is taken for another.
    const dir = target();
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
    writeFileSync(from, text);
    expect((await cli(['init', dir, '--from', from])).code).toBe(0);
    expect(await validateFindings(dir)).toEqual([]);
    expect((await auditFindings(dir, ['appendix-sums', 'numbering'])).map((f) => f.messageId)).toEqual([]);
    expect(readFileSync(join(dir, 'projects.yaml'), 'utf8')).toMatch(/name: 学有所教\n {4}subtotal: 3500\n {4}parts:\n {6}- numeral: 一\n {8}name: 学前教育/u);
    // A section row without an amount over parts that print theirs: no subtotal of its own, nothing unread.
    const bare = divide(composedPlan('tab-rows'), '3500', '（一）学前教育\t2500', '（二）教育信息化\t1000').replace('一、学有所教\t3500', '一、学有所教');
    const unstated = await draftPlan(Buffer.from(bare, 'utf8'), 'plan.txt', 'draft');
    if (!unstated.ok) throw new Error(unstated.problem);
    expect(unstated.draft.tables[0]!.sections[0]!.subtotal).toBe('');
    expect(unstated.draft.unread.filter((entry) => /subtotal/u.test(entry.what))).toEqual([]);
  });

  it.each(['cell-lines', 'tab-rows', 'split-rows'] as const)('%s: an appendix whose unit stands on a line under its title (单位：万元), or at the end of the title: every project, nothing unread, the unit taken', async (layout) => {
    const plain = composedPlan(layout).replace('投资估算（万元）', '投资估算');
    const heading = '附表  临河县“十四五”社会事业重点项目清单';
    for (const [text, unit] of [
      [plain.replace(heading, `${heading}\n单位：亿元`), '亿元'],
      [plain.replace(heading, `${heading}\n\n（金额单位：万元）\n`), '万元'],
      [plain.replace(heading, `${heading}（单位：元）`), '元'],
    ] as const) {
      const drafted = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
      if (!drafted.ok) throw new Error(drafted.problem);
      expect(drafted.draft.tables.flatMap((table) => table.sections.flatMap((section) => section.projects)).map((project) => project.serial), text).toEqual([1, 2, 3]);
      expect(drafted.draft.unread, unit).toEqual([]);
      expect(drafted.draft.plan.moneyUnit, unit).toBe(unit);
      expect(drafted.draft.tables[0]!.title, unit).toBe('临河县“十四五”社会事业重点项目清单');
    }
  });

  it.each(['cell-lines', 'tab-rows'] as const)('%s: an appendix that names its sections in a first column (类别), printed once on each section’s first row: every section with its 小计, the 合计', async (layout) => {
    const [header, , , first, second, , third] = APPENDIX_ROWS;
    for (const [name1, name2, numerals] of [
      ['学有所教', '病有所医', false],
      ['一、学有所教', '二、病有所医', true],
    ] as const) {
      const rows = [['类别', ...header!], [name1, ...first!], ['', ...second!], ['小计', '3500'], [name2, ...third!], ['小计', '1800'], ['合计', '5300']];
      const drafted = await draftPlan(Buffer.from(composedPlan(layout, rows), 'utf8'), 'plan.txt', 'draft');
      if (!drafted.ok) throw new Error(drafted.problem);
      const [table] = drafted.draft.tables;
      expect(table!.sections.map((section) => [section.numeral, section.name, section.subtotal, section.projects.map((project) => project.serial)]), layout).toEqual([
        ['一', '学有所教', '3500', [1, 2]],
        ['二', '病有所医', '1800', [3]],
      ]);
      expect(table!.total).toBe('5300');
      expect(drafted.draft.unread, layout).toEqual([]);
      expect(table!.checks.some((check) => check.startsWith('sections: printed in the column "类别"') && check.includes('given in order') !== numerals), layout).toBe(true);
    }
    // With no 小计 rows, the sections print no subtotal: none is written, nothing is unread, the 合计 is checked against the projects.
    const bare = [['类别', ...header!], ['学有所教', ...first!], ['', ...second!], ['病有所医', ...third!], ['合计', '5300']];
    const dir = target();
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
    writeFileSync(from, composedPlan(layout, bare));
    expect((await cli(['init', dir, '--from', from])).code).toBe(0);
    expect(await validateFindings(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'projects.yaml'), 'utf8')).not.toMatch(/subtotal/u);
    expect((await auditFindings(dir, ['appendix-sums', 'numbering', 'draft-unread'])).map((f) => f.messageId)).toEqual([]);
  });

  it.each(['cell-lines', 'tab-rows'] as const)('%s: an appendix whose name column is headed 项目 or 建设项目 alone: every project', async (layout) => {
    for (const name of ['项目', '建设项目']) {
      const rows = APPENDIX_ROWS.map((row, index) => (index === 0 ? row.map((cell) => (cell === '项目名称' ? name : cell)) : row));
      const drafted = await draftPlan(Buffer.from(composedPlan(layout, rows), 'utf8'), 'plan.txt', 'draft');
      if (!drafted.ok) throw new Error(drafted.problem);
      expect(drafted.draft.tables.flatMap((table) => table.sections.flatMap((section) => section.projects.map((project) => project.name))), name).toEqual(['临河县第一幼儿园建设项目', '临河县智慧校园工程', '临河县中医院住院楼建设项目']);
      expect(drafted.draft.unread, name).toEqual([]);
    }
  });

  it('a web page whose appendix prints a section’s numeral alone in the serial column (一 | 学有所教) and 合计, 小计 in the name’s column: every section, subtotal and the total', async () => {
    const row = (...cells: string[]): string => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
    const html = [
      '<html><head><meta charset="utf-8"></head><body><h1>临河县“十四五”社会事业规划</h1><h2>第一章 发展基础</h2><p>本规划期为2021—2025年。</p>',
      '<p>附表 临河县“十四五”社会事业重点项目清单</p><table border="1">',
      row('序号', '项目名称', '建设年限', '投资估算（万元）'),
      row('', '合计', '', '3500'),
      row('一', '学有所教', '', ''),
      row('1', '临河县第一幼儿园建设项目', '2022-2024', '2500'),
      row('', '小计', '', '2500'),
      row('二', '病有所医', '', '1000'),
      row('2', '临河县中医院住院楼建设项目', '2023-2025', '1000'),
      '</table></body></html>',
    ].join('\n');
    const drafted = await draftPlan(Buffer.from(html, 'utf8'), 'plan.html', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const [table] = drafted.draft.tables;
    expect(table!.sections.map((section) => [section.numeral, section.name, section.subtotal, section.projects.map((project) => project.serial)])).toEqual([
      ['一', '学有所教', '2500', [1]],
      ['二', '病有所医', '1000', [2]],
    ]);
    expect(table!.total).toBe('3500');
    expect(drafted.draft.unread).toEqual([]);
  });

  it('a web page whose appendix names its sections in a first column, prints the period’s share before the whole investment and remarks last: each 小计 spanning the first columns gives the whole investment', async () => {
    const html = [
      '<html><head><meta charset="utf-8"></head><body><h1>临河县“十四五”社会事业规划</h1><h2>第一章 发展基础</h2><p>本规划期为2021—2025年。</p>',
      '<p>附表 临河县“十四五”社会事业重点项目清单</p><table border="1">',
      '<tr><td>类别</td><td>序号</td><td>项目名称</td><td>建设年限</td><td>“十四五”计划投资（万元）</td><td>总投资（万元）</td><td>备注</td></tr>',
      '<tr><td rowspan="2">一、学有所教</td><td>1</td><td>临河县第一幼儿园建设项目</td><td>2022-2024</td><td>1500</td><td>2500</td><td></td></tr>',
      '<tr><td>2</td><td>临河县智慧校园工程</td><td>2021-2025</td><td>600</td><td>1000</td><td></td></tr>',
      '<tr><td colspan="4">小计</td><td>2100</td><td>3500</td><td></td></tr>',
      '<tr><td colspan="4">合计</td><td>2100</td><td>3500</td><td></td></tr>',
      '</table></body></html>',
    ].join('\n');
    const drafted = await draftPlan(Buffer.from(html, 'utf8'), 'plan.html', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const [table] = drafted.draft.tables;
    expect(table!.sections.map((section) => [section.name, section.subtotal, section.projects.map((project) => project.investment)])).toEqual([['学有所教', '3500', ['2500', '1000']]]);
    expect(table!.total).toBe('3500');
  });

  it('a text whose appendix names its sections in a first column and leaves a 小计’s serial cell off (小计 | | | 3500 | 2100): the whole investment, not the period’s share', async () => {
    const rows = [
      ['类别', '序号', '项目名称', '建设年限', '投资估算（万元）', '其中：“十四五”投资（万元）'],
      ['一、学有所教', '1', '临河县第一幼儿园建设项目', '2022-2024', '2500', '1500'],
      ['', '2', '临河县智慧校园工程', '2021-2025', '1000', '600'],
      ['小计', '', '', '3500', '2100'],
      ['合计', '', '', '3500', '2100'],
    ];
    const text = ['临河县“十四五”社会事业规划', '第一章  发展基础', '本规划期为2021—2025年。', '', '附表  临河县“十四五”社会事业重点项目清单', ...rows.map((row) => row.join('\t')), ''].join('\n');
    const drafted = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const [table] = drafted.draft.tables;
    expect(table!.sections.map((section) => [section.name, section.subtotal, section.projects.map((project) => project.investment)])).toEqual([['学有所教', '3500', ['2500', '1000']]]);
    expect(table!.total).toBe('3500');
  });

  it.each([
    ['现状值', '目标值'],
    ['2020年基期值', '2025年目标值'],
    ['2020年', '2025年'],
  ])('an indicator table headed %s | %s: every baseline and target read', async (baselineHeader, targetHeader) => {
    const html = `<html><head><meta charset="utf-8"></head><body><h1>临河县“十四五”社会事业规划</h1><h2>第一章 发展基础</h2><p>本规划期为2021—2025年。</p><p>专栏1 主要指标</p><table border="1"><tr><td>序号</td><td>指标</td><td>单位</td><td>${baselineHeader}</td><td>${targetHeader}</td><td>属性</td></tr><tr><td>1</td><td>学前教育毛入园率</td><td>%</td><td>88</td><td>92</td><td>预期性</td></tr></table></body></html>`;
    const drafted = await draftPlan(Buffer.from(html, 'utf8'), 'plan.html', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const [indicator] = drafted.draft.indicators!.categories[0]!.indicators;
    expect([indicator!.baseline, indicator!.target]).toEqual([{ value: '88' }, { value: '92' }]);
    // A header with neither years nor 现状 and 目标: said unread, nothing drafted.
    const unnamed = await draftPlan(Buffer.from(html.replace(baselineHeader, '甲').replace(targetHeader, '乙'), 'utf8'), 'plan.html', 'draft');
    if (!unnamed.ok) throw new Error(unnamed.problem);
    expect(unnamed.draft.indicators).toBeUndefined();
    expect(unnamed.draft.unread.map((entry) => entry.part)).toEqual(['indicators']);
  });

  it('an indicator table in no 专栏 is read by its caption (表1 主要指标, 附表1); without one it is said first as unread indicators; beside a 专栏’s it is noted', async () => {
    const indicators = '<table border="1"><tr><td>序号</td><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td><td>属性</td></tr><tr><td>1</td><td>学前教育毛入园率</td><td>%</td><td>88</td><td>92</td><td>预期性</td></tr></table>';
    const page = (body: string): Buffer => Buffer.from(`<html><head><meta charset="utf-8"></head><body><h1>临河县“十四五”社会事业规划</h1><h2>第一章 发展基础</h2><p>本规划期为2021—2025年。</p>${body}</body></html>`, 'utf8');
    for (const [caption, label] of [
      ['表1 主要指标', '表1'],
      ['表１：主要指标', '表1'],
      ['附表1 主要指标', '附表1'],
    ]) {
      const captioned = await draftPlan(page(`<p>${caption}</p>${indicators}`), 'plan.html', 'draft');
      if (!captioned.ok) throw new Error(captioned.problem);
      expect([captioned.draft.indicators?.table, captioned.draft.indicators?.box, captioned.draft.indicators?.title], caption).toEqual([label, undefined, '主要指标']);
      expect(captioned.draft.indicators?.categories.flatMap((category) => category.indicators)).toHaveLength(1);
      expect(captioned.draft.unread, caption).toEqual([]);
    }
    const outside = await draftPlan(page(`<p>主要指标如下。</p>${indicators}`), 'plan.html', 'draft');
    if (!outside.ok) throw new Error(outside.problem);
    expect(outside.draft.indicators).toBeUndefined();
    expect(outside.draft.unread.map((entry) => [entry.part, entry.what])).toEqual([['indicators', 'an indicator table outside any 专栏 (2 rows), with no 表N caption to name it']]);
    // Drafted from its caption, the plan validates and an indicator rule names the table as the text does.
    const dir = target();
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.html');
    writeFileSync(from, page(`<p>表1 主要指标</p>${indicators.replace('<td>92</td>', '<td>80</td>')}`));
    expect((await cli(['init', dir, '--from', from])).code).toBe(0);
    expect(readFileSync(join(dir, 'indicators.yaml'), 'utf8')).toMatch(/^table: 表1\ntitle: 主要指标\n/mu);
    expect(await validateFindings(dir)).toEqual([]);
    const direction = (await auditFindings(dir, ['indicator-direction'])).map((finding) => finding.message);
    expect(direction).toEqual([expect.stringMatching(/^表1 indicator 1 '学前教育毛入园率' should rise/u)]);
    // Its cells are transcribed figures to plan coverage, in the region its caption stands in.
    const coverage = JSON.parse((await cli(['coverage', dir, '--format', 'json'])).stdout) as { plans: { report: { numbers: { text: string; kind: string }[] } }[] };
    expect(coverage.plans[0]!.report.numbers.filter((number) => ['88', '80'].includes(number.text)).map((number) => number.kind)).toEqual(['figure', 'figure']);
    // (The caption's 1 numbers the table.)
    expect(coverage.plans[0]!.report.numbers.filter((number) => number.kind === 'untranscribed')).toEqual([]);
    const boxed = await draftPlan(page(`<p>专栏1 主要指标</p>${indicators}<p>表2 其他指标</p>${indicators}`), 'plan.html', 'draft');
    if (!boxed.ok) throw new Error(boxed.problem);
    expect(boxed.draft.indicators?.categories.flatMap((category) => category.indicators)).toHaveLength(1);
    expect(boxed.draft.unread.map((entry) => entry.part)).toEqual([undefined]);
  });

  it('a text whose indicator table is captioned 表1: read when its rows are a table, else its caption is said first as unread indicators', async () => {
    const captioned = (layout: Layout): Buffer => Buffer.from(composedPlan(layout).replace('专栏1  临河县“十四五”社会事业主要指标', '表1  临河县“十四五”社会事业主要指标'), 'utf8');
    const rows = await draftPlan(captioned('tab-rows'), 'plan.txt', 'draft');
    if (!rows.ok) throw new Error(rows.problem);
    expect([rows.draft.indicators?.table, rows.draft.indicators?.categories.flatMap((category) => category.indicators).length]).toEqual(['表1', 3]);
    expect(rows.draft.unread.filter((entry) => entry.part === 'indicators')).toEqual([]);
    const lines = await draftPlan(captioned('cell-lines'), 'plan.txt', 'draft');
    if (!lines.ok) throw new Error(lines.problem);
    expect(lines.draft.indicators).toBeUndefined();
    expect(lines.draft.unread.filter((entry) => entry.part === 'indicators').map((entry) => entry.what)).toEqual(['表1 临河县“十四五”社会事业主要指标: an indicator table\'s caption, with no table read under it']);
  });

  it('an appendix row with a serial and no name is recorded unread, not drafted; a table with no row read is not written, and the draft validates', async () => {
    const [header, total, section, first, second] = APPENDIX_ROWS;
    const nameless = [header!, total!, section!, first!, ['2', '', '县教委', '改建', '全县', '实施智慧校园建设。', '2021-2025', '1000']];
    const drafted = await draftPlan(Buffer.from(composedPlan('tab-rows', nameless), 'utf8'), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    expect(drafted.draft.tables[0]!.sections[0]!.projects.map((project) => project.serial)).toEqual([1]);
    expect(drafted.draft.unread.map((entry) => [entry.what, entry.part])).toEqual([['appendix row 2: no project name', 'appendix']]);
    // A second table of which no row reads: recorded, not written; the one read keeps its number.
    const text = `${composedPlan('tab-rows', [header!, total!, section!, first!, second!]).replace('附表  ', '附表1  ')}\n附表2  其他项目\n\n${['序号\t项目名称\t投资估算（万元）', '项目甲\t建设\t100', '项目乙\t建设\t200'].join('\n')}\n`;
    const dir = target();
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
    writeFileSync(from, text);
    const result = await cli(['init', dir, '--from', from, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/附表2: no project row could be read/u);
    expect(await validateFindings(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'projects.yaml'), 'utf8')).toMatch(/^number: 1\n/mu);
  });

  it('a list of projects whose investment column is not read is the appendix unread: the audit does not call its key works missing from it', async () => {
    // The money header misread (总投 | 备注资, as pdftotext -layout may set 资 under 备注): no investment column.
    const rows = APPENDIX_ROWS.map((row, at) => (at === 0 ? [...row.slice(0, -1), '备注资'] : row));
    const dir = target();
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
    writeFileSync(from, composedPlan('tab-rows', rows));
    const result = await cli(['init', dir, '--from', from, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NOTE: [^\n]*\n {2}appendix {2}\S+:\d+ {2}附表: a list of projects whose investment column was not read$/mu);
    const findings = await auditFindings(dir, ['unlinked-work', 'draft-unread']);
    expect(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['draft-unread/part-unread']);
  });

  it('a table under a heading that names a list of projects, read with no name or investment column, is the appendix unread, though another appendix table was read (seed 65 of the 类别 corpus)', async () => {
    // 附表1 whose rows came out as a table of two columns of other words; 附表2 read as a list of projects.
    const misread = ['附表1  临河县“十四五”重点建设项目清单', ['类别\t说明', '学有所教\t新建幼儿园两所', '病有所医\t改建中医院一所'].join('\n'), ''].join('\n');
    const text = composedPlan('tab-rows').replace('附表  临河县“十四五”社会事业重点项目清单', `${misread}\n附表2  临河县“十四五”社会事业重点项目清单`);
    const dir = target();
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
    writeFileSync(from, text);
    const result = await cli(['init', dir, '--from', from, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NOTE: [^\n]*\n {2}appendix {2}\S+:\d+ {2}附表1: a list of projects by its title, whose table was not read as one/mu);
    const findings = await auditFindings(dir, ['appendix-sums', 'unlinked-work', 'draft-unread']);
    expect(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['draft-unread/part-unread']);
  });

  it('takes 扩建, 迁建 and 改造 for natures as printed, with no check', async () => {
    const natures = new Map([['1', '扩建'], ['2', '迁建'], ['3', '改造']]);
    const rows = APPENDIX_ROWS.map((row): readonly string[] => (natures.has(row[0] ?? '') ? [...row.slice(0, 3), natures.get(row[0] ?? '')!, ...row.slice(4)] : row));
    const dir = target();
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
    writeFileSync(from, composedPlan('tab-rows', rows));
    expect((await cli(['init', dir, '--from', from, '--lang', 'en'])).code).toBe(0);
    const projects = readFileSync(join(dir, 'projects.yaml'), 'utf8');
    expect([...projects.matchAll(/^ {8}nature: (\S+)$/gmu)].map((match) => match[1])).toEqual(['扩建', '迁建', '改造']);
    expect(projects).not.toMatch(/check: nature/u);
  });

  it('a row whose cells ran together with the next row’s or moved a column over is recorded misread in its name, departments and nature: no finding comes from them, and its amount still adds up (pdftotext -layout of centred cells, seeds 314, 357 and 358 of long contents)', async () => {
    const rows = APPENDIX_ROWS.map((row): readonly string[] => {
      const [serial = '', name = ''] = row;
      if (serial === '1') return [serial, `${name}临河县智`, ...row.slice(2)];
      if (serial === '2') return [serial, name, '县教委、县教', ...row.slice(3)];
      if (serial === '3') return [serial, name, '改建', ...row.slice(3)];
      return row;
    });
    const dir = target();
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
    writeFileSync(from, composedPlan('tab-rows', rows));
    const result = await cli(['init', dir, '--from', from, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(new Set(result.stdout.match(/appendix 序号\d: cells of neighbouring rows or columns run together/gu))).toEqual(new Set([1, 2, 3].map((n) => `appendix 序号${n}: cells of neighbouring rows or columns run together`)));
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('row: { serial: 2, cells: [name, departments, nature] } }');
    const findings = await auditFindings(dir, ['unlinked-work', 'appendix-sums', 'draft-unread']);
    expect([...new Set(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`))]).toEqual(['draft-unread/row-unread']);
  });

  /** The small plan drafted from its text with these appendix rows: the draft's folder and plan init's run. */
  const drafted = async (rows: readonly (readonly string[])[]): Promise<{ dir: string; result: CliResult }> => {
    const dir = target();
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
    writeFileSync(from, composedPlan('tab-rows', rows));
    return { dir, result: await cli(['init', dir, '--from', from, '--lang', 'en']) };
  };

  it('one row run together with the next among rows read is recorded as that row (row: { serial: 3 }): the sums of the other sections are still checked', async () => {
    const rows = APPENDIX_ROWS.map((row): readonly string[] => {
      if (row[0] === '3') return [row[0], `${row[1]}临河县智`, ...row.slice(2)];
      return row[0] === '一、学有所教' ? [row[0], '3400'] : row;
    });
    const { dir, result } = await drafted(rows);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toMatch(/^ {4}- \{ part: appendix, where: line \d+, what: "appendix 序号3: cells of neighbouring rows or columns run together[^"]*", row: \{ serial: 3 \} \}$/mu);
    const findings = await auditFindings(dir, ['appendix-sums', 'unlinked-work', 'draft-unread']);
    expect(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`).sort()).toEqual(['appendix-sums/subtotal-mismatch', 'appendix-sums/total-mismatch', 'draft-unread/row-unread']);
  });

  it('a prose total sent to the appendix (总投资0.54亿元（详见附表）) is judged against a printed 合计 beside a misread row, and not judged when the table prints no 合计 (an appendix not read as a whole)', async () => {
    /** The composed plan with a prose total of the appendix, its row 3 run together with the next. */
    const text = (rows: readonly (readonly string[])[]): string => composedPlan('tab-rows', rows).replace('推进中医院建设，新增床位200张。', '推进中医院建设，新增床位200张。规划项目总投资0.54亿元（详见附表）。');
    const runTogether = APPENDIX_ROWS.map((row): readonly string[] => (row[0] === '3' ? [row[0], `${row[1]}临河县智`, ...row.slice(2)] : row));
    const draftOf = async (rows: readonly (readonly string[])[]): Promise<string> => {
      const dir = target();
      const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
      writeFileSync(from, text(rows));
      expect((await cli(['init', dir, '--from', from, '--lang', 'en'])).code).toBe(0);
      expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('row: { serial: 3 } }');
      return dir;
    };
    const printed = await draftOf(runTogether);
    expect((await auditFindings(printed, ['declared-sums'])).map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['declared-sums/tables-mismatch']);
    const unprinted = await draftOf(runTogether.filter((row) => row[0] !== '合计'));
    expect(await auditFindings(unprinted, ['declared-sums'])).toEqual([]);
  });

  it('a department of one character (局, the rest of 县民政局 run into the name beside it) is a row misread in its names, its amount still added up', async () => {
    const rows = APPENDIX_ROWS.map((row): readonly string[] => (row[0] === '2' ? [row[0], '临河县智慧县民政校园工程', '局', ...row.slice(3)] : row));
    const { dir, result } = await drafted(rows);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('row: { serial: 2, cells: [name, departments, nature] } }');
    const findings = await auditFindings(dir, ['appendix-sums', 'draft-unread']);
    expect(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['draft-unread/row-unread']);
  });

  it('a department that ends in a nature (县教新建: the nature run into it) is a row misread in its names; a count with a year glued to it (4002022个) a row misread whole', async () => {
    const rows = APPENDIX_ROWS.map((row): readonly string[] => {
      if (row[0] === '1') return [row[0], row[1]!, '县教新建', '', row[4]!, '新建校舍4000㎡，运动场1500㎡，新增学位3602022个。', ...row.slice(6)];
      return row[0] === '2' ? [row[0], row[1]!, '县教改建', ...row.slice(3)] : row;
    });
    const { dir, result } = await drafted(rows);
    expect(result.code).toBe(0);
    const plan = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(plan).toContain('row: { serial: 1 } }');
    expect(plan).toContain('row: { serial: 2, cells: [name, departments, nature] } }');
    const findings = await auditFindings(dir, ['appendix-sums', 'unlinked-work', 'draft-unread']);
    expect([...new Set(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`))]).toEqual(['draft-unread/row-unread']);
  });

  it('rows whose years do not read, more than one in five and no row misread as a whole, are each recorded as that row: their years are not judged, the other rows still are', async () => {
    const rows = APPENDIX_ROWS.map((row): readonly string[] => (row[0] === '1' || row[0] === '2' ? [...row.slice(0, 6), `${row[6]!.slice(0, 5)}`, row[7]!] : row));
    const { dir, result } = await drafted(rows);
    expect(result.code).toBe(0);
    const plan = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(plan).toMatch(/what: "appendix 序号1: years \\"2022-\\"", row: \{ serial: 1 \} \}/u);
    expect(plan).toMatch(/what: "appendix 序号2: years \\"2021-\\"", row: \{ serial: 2 \} \}/u);
    expect(result.stdout.match(/appendix 序号1: years/gu)).toHaveLength(2);
    // Row 3 runs to 2026, past the plan period: still found.
    const findings = await auditFindings(dir, ['outside-plan-period', 'draft-unread']);
    expect([...new Set(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`))].sort()).toEqual(['draft-unread/row-unread', 'outside-plan-period/ends-after']);
  });

  it('a name that holds a range’s first year (…工程2022-县住房: the years’ cell run into it) is a row misread whole, and its years are not judged (seed 194, pdftotext -layout)', async () => {
    const rows = APPENDIX_ROWS.map((row): readonly string[] => (row[0] === '2' ? [row[0], `${row[1]}2022-县住房`, ...row.slice(2, 6), '2023-2022', row[7]!] : row));
    const { dir, result } = await drafted(rows);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toMatch(/what: "appendix 序号2: cells of neighbouring rows or columns run together[^"]*", row: \{ serial: 2 \} \}/u);
    const findings = await auditFindings(dir, ['year-order', 'draft-unread']);
    expect(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['draft-unread/row-unread']);
  });

  it('a department that holds a sentence and figures (the content shifted into it: 改建实施智慧校园建设，覆盖学校12所。) is a row misread whole: its figures are not judged (seed 59 of corpus B, quirky text)', async () => {
    const rows = APPENDIX_ROWS.map((row): readonly string[] => (row[0] === '2' ? [row[0], row[1]!, `${row[3]}${row[5]}`, '', '', '', ...row.slice(6)] : row));
    const { dir, result } = await drafted(rows);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toMatch(/what: "appendix 序号2: cells of neighbouring rows or columns run together[^"]*", row: \{ serial: 2 \} \}/u);
  });

  it('an amount that reads as a year beside years that do not read (2021-1000 and 2025: the range\'s end taken for the amount) is a row misread whole: no sum is judged from it (seed 182, pdftotext -layout)', async () => {
    const rows = APPENDIX_ROWS.map((row): readonly string[] => (row[0] === '2' ? [...row.slice(0, 6), '2021-1000', '2025'] : row));
    const { dir, result } = await drafted(rows);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toMatch(/what: "appendix 序号2: investment 2025 reads as a year.*", row: \{ serial: 2 \} \}/u);
    const findings = await auditFindings(dir, ['appendix-sums', 'draft-unread']);
    expect(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['draft-unread/row-unread']);
  });

  it('an amount that reads as a year of the plan beside years that read but stand decades off (2022-1900 and 2024: the amount taken for the range\'s end) is a row misread whole; a range printed backwards beside an amount is judged (seed 149, pdftotext -layout)', async () => {
    const swapped = APPENDIX_ROWS.map((row): readonly string[] => (row[0] === '2' ? [...row.slice(0, 6), '2022-1900', '2024'] : row));
    const { dir, result } = await drafted(swapped);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toMatch(/what: "appendix 序号2: investment 2024 reads as a year.*", row: \{ serial: 2 \} \}/u);
    const findings = await auditFindings(dir, ['appendix-sums', 'year-order', 'draft-unread']);
    expect(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['draft-unread/row-unread']);
    const backwards = await drafted(APPENDIX_ROWS.map((row): readonly string[] => (row[0] === '2' ? [...row.slice(0, 6), '2025-2022', row[7]!] : row)));
    expect(readFileSync(join(backwards.dir, 'plan.yaml'), 'utf8')).not.toContain('reads as a year');
    expect((await auditFindings(backwards.dir, ['year-order'])).map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['year-order/start-after-end']);
  });

  it('a row with the whole but no period\'s share, where the other rows print both (其中：“十四五”投资), or with remarks that open with a figure, is a row misread whole: its amount was set apart from its share (seed 43 of corpus B, pdftotext -layout)', async () => {
    /** The rows with the period's share and remarks beside the amount, row `serial` printed with `share` and `remark`. */
    const withShare = (serial: string, share: string, remark: string): (readonly string[])[] =>
      APPENDIX_ROWS.map((row, at): readonly string[] => {
        if (at === 0) return [...row, '其中：“十四五”投资（万元）', '备注'];
        if (!/^\d+$/u.test(row[0] ?? '')) return [...row, String(Number(row.at(-1)) * 0.6)];
        return row[0] === serial ? [...row, share, remark] : [...row, String(Number(row.at(-1)) * 0.6), ''];
      });
    for (const [rows, what] of [
      [withShare('1', '', ''), /what: "appendix 序号1: investment 2500 beside the period's share .*", row: \{ serial: 1 \} \}/u],
      [withShare('1', '2600', ''), /what: "appendix 序号1: investment 2500 beside the period's share .*2600.*", row: \{ serial: 1 \} \}/u],
      [withShare('2', '600', '600争取中央预算内资金'), /what: "appendix 序号2: remarks open with a figure \(600争取中央预算内资金\)", row: \{ serial: 2 \} \}/u],
    ] as const) {
      const { dir, result } = await drafted(rows);
      expect(result.code).toBe(0);
      const plan = readFileSync(join(dir, 'plan.yaml'), 'utf8');
      expect(plan).toMatch(what);
      expect(plan.match(/part: appendix/gu)).toHaveLength(1);
    }
    // A remark's own figure (2023年开工) is no amount set apart.
    const { dir } = await drafted(withShare('2', '600', '2023年开工'));
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).not.toMatch(/part: appendix/u);
  });

  it('an amount above its table’s 合计 is a row misread (an amount and a year run together, 27002025)', async () => {
    const rows = APPENDIX_ROWS.map((row): readonly string[] => (row[0] === '2' ? [...row.slice(0, 7), '10002025'] : row));
    const { dir, result } = await drafted(rows);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('what: "appendix 序号2: investment 10002025 is more than the table\'s 合计 5300", row: { serial: 2 } }');
    const findings = await auditFindings(dir, ['appendix-sums', 'draft-unread']);
    expect(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['draft-unread/row-unread']);
  });

  it('a header that holds a row’s figures (建设内容新建建筑面积12200) leaves the table unread: no column is sure', async () => {
    const rows = APPENDIX_ROWS.map((row, at): readonly string[] => (at === 0 ? [...row.slice(0, 5), '建设内容新建建筑面积12200', ...row.slice(6)] : row));
    const { dir, result } = await drafted(rows);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("附表: its header holds a row's figures (建设内容新建建筑面积12200)");
    const findings = await auditFindings(dir, ['appendix-sums', 'draft-unread']);
    expect(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['draft-unread/part-unread']);
  });

  it('a table whose names read as contents (the columns taken one for another) is unread, and no finding comes from its cells', async () => {
    const rows = APPENDIX_ROWS.map((row): readonly string[] => (/^\d+$/u.test(row[0] ?? '') ? [row[0]!, row[5]!, ...row.slice(2, 5), row[6]!, row[6]!, row[7]!] : row));
    const { dir, result } = await drafted(rows);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('附表: its names read as contents (新建校舍4000㎡，运动场1500㎡，新增学位3): the columns were not found');
    const findings = await auditFindings(dir, ['unlinked-work', 'appendix-sums', 'draft-unread']);
    expect(findings.map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['draft-unread/part-unread']);
  });

  it('a box item names a work in another town than the appendix project most like it: not linked to it (柏山街道 and 石塘街道)', async () => {
    const rows = APPENDIX_ROWS.map((row) => (row[0] === '3' ? ['3', '临河县河东镇中医院住院楼建设项目', ...row.slice(2)] : row));
    const text = composedPlan('tab-rows', rows).replace('3.家庭教育指导。开展家庭教育指导服务。', '3.临河县河西镇中医院住院楼建设项目。设置床位100张。');
    const drafted = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const items = drafted.draft.boxes.find((box) => box.items.length === 3)!.items;
    expect(items.map((item) => item.works.flatMap((work) => work.projects))).toEqual([[1], [3], []]);
  });

  it('of two appendix tables, the one under whose heading no table reads stays the appendix unread, the other read', async () => {
    const plan = composedPlan('tab-rows');
    const before = plan.slice(0, plan.indexOf('附表  '));
    const second = table(APPENDIX_ROWS, 'tab-rows');
    const text = `${before}附表1  临河县“十四五”社会事业重点建设项目清单\n项目情况见县发展改革委网站。\n\n附表2  临河县“十四五”社会事业重点民生项目清单\n${second}\n`;
    const drafted = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    expect(drafted.draft.tables.map((read) => read.number)).toEqual([2]);
    expect(drafted.draft.unread.filter((entry) => entry.part === 'appendix').map((entry) => entry.what)).toEqual(['text after the appendix heading that is not a table']);
  });

  it('an appendix that prints no serials: its projects numbered in order, marked to check', async () => {
    const text = composedPlan('tab-rows').replace('序号\t项目名称\t责任部门', '项目名称\t责任部门').replace(/^[1-3]\t(临河县)/gmu, '$1');
    expect(text).not.toMatch(/^1\t临河县/mu);
    const drafted = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const projects = drafted.draft.tables.flatMap((table) => table.sections.flatMap((section) => section.projects));
    expect(projects.map((project) => [project.serial, project.name, project.investment])).toEqual([
      [1, '临河县第一幼儿园建设项目', '2500'],
      [2, '临河县智慧校园工程', '1000'],
      [3, '临河县中医院住院楼建设项目', '1800'],
    ]);
    expect(projects[2]!.checks).toContain("serial: the table prints none; 3 is this row's place in the table");
  });

  it('an appendix that prints the start and the end year in columns of their own (开工年份 | 竣工年份)', async () => {
    const text = composedPlan('tab-rows')
      .replace('建设起止年限', '开工年份\t竣工年份')
      .replace('\t2022-2024\t', '\t2022\t2024年\t')
      .replace('\t2021-2025\t', '\t2021.3\t2025.12\t')
      .replace('\t2023-2026\t', '\t2023年\t2026年\t');
    expect(text).toContain('\t2021.3\t2025.12\t');
    const drafted = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const projects = drafted.draft.tables.flatMap((table) => table.sections.flatMap((section) => section.projects));
    expect(projects.map((project) => [project.start, project.end, project.investment])).toEqual([
      [2022, 2024, '2500'],
      [2021, 2025, '1000'],
      [2023, 2026, '1800'],
    ]);
  });

  it('a plan that prints no period gets the years of its indicator table, marked to check', async () => {
    const text = composedPlan('tab-rows').replace('本规划期为2021—2025年。', '').replaceAll('“十四五”', '');
    const drafted = await draftPlan(Buffer.from(text, 'utf8'), 'plan.txt', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    expect(drafted.draft.plan.period).toEqual({ start: 2021, end: 2025 });
    expect(drafted.files.get('plan.yaml')).toMatch(/# check: period: 2021-2025 guessed from the years of the tables/);
  });

  it('reads a .docx with its tables as tables and keeps the file beside its text', async () => {
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.docx');
    writeFileSync(from, composedDocx());
    const dir = target();
    const result = await cli(['init', dir, '--from', from]);
    expect(result.code).toBe(0);
    expect(await validateFindings(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'source.original.docx'))).toEqual(readFileSync(from));
    const drafted = await draftPlan(readFileSync(from), 'plan.docx', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const project = drafted.draft.tables[0]!.sections[0]!.projects[0]!;
    expect([project.serial, project.departments, project.start, project.end, project.investment]).toEqual([1, ['县教委', '县住房城乡建委'], 2022, 2024, '2500']);
    expect(drafted.draft.boxes[0]!.items.map((item) => item.works.flatMap((work) => work.projects))).toEqual([[1], []]);
    expect((await auditFindings(dir, ['provenance'])).map((f) => f.messageId)).toEqual([]);
  });
});

describe('plan init refuses bad input and leaves nothing behind', () => {
  const cases: readonly [string, Buffer | string, string][] = [
    ['an empty file', Buffer.alloc(0), 'empty'],
    ['a file of blank lines', '\n \n\t\n', 'empty'],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0x00]), 'binary'],
    ['bytes that are neither UTF-8 nor GB18030', Buffer.from([0x41, 0xff, 0xff, 0x42, 0x80]), 'not-text'],
    ['a zip without a document', zip([['a.txt', 'hello']]), 'bad-docx'],
    ['a text with no plan structure', '这是一段普通的文字，没有章节，也没有表格。\n第二行。\n', 'no-structure'],
  ];

  it.each(cases)('%s: exit 2, a located message, no folder', async (_name, content, problem) => {
    const sourceDir = mkdtempSync(join(tmpdir(), 'plan-init-src-'));
    const from = join(sourceDir, 'input.txt');
    writeFileSync(from, content);
    const drafted = await draftPlan(readFileSync(from), 'input.txt', 'draft');
    expect(drafted.ok ? 'ok' : drafted.problem).toBe(problem);
    const dir = target();
    const parent = join(dir, '..');
    const result = await cli(['init', dir, '--from', from]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${from}:1:1`);
    expect(result.stdout).toBe('');
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('an existing target folder is never overwritten', async () => {
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
    writeFileSync(from, composedPlan('tab-rows'));
    const dir = target();
    expect((await cli(['init', dir, '--from', from])).code).toBe(0);
    const before = readFileSync(join(dir, 'plan.yaml'));
    writeFileSync(join(dir, 'plan.yaml'), 'mine\n');
    const again = await cli(['init', dir, '--from', from]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(dir);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('mine\n');
    expect(before.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, '..'))).toEqual(['draft']);
  });

  it('a long text on a terminal gets a progress line on stderr, cleared at the end; none off a terminal', async () => {
    const from = join(mkdtempSync(join(tmpdir(), 'plan-init-src-')), 'plan.txt');
    // The composed plan with a long preface: over the length that earns a progress line.
    writeFileSync(from, composedPlan('tab-rows').replace('本规划期为2021—2025年。', `本规划期为2021—2025年。\n${'公共服务关系民生。'.repeat(30000)}`));
    const onTerminal = await cli(['init', target(), '--from', from], {}, true);
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stderr).toContain('\r');
    expect(onTerminal.stderr.endsWith('\r\u001b[K')).toBe(true);
    const offTerminal = await cli(['init', target(), '--from', from]);
    expect(offTerminal.stderr).toBe('');
  });

  it('a missing input file: exit 2, no folder', async () => {
    const dir = target();
    const result = await cli(['init', dir, '--from', join(tmpdir(), 'no-such-plan-file.txt')]);
    expect(result.code).toBe(2);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('cells and figures', () => {
  it.each([
    ['【1.53】', { value: '1.53', cumulative: true }],
    ['≥30', { value: '30', bound: '≥' }],
    ['＜4', { value: '4', bound: '＜' }],
    ['95以上', { value: '95', bound: '以上' }],
    ['—', { text: '—' }],
    ['应保尽保', { text: '应保尽保' }],
    ['2.20', { value: '2.20' }],
  ])('indicator cell %s', (cell, expected) => {
    expect(readCell(cell)).toEqual(expected);
  });

  it.each([
    ['建筑面积约70000㎡', [{ value: '70000', unit: '㎡', approx: true }]],
    ['建设5-8个重点专科', [{ value: '5', valueMax: '8', unit: '个' }]],
    ['有线电视入户总数达到15万户以上', [{ value: '15', unit: '万户', bound: '以上' }]],
    ['每个足球场建设面积不少于700㎡', [{ value: '700', unit: '㎡', bound: '不少于' }]],
    ['开展服务312场／年', [{ value: '312', unit: '场／年' }]],
    ['推进5G应用，2025年完成', []],
    ['床位118 张（其中护理型床位 42 张）', [{ value: '118', unit: '张' }, { value: '42', unit: '张' }]],
    ['每年开展培训3〜5次', [{ value: '3', valueMax: '5', unit: '次' }]],
  ])('figures of %s', (text, expected) => {
    expect(findFigures(text).map(({ value, valueMax, unit, approx, bound }) => ({ value, ...(valueMax ? { valueMax } : {}), unit, ...(approx ? { approx } : {}), ...(bound ? { bound } : {}) }))).toEqual(expected);
  });

  it.each([
    ['2021-2023', { start: 2021, end: 2023 }],
    ['2021年—2023年', { start: 2021, end: 2023 }],
    ['2021～2023', { start: 2021, end: 2023 }],
    // The wave dash pdftotext gives where a CJK font maps the full-width tilde so.
    ['2021〜2023', { start: 2021, end: 2023 }],
    ['２０２２', { start: 2022, end: 2022 }],
    // Months as plans print them beside the years: 2021.1-2023.12, 2021年3月—2022年12月, 2021.01～2022.06.
    ['2021.1-2023.12', { start: 2021, end: 2023 }],
    ['2021年3月—2022年12月', { start: 2021, end: 2022 }],
    ['2021.01～2022.06', { start: 2021, end: 2022 }],
    ['2021/09-2024/06', { start: 2021, end: 2024 }],
    ['2021——2025年', { start: 2021, end: 2025 }],
    ['2023年6月', { start: 2023, end: 2023 }],
    ['2023.6', { start: 2023, end: 2023 }],
    ['续建', undefined],
    ['2021.1', { start: 2021, end: 2021 }],
    // An amount in a column taken for the years' is no year the format holds.
    ['9400', undefined],
    ['1200-9400', undefined],
    ['1899', undefined],
  ])('a project\'s years %s', (cell, expected) => {
    expect(readYears(cell)).toEqual(expected);
  });

  it.each([
    ['1,200', '1200'],
    ['2 500', '2500'],
    ['０３５', '35'],
    // Several numbers in one cell are not one number.
    ['215830 107915 107915', undefined],
    ['2021 2024', undefined],
    // More digits than an amount has, or a number holds exactly.
    ['202720242021202420242024', undefined],
  ])('an amount printed %s', (cell, expected) => {
    expect(plainNumber(cell)).toBe(expected);
  });

  it('a web page whose appendix has a header over two rows (投资估算 over 总投资 | 中央资金 | 地方配套) and serials printed 1. and （2）: the whole investment, every project, the second header row again dropped', async () => {
    const cell = (text: string, span = ''): string => `<td${span}>${text}</td>`;
    const row = (...cells: string[]): string => `<tr>${cells.join('')}</tr>`;
    const html = [
      '<html><head><meta charset="utf-8"><title>临河县“十四五”社会事业规划</title></head><body>',
      '<h1>临河县“十四五”社会事业规划</h1><h2>第一章 发展基础</h2><p>本规划期为2021—2025年。</p>',
      '<p>附表 临河县“十四五”社会事业重点项目清单</p><table border="1">',
      row(cell('序号', ' rowspan="2"'), cell('项目名称', ' rowspan="2"'), cell('投资估算（万元）', ' colspan="3"'), cell('建设年限', ' rowspan="2"')),
      row(cell('总投资'), cell('中央资金'), cell('地方配套')),
      row(cell('合计', ' colspan="2"'), cell('3500'), cell('1700'), cell('1800'), cell('')),
      row(cell('一、学有所教', ' colspan="2"'), cell('2500'), cell('1200'), cell('1300'), cell('')),
      row(cell('1.'), cell('临河县第一幼儿园建设项目'), cell('2500'), cell('1200'), cell('1300'), cell('2022-2024')),
      // The second header row printed again after a page break, without the cells spanning both.
      row(cell('总投资'), cell('中央资金'), cell('地方配套')),
      row(cell('二、病有所医', ' colspan="2"'), cell('1000'), cell('500'), cell('500'), cell('')),
      row(cell('（2）'), cell('临河县中医院住院楼建设项目'), cell('1000'), cell('500'), cell('500'), cell('2023-2025')),
      '</table></body></html>',
    ].join('\n');
    const drafted = await draftPlan(Buffer.from(html, 'utf8'), 'plan.html', 'draft');
    if (!drafted.ok) throw new Error(drafted.problem);
    const [table] = drafted.draft.tables;
    expect(table!.sections.map((section) => [section.numeral, section.subtotal, section.projects.map((project) => [project.serial, project.investment, project.start, project.end])])).toEqual([
      ['一', '2500', [[1, '2500', 2022, 2024]]],
      ['二', '1000', [[2, '1000', 2023, 2025]]],
    ]);
    expect(table!.total).toBe('3500');
    expect(drafted.draft.unread).toEqual([]);
  });
});

/** An appendix of one project, with its heading, as a typed text prints it. */
const ONE_PROJECT_APPENDIX = (heading: string): string[] => [
  `${heading} 云河县“十四五”公共服务规划重点项目清单`,
  '序号\t项目名称\t建设内容及规模\t建设年限\t投资估算（万元）',
  '合计\t\t\t\t12000',
  '一、老有所养\t\t\t\t12000',
  '1\t云河县城关镇养老服务中心建设项目\t新建建筑面积2200㎡，新增床位350张。\t2021-2023\t12000',
  '',
];

/** `plan init` of a text of these lines, into a new folder: the draft's folder. */
async function draftOf(lines: readonly string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-text-'));
  writeFileSync(join(dir, 'plan.txt'), lines.join('\n'));
  const target = join(dir, 'draft');
  expect((await cli(['init', target, '--from', join(dir, 'plan.txt'), '--lang', 'en'])).code).toBe(0);
  return target;
}

describe('a plan whose chapters are numbered 第一部分 (and its sections 一、)', () => {
  it('drafts its parts as chapters, places each statement in its part and section, and audits clean', async () => {
    const target = await draftOf([
      '云河县“十四五”公共服务规划',
      '第一部分 总体要求',
      '一、发展基础',
      '全县常住人口约45万人。',
      '二、主要目标',
      '到2025年，规划重点项目总投资1.2亿元（详见附表）。',
      '第二部分 健全养老服务体系',
      '一、加强设施建设',
      '专栏1 老有所养重点工程',
      '1.云河县城关镇养老服务中心建设项目。新建建筑面积2200㎡，新增床位350张。',
      '二、提升服务质量',
      '推进医养结合。',
      ...ONE_PROJECT_APPENDIX('附表'),
    ]);
    const outline = readFileSync(join(target, 'outline.yaml'), 'utf8');
    expect([...outline.matchAll(/^ {2}- numeral: (\S+)\n\s+title: (\S+)/gmu)].map((match) => [match[1], match[2]])).toEqual([
      ['一', '总体要求'],
      ['二', '健全养老服务体系'],
    ]);
    expect(outline).toContain('boxes: [1]');
    expect(readFileSync(join(target, 'statements.yaml'), 'utf8')).toMatch(/chapter: 一\n\s+section: 二\n\s+facts:\n\s+- \{ fact: prose.figure-2, value: 1.2, unit: 亿元/u);
    expect(await auditFindings(target)).toEqual([]);
  });

  it('reads a total that sends to 附件 (the tables so called) as their declared sum, and the audit checks it', async () => {
    const target = await draftOf(['云河县“十四五”公共服务规划', '第一章 总体要求', '到2025年，规划重点项目总投资1.3亿元（详见附件）。', ...ONE_PROJECT_APPENDIX('附件')]);
    expect((await auditFindings(target)).map((finding) => `${finding.ruleId}/${finding.messageId}`)).toEqual(['declared-sums/tables-mismatch']);
  });
});

describe('declared counts in a text', () => {
  const factsOfText = (text: string) =>
    findFigures(text).map((figure, index) => ({ fact: `f-${index}`, value: figure.value, unit: figure.unit, clause: figure.clause, subject: figure.subject, start: figure.start }));
  it.each([
    ['list before the count', '完善甲专业、乙专业、丙专业3个专业建设。', [{ items: ['甲专业', '乙专业', '丙专业'], open: undefined }]],
    ['list ending in 等', '在东坪、西坪、南坪等14个乡镇新建服务站。', [{ items: ['东坪', '西坪', '南坪'], open: true }]],
    ['list after a colon', '新建学校3所：东城小学、西城小学、南城中学。', [{ items: ['东城小学', '西城小学', '南城中学'], open: undefined }]],
    ['figures that are not a list', '占地120亩、建设墓位3000个。', []],
    ['list after the count, a space each side of the number', '全县建成便民服务站 5 个，分别位于宁河乡、翠岩街道、龙塘街道、和桥街道。', [{ items: ['宁河乡', '翠岩街道', '龙塘街道', '和桥街道'], open: undefined }]],
    ['list before the count, a space before the number', '完善甲专业、乙专业、丙专业 3个专业建设。', [{ items: ['甲专业', '乙专业', '丙专业'], open: undefined }]],
    ['list after a colon, a space before the unit', '新建学校3 所：东城小学、西城小学、南城中学。', [{ items: ['东城小学', '西城小学', '南城中学'], open: undefined }]],
  ])('%s', (_name, text, expected) => {
    expect(countsOf(text, factsOfText(text)).map((count) => ({ items: count.items, open: count.open }))).toEqual(expected);
  });
});
