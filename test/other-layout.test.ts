import { describe, expect, it } from 'vitest';
import { auditFindings, lineOf, validateFindings } from './helpers.js';

/** A composed plan with another layout: no service list, key works from box 2, two appendix sections. */
const OTHER_LAYOUT = new URL('./fixtures/other-layout/', import.meta.url).pathname;

/** The mistakes planted in its published text, each where the audit must report it. */
const PLANTED = [
  { ruleId: 'appendix-sums', messageId: 'subtotal-mismatch', file: 'projects.yaml', at: 'subtotal: 24800' },
  { ruleId: 'box-money', messageId: 'money-differs', file: 'boxes.yaml', at: 'value: 1.5, unit: 亿元' },
  { ruleId: 'box-project-link', messageId: 'ambiguous-serial', file: 'boxes.yaml', at: '居家养老服务中心, projects: [8]' },
  { ruleId: 'fact-agreement', messageId: 'disagree', file: 'statements.yaml', at: 'value: 3.0' },
  { ruleId: 'numbering', messageId: 'duplicate', file: 'projects.yaml', at: 'name: 某山县养老服务信息平台' },
  { ruleId: 'outside-plan-period', messageId: 'ends-after', file: 'projects.yaml', at: 'start: 2026' },
  { ruleId: 'unlisted-facility', messageId: 'no-row', file: 'boxes.yaml', at: '{ name: 县120指挥调度中心' },
  { ruleId: 'year-order', messageId: 'start-after-end', file: 'projects.yaml', at: 'start: 2026' },
];

describe('a second plan with another layout', () => {
  it('validates', async () => {
    expect(await validateFindings(OTHER_LAYOUT)).toEqual([]);
  });

  it('audits with each planted mistake found at its line, and nothing else', async () => {
    const findings = await auditFindings(OTHER_LAYOUT);
    const actual = findings.map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, file: f.locations[0]!.file.split('/').pop(), line: f.locations[0]!.line }));
    const expected = PLANTED.map(({ at, ...rest }) => ({
      ...rest,
      // The duplicate serial is reported at the repeated serial, the line before the name.
      line: lineOf(OTHER_LAYOUT, rest.file, at) - (rest.ruleId === 'numbering' ? 1 : 0),
    }));
    type Row = { readonly file: string | undefined; readonly line: number; readonly ruleId: string };
    const order = (a: Row, b: Row): number =>
      (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line || a.ruleId.localeCompare(b.ruleId);
    expect([...actual].sort(order)).toEqual([...expected].sort(order));
  });
});
