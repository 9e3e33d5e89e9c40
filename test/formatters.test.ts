import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../src/formatters/index.js';
import { batched, encodedBatches } from '../src/formatters/types.js';
import { cli, MINI, planCopy, WUSHAN } from './helpers.js';

const sarifSchema = JSON.parse(readFileSync(new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
// The published 2.1.0 schema is draft-04 with one pattern that only non-unicode regexps accept.
sarifSchema.$id = sarifSchema.id;
delete sarifSchema.id;
delete sarifSchema.$schema;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

const failing = (): string =>
  planCopy(MINI, [
    { file: 'boxes.yaml', from: 'floor-area, value: 5000', to: 'floor-area, value: 6000' },
    { file: 'projects.yaml', from: 'end: 2025', to: 'end: 2027' },
    { file: 'plan.yaml', from: 'accepted: []', to: 'accepted:\n  - { rule: outside-plan-period, file: projects.yaml, pointer: /sections/1, reason: 跨期项目，原文如此。 }' },
  ]);

describe('json', () => {
  it("has design.md's finding shape, summary counts and a version", async () => {
    const report = JSON.parse((await cli(['audit', failing(), '--format', 'json'])).stdout);
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
    // The changed figure also no longer stands in its quote: a provenance error.
    expect(report.summary).toMatchObject({ error: 2, warning: 0, info: 0, reviewed: 1 });
    expect(report.formatVersion).toBe(2);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(['fact-agreement', 'outside-plan-period', 'provenance']);
    const disagreement = report.findings.find((f: { ruleId: string }) => f.ruleId === 'fact-agreement');
    expect(disagreement).toMatchObject({ severity: 'error', messageId: 'disagree', values: [6000, 5000], unit: '㎡' });
    expect(disagreement.locations).toHaveLength(3);
    for (const location of disagreement.locations) {
      expect(location).toEqual({
        file: expect.stringMatching(/\.yaml$/),
        line: expect.any(Number),
        column: expect.any(Number),
        endLine: expect.any(Number),
        endColumn: expect.any(Number),
        pointer: expect.stringMatching(/^\//),
        ref: expect.any(String),
        quote: expect.any(String),
        ...(location.figure === undefined ? {} : { figure: expect.any(String) }),
      });
      // The disputed figure stands in its quote: a view marks it there (a quote that does not hold it names none).
      if (location.figure) expect(location.quote).toContain(location.figure);
    }
    expect(disagreement.locations.filter((l: { figure?: string }) => l.figure).length).toBeGreaterThan(0);
    expect(disagreement.detail).toMatch(/^[\w.-]+: \[/);
    // An old `accepted:` entry of plan.yaml is read as a review with the verdict not-an-error.
    const reviewed = report.findings.find((f: { ruleId: string }) => f.ruleId === 'outside-plan-period');
    expect(reviewed.review).toEqual({ verdict: 'not-an-error', reason: '跨期项目，原文如此。', file: 'plan.yaml', pointer: '/accepted/0' });
  });
});

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with rules, related locations and suppressions', async () => {
    const log = JSON.parse((await cli(['audit', failing(), '--format', 'sarif'])).stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const [run] = log.runs;
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('fact-agreement');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'fact-agreement');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('fact-agreement');
    expect(result.relatedLocations).toHaveLength(2);
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'outside-plan-period').suppressions[0]).toMatchObject({
      kind: 'external',
      status: 'accepted',
      justification: 'not-an-error: 跨期项目，原文如此。',
    });
  });

  it('the bundled plan gives valid SARIF', async () => {
    const log = JSON.parse((await cli(['audit', WUSHAN, '--format', 'sarif'])).stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
  });

  it('fingerprints stay when lines move', async () => {
    const dir = failing();
    const before = JSON.parse((await cli(['audit', dir, '--format', 'sarif'])).stdout);
    const boxes = join(dir, 'boxes.yaml');
    writeFileSync(boxes, readFileSync(boxes, 'utf8').replace('boxes:\n', '# a comment that moves every line\n\nboxes:\n'));
    const after = JSON.parse((await cli(['audit', dir, '--format', 'sarif'])).stdout);
    const prints = (log: { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }) =>
      log.runs[0]!.results.map((r) => r.partialFingerprints['planFinding/v1']);
    expect(prints(after)).toEqual(prints(before));
    expect(after.runs[0].results[0].locations[0].physicalLocation.region.startLine).not.toBe(
      before.runs[0].results[0].locations[0].physicalLocation.region.startLine,
    );
  });
});

