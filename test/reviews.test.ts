import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/engine.js';
import { allFindings } from '../src/formatters/types.js';
import { auditFindings, cli, MINI, planCopy, validateFindings, WUSHAN } from './helpers.js';

const figureChanged = { file: 'boxes.yaml', from: 'floor-area, value: 5000', to: 'floor-area, value: 6000' };
const yearsOut = { file: 'projects.yaml', from: 'end: 2025', to: 'end: 2027' };

describe('fingerprints', () => {
  it('are the same in zh and en, for every finding of the bundled plan', async () => {
    const prints = async (lang: 'zh' | 'en') => allFindings(await run([WUSHAN], { lang, audit: true })).map((f) => `${f.ruleId} ${f.fingerprint}`);
    const zh = await prints('zh');
    expect(zh.length).toBeGreaterThan(50);
    expect(await prints('en')).toEqual(zh);
  });

  it('do not depend on the folder the plan is read from', async () => {
    const here = (await auditFindings(planCopy(MINI, [figureChanged]))).map((f) => f.fingerprint);
    const there = (await auditFindings(planCopy(MINI, [figureChanged]))).map((f) => f.fingerprint);
    expect(there).toEqual(here);
  });
});

describe('the bundled plan', () => {
  it('has every finding reviewed, with a verdict, and its quotes in source.txt', async () => {
    const findings = await auditFindings(WUSHAN);
    expect(findings.filter((f) => !f.review)).toEqual([]);
    const source = readFileSync(join(WUSHAN, 'source.txt'), 'utf8');
    for (const { review } of findings) {
      if (review!.verdict === 'as-printed') expect(source).toContain(review!.quote);
      else expect(review!.reason!.length).toBeGreaterThan(3);
    }
  });
});

describe('reviews', () => {
  it.each([
    { name: 'by pointer', entry: '{ rule: outside-plan-period, file: projects.yaml, pointer: /sections/1/projects/0/end, verdict: not-an-error, reason: 跨期项目，原文如此。 }' },
    { name: 'the old accepted: of plan.yaml, by an ancestor pointer', entry: undefined },
  ])('mark a finding $name; it is still reported and no longer fails the run', async ({ entry }) => {
    const dir = planCopy(MINI, [
      yearsOut,
      entry
        ? { file: 'reviews.yaml', from: 'reviews: []', to: `reviews:\n  - ${entry}` }
        : { file: 'plan.yaml', from: 'accepted: []', to: 'accepted:\n  - { rule: outside-plan-period, file: projects.yaml, pointer: /sections/1, reason: 跨期项目，原文如此。 }' },
    ]);
    const [finding] = (await auditFindings(dir)).filter((f) => f.ruleId === 'outside-plan-period');
    expect(finding?.review).toMatchObject({ verdict: 'not-an-error', reason: '跨期项目，原文如此。' });
    expect((await cli(['audit', dir, '--fail-on', 'warning'])).code).toBe(0);
    expect((await cli(['audit', dir, '--fail-on', 'warning', '--fail-on-reviewed'])).code).toBe(1);
  });

  it('naming an unknown rule is an error naming the id, at the rule', async () => {
    const dir = planCopy(MINI, [{ file: 'reviews.yaml', from: 'reviews: []', to: 'reviews:\n  - { rule: no-such-rule, fingerprint: 0123456789abcdef, verdict: as-printed, quote: 原文 }' }]);
    const findings = (await auditFindings(dir)).filter((f) => f.ruleId === 'unknown-rule');
    expect(findings.map((f) => ({ messageId: f.messageId, rule: f.data['rule'], line: f.locations[0]!.line, pointer: f.locations[0]!.pointer }))).toEqual([
      { messageId: 'unknown', rule: 'no-such-rule', line: 3, pointer: '/reviews/0/rule' },
    ]);
    expect((await cli(['audit', dir])).code).toBe(1);
  });

  it.each([
    { name: 'as printed without a quote', entry: '{ rule: numbering, fingerprint: 0123456789abcdef, verdict: as-printed }', key: 'quote' },
    { name: 'not an error without a reason', entry: '{ rule: numbering, fingerprint: 0123456789abcdef, verdict: not-an-error }', key: 'reason' },
  ])('a review $name is a schema error', async ({ entry, key }) => {
    const dir = planCopy(MINI, [{ file: 'reviews.yaml', from: 'reviews: []', to: `reviews:\n  - ${entry}` }]);
    const findings = await validateFindings(dir);
    expect(findings.map((f) => [f.ruleId, f.messageId, f.data['key']])).toContainEqual(['schema', 'missing-key', key]);
  });
});

describe('plan review', () => {
  it('writes reviews of the current findings keeping comments, then prunes them once stale', async () => {
    const dir = planCopy(MINI, [figureChanged, yearsOut, { file: 'reviews.yaml', from: 'reviews: []', to: '# reviewed by the editors\nreviews: [] # none yet' }]);
    const before = readdirSync(dir).sort();
    const missingQuote = await cli(['review', dir, '--rule', 'outside-plan-period']);
    // outside-plan-period has no quote of its own: as printed needs one.
    expect(missingQuote.code).toBe(1);
    const reviewed = await cli(['review', dir, '--rule', 'outside-plan-period', '--verdict', 'not-an-error', '--reason', '跨期项目，原文如此。']);
    expect(reviewed.code).toBe(0);
    const all = await cli(['review', dir, '--all']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/reviews\.yaml: 2 reviews added, 0 stale reviews pruned/);
    expect(readdirSync(dir).sort()).toEqual(before);
    const text = readFileSync(join(dir, 'reviews.yaml'), 'utf8');
    expect(text).toContain('# reviewed by the editors');
    expect(text).toMatch(/verdict: not-an-error\n\s+reason: 跨期项目，原文如此。/);
    const findings = await auditFindings(dir);
    expect(findings.filter((f) => !f.review)).toEqual([]);
    expect((await cli(['audit', dir, '--fail-on', 'info'])).code).toBe(0);

    // Fix the figure: its two reviews (fact-agreement, provenance) now match nothing.
    const boxes = join(dir, 'boxes.yaml');
    writeFileSync(boxes, readFileSync(boxes, 'utf8').replace('floor-area, value: 6000', 'floor-area, value: 5000'));
    const stale = (await auditFindings(dir)).filter((f) => f.ruleId === 'stale-review');
    expect(stale.map((f) => f.messageId)).toEqual(['stale', 'stale']);
    const pruned = await cli(['review', dir, '--prune']);
    expect(pruned.stdout).toMatch(/0 reviews added, 2 stale reviews pruned/);
    expect((await auditFindings(dir)).filter((f) => !f.review)).toEqual([]);
    expect(readFileSync(join(dir, 'reviews.yaml'), 'utf8')).toContain('# reviewed by the editors');
  });

  it.each([
    { args: ['review'], code: 2 },
    { args: ['review', '--rule', 'no-such-rule'], code: 2 },
    { args: ['review', '--all', '--verdict', 'not-an-error'], code: 2 },
  ])('$args → $code', async ({ args, code }) => {
    expect((await cli([...args.slice(0, 1), planCopy(MINI), ...args.slice(1)])).code).toBe(code);
  });
});
