import { describe, expect, it } from 'vitest';
import { run } from '../src/engine.js';
import { allFindings } from '../src/formatters/types.js';
import type { Lang } from '../src/model.js';
import { lineOf, planCopy } from './helpers.js';
import { SECOND, SECOND_ORDER_CASES } from './second-order-cases.js';

const LANGS: readonly Lang[] = ['en', 'zh'];

describe.each(SECOND_ORDER_CASES)('$rule: $name', ({ rule, patches, expected }) => {
  const dir = planCopy(SECOND, patches);

  it.each(LANGS)('in %s: reports each finding at its line with its message id and data, and nothing else', async (lang) => {
    const findings = allFindings(await run([dir], { lang, audit: true, only: new Set([rule]) })).filter((f) => f.ruleId === rule);
    expect(findings.map((f) => ({ messageId: f.messageId, file: f.locations[0]!.file.split('/').pop(), line: f.locations[0]!.line }))).toEqual(
      expected.map((e) => ({ messageId: e.messageId, file: e.file, line: lineOf(dir, e.file, e.at) })),
    );
    findings.forEach((finding, index) => {
      expect(finding.data).toMatchObject(expected[index]!.data ?? {});
      expect(finding.message).not.toMatch(/\{\w+\}/);
      // Every finding on the plan's text quotes where it stands (relations.yaml is not printed).
      if (!finding.locations[0]!.file.endsWith('relations.yaml')) expect(finding.locations[0]!.quote ?? finding.locations[0]!.ref).toBeTruthy();
    });
  });
});

describe('the second-order fixture', () => {
  it('gives no finding of any rule', async () => {
    expect(allFindings(await run([SECOND], { lang: 'en', audit: true }))).toEqual([]);
  });
});