describe('github', () => {
  it('counts a reviewed finding without annotating it', async () => {
    const lines = (await cli(['audit', failing(), '--format', 'github'])).stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('::'))).toHaveLength(2);
    expect(lines[2]).toBe('1 reviewed finding hidden; --show-reviewed shows it');
  });

  it('prints one workflow annotation per finding, escaped; a reviewed one as a notice', async () => {
    const out = (await cli(['audit', failing(), '--format', 'github', '--show-reviewed'])).stdout;
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=.+boxes\.yaml,line=\d+,col=\d+,endColumn=\d+,title=fact-agreement::.+/);
    expect(lines[2]).toMatch(/^::notice file=.+projects\.yaml,line=\d+,col=\d+,endColumn=\d+,title=outside-plan-period \(warning%2C not an error\)::.+%0A✓ not an error: 跨期项目/);
  });
});

describe('markdown', () => {
  it('gives a summary table, then the findings to review, then the reviewed ones folded', async () => {
    const out = (await cli(['audit', failing(), '--format', 'markdown', '--show-reviewed'])).stdout;
    expect(out).toContain('| mini-2021-2025 | 2 | 0 | 0 | 1 |');
    expect(out).toMatch(/^- ❌ \*\*error\*\* `fact-agreement` `.+boxes\.yaml:\d+` 专栏3 第1项: /m);
    expect(out.indexOf('### Findings to review (2)')).toBeLessThan(out.indexOf('<summary>Reviewed findings (1)</summary>'));
  });
});

describe('text', () => {
  it('groups by file by default and by rule on request, with a summary table', async () => {
    const dir = failing();
    const byFile = (await cli(['audit', dir])).stdout;
    expect(byFile).toMatch(/boxes\.yaml\n\s+\d+:\d+\s+error/);
    expect(byFile).toContain('mini-2021-2025');
    const byRule = (await cli(['audit', dir, '--group-by', 'rule'])).stdout;
    expect(byRule).toMatch(/^fact-agreement\n\s+.+boxes\.yaml:\d+:\d+/m);
  });

  it.each(FORMAT_NAMES)('%s output is deterministic', async (format) => {
    const dir = failing();
    const first = (await cli(['audit', dir, '--format', format])).stdout;
    expect((await cli(['audit', dir, '--format', format])).stdout).toBe(first);
  });
});

describe('encodedBatches: the pieces of batched, as UTF-8', () => {
  const bytes = Buffer.from('字节');
  it.each([
    { name: 'strings within one piece', chunks: ['规划', ' plan', '\n'], size: 1 << 20 },
    { name: 'a piece full after each string', chunks: ['规划', ' plan', '项目'], size: 2 },
    { name: 'a surrogate pair split between two strings of one piece', chunks: ['a\uD83D', '\uDE00b'], size: 100 },
    { name: 'a surrogate pair split where a piece ends', chunks: ['abc\uD83D', '\uDE00'], size: 4 },
    { name: 'a lone high surrogate before bytes and at the end', chunks: ['x\uD83D', bytes, 'y\uD83D'], size: 100 },
    { name: 'empty strings', chunks: ['', '\uD83D', '', '\uDE00', ''], size: 100 },
  ])('$name', ({ chunks, size }) => {
    const expected = [...batched<Uint8Array>(chunks, size)].map((piece) => Buffer.from(piece));
    // A piece is done with when the next is asked for: each is copied as it comes.
    const encoded = [...(function* () {
      for (const piece of encodedBatches(chunks, size)) yield Buffer.from(piece);
    })()];
    expect(encoded).toEqual(expected);
  });
});
