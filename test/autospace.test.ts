// The space a word processor sets between Chinese and Latin text (Word's and WPS's "adjust space
// between Asian and Latin text", LibreOffice's autospace), which its PDFs carry as a character.
// writer-autospace.pdf is a composed plan (composePlan seed 1, two tables, no parts: it was printed before sections were divided into parts; rendered by toHtml with
// seed 1) that LibreOffice converted from HTML to .docx and then printed to PDF.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../src/read/blocks.js';
import { isAutospaced, withoutAutospace } from '../src/read/autospace.js';
import { cli } from './helpers.js';

// @ts-expect-error: the corpus generator is a script in plain JavaScript, without types
const { composePlan } = (await import('../scripts/corpus/compose.mjs')) as { composePlan: (seed: number, options?: { tables?: number; parts?: boolean }) => { files: [string, string][] } };
// @ts-expect-error: as above
const { scoreDraftFolder } = (await import('../scripts/corpus/score.mjs')) as { scoreDraftFolder: (truth: string, draft: string) => Record<string, { equal: number; of: number }> };

const FIXTURE = new URL('./fixtures/pdf/writer-autospace.pdf', import.meta.url).pathname;

const place = { form: 'text', line: 1 } as const;
const paragraph = (text: string): Block => ({ kind: 'paragraph', text, place });
const model = (blocks: Block[]): DocumentModel => ({ form: 'text', blocks, dropped: [] });
const texts = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : block.kind === 'heading' ? [`${block.number} ${block.text}`] : block.kind === 'box' ? [block.title, ...texts(block.blocks)] : block.kind === 'table' ? block.rows.flatMap((row) => row.cells.map((cell) => cell.text)) : []));

describe('spaces set between Chinese and Latin text by a writer\'s layout', () => {
  const spaced = Array.from({ length: 12 }, (_, index) => paragraph(`新建建筑面积 ${2000 + index}㎡，新增床位 ${100 + index} 张。`));

  it('are taken out of paragraphs and cells when a quarter or more of the boundaries carry one; headings and box titles keep theirs', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 1, number: '第一章', text: '总体要求', place },
      ...spaced,
      { kind: 'box', title: '专栏1 重点工程', blocks: [paragraph('1.云河县养老服务中心建设项目。新增床位 350 张。')], place },
      { kind: 'table', rows: [{ cells: [{ text: '1', rowSpan: 1, colSpan: 1, place }, { text: '新建校舍 4000㎡', rowSpan: 1, colSpan: 1, place }], place }], place },
    ];
    expect(isAutospaced(model(blocks))).toBe(true);
    expect(texts(withoutAutospace(model(blocks)).blocks)).toEqual([
      '第一章 总体要求',
      ...Array.from({ length: 12 }, (_, index) => `新建建筑面积${2000 + index}㎡，新增床位${100 + index}张。`),
      '专栏1 重点工程',
      '1.云河县养老服务中心建设项目。新增床位350张。',
      '1',
      '新建校舍4000㎡',
    ]);
  });

  it('stay in a text that has them now and then (the bundled plan: 7 of 328), and in one with fewer than ten', () => {
    const mostlyBare = model([...spaced.slice(0, 10), ...Array.from({ length: 40 }, () => paragraph('新建建筑面积2000㎡，新增床位100张。'))]);
    expect(isAutospaced(mostlyBare)).toBe(false);
    expect(withoutAutospace(mostlyBare)).toBe(mostlyBare);
    // Three paragraphs: nine spaced boundaries, all of them.
    const few = model(spaced.slice(0, 3));
    expect(isAutospaced(few)).toBe(false);
  });

  it('in a text as printed (not reflowed), source.txt is the text without them, where the quotes stand: no provenance error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-autospace-text-'));
    const lines = ['云河县“十四五”公共服务规划', '第一章 总体要求', '到 2025 年，新建养老床位 300 张。', '到 2024 年，新建托位 120 个。', '全县常住人口约 45 万人。', '第二章 主要任务', '新建幼儿园 3 所，改扩建中小学 5 所。', '建成便民服务站 6 个。', ''];
    writeFileSync(join(dir, 'plan.txt'), lines.join('\n'));
    const target = join(dir, 'draft');
    expect((await cli(['init', target, '--from', join(dir, 'plan.txt'), '--lang', 'en'])).code).toBe(0);
    expect(readFileSync(join(target, 'source.txt'), 'utf8')).toContain('\n到2025年，新建养老床位300张。\n');
    const audit = await cli(['audit', target, '--format', 'json', '--lang', 'en']);
    expect((JSON.parse(audit.stdout) as { findings: { ruleId: string }[] }).findings.filter((finding) => finding.ruleId === 'provenance')).toEqual([]);
  });

  it('a PDF LibreOffice printed drafts its projects, indicator rows and box items exactly, as the same plan printed by Chromium does', async () => {
    const truth = join(mkdtempSync(join(tmpdir(), 'plan-autospace-')), 'truth');
    mkdirSync(truth);
    for (const [name, text] of composePlan(1, { tables: 2, parts: false }).files) writeFileSync(join(truth, name), text);
    const draft = join(truth, '..', 'draft');
    const result = await cli(['init', draft, '--from', FIXTURE, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(scoreDraftFolder(truth, draft)).toEqual({
      projects: { equal: 16, of: 16 },
      subtotals: { equal: 6, of: 6 },
      totals: { equal: 2, of: 2 },
      indicatorRows: { equal: 6, of: 6 },
      boxItems: { equal: 11, of: 11 },
    });
  });
});
