import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contextFinder } from '../src/report/context.js';
import { anchorId, escapeHtml } from '../src/report/escape.js';
import { cli, MINI, planCopy, WUSHAN } from './helpers.js';

/** Where the browser tests keep their screenshot and PDF, for a person to look at. */
const OUTPUT = new URL('../test-output/', import.meta.url).pathname;

const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
const hostilePlan = (): string => planCopy(MINI, [{ file: 'projects.yaml', from: 'name: 测试县保障性租赁住房建设项目', to: `name: '${HOSTILE}'` }]);

async function report(dir: string, extra: string[] = []): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'plan-report-')), 'report.html');
  const result = await cli(['report', dir, '--output', out, ...extra]);
  expect(result.code, result.stderr).toBe(0);
  return out;
}

interface AuditJson {
  findings: { fingerprint: string; ruleId: string; locations: { quote?: string }[] }[];
}

describe('plan report (HTML)', () => {
  it.each([
    { text: '<b>&"\'', html: '&lt;b&gt;&amp;&quot;&#39;' },
    { text: '巫山县“十四五”', html: '巫山县“十四五”' },
  ])('escapes $text', ({ text, html }) => {
    expect(escapeHtml(text)).toBe(html);
  });

  it.each([
    { parts: ['f', '00ff'], id: 'f-00ff' },
    { parts: ['plan', 'a b'], id: 'plan-a_20b' },
  ])('makes the id $id', ({ parts, id }) => {
    expect(anchorId(...parts)).toBe(id);
  });

  it.each([
    { name: 'a sentence of the prose', source: '第一句。前文内容，建筑面积约70000㎡，后文。下一句。', quote: '建筑面积约70000㎡', before: '前文内容，', after: '，后文。', row: false },
    { name: 'a table row', source: '\t31\n\t旧名\n\n\t32\n\t项目名\n\t新建1000套，面积80000㎡。\n\t2022-2025\n\n\t33\n', quote: '面积80000㎡', before: '32 │ 项目名 │ 新建1000套，', after: '。 │ 2022-2025', row: true },
  ])('finds $name around a quote', ({ source, quote, before, after, row }) => {
    expect(contextFinder(source)(quote)).toEqual({ before, quote, after, row });
  });

  it('is one page with no script, no external file, and text escaped', async () => {
    const html = readFileSync(await report(hostilePlan()), 'utf8');
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b|<[^>]+\s(src|on\w+)=|url\(/i);
    expect(html).not.toMatch(/href="(?!#)/);
    expect(html).toContain(escapeHtml(HOSTILE));
  });

  it('has an anchor for every finding of the audit, and speaks Chinese unless asked', async () => {
    const html = readFileSync(await report(WUSHAN), 'utf8');
    const audit = JSON.parse((await cli(['audit', WUSHAN, '--format', 'json', '--lang', 'zh'])).stdout) as AuditJson;
    for (const finding of audit.findings) expect(html).toContain(`id="${anchorId('f', finding.fingerprint.slice(-8))}"`);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('审核发现');
    expect(readFileSync(await report(WUSHAN, ['--lang', 'en']), 'utf8')).toContain('<html lang="en">');
  });

  it.each([
    { name: 'a missing path', args: ['report', '/no/such/plan'], code: 2 },
    { name: 'a plan with a schema error', args: ['report', planCopy(MINI, [{ file: 'projects.yaml', from: 'investment: 2000', to: 'investmnt: 2000' }])], code: 1 },
    { name: 'into a plan folder', args: ['report', MINI, '--output', join(MINI, 'report.html')], code: 2 },
  ])('exits $code for $name', async ({ args, code }) => {
    expect((await cli(args)).code).toBe(code);
    expect(existsSync(join(MINI, 'report.html'))).toBe(false);
  });
});

/** Debian's chromium (or CHROME_PATH): the browser tests need no browser download. */
function findChrome(): string | undefined {
  const given = process.env['CHROME_PATH'];
  if (given) return existsSync(given) ? given : undefined;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].find(existsSync);
}

const chrome = findChrome();
if (!chrome) console.warn('report.test.ts: no Chromium found (set CHROME_PATH, or apt-get install chromium): the browser tests are SKIPPED.');

describe.skipIf(!chrome)('plan report in Chromium', () => {
  const launch = async () => {
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath: chrome!, args: ['--no-sandbox', '--disable-gpu'] });
  };

  it('loads with no console error and no request, shows 9 section bars, anchors and highlighted quotes; prints the findings first', { timeout: 120000 }, async () => {
    const file = await report(WUSHAN);
    const url = pathToFileURL(file).href;
    const audit = JSON.parse((await cli(['audit', WUSHAN, '--format', 'json', '--lang', 'zh'])).stdout) as AuditJson;
    const source = readFileSync(join(WUSHAN, 'source.txt'), 'utf8');
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => {
        if (request.url() !== url) requests.push(request.url());
      });
      await page.goto(url, { waitUntil: 'load' });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);

      const bars = await page.locator('[id$="-chart-investment"] svg path[ecmeta_series_index="0"]').count();
      expect(bars).toBe(9);

      for (const finding of audit.findings) {
        const id = anchorId('f', finding.fingerprint.slice(-8));
        const article = page.locator(`#${id}`);
        expect(await article.count(), id).toBe(1);
        const marks = await article.locator('mark').allTextContents();
        for (const location of finding.locations) {
          if (location.quote && source.includes(location.quote)) expect(marks, `${id} ${location.quote}`).toContain(location.quote);
        }
      }
      // A link to one finding opens at it: the page scrolls to it and it is the :target.
      const first = anchorId('f', audit.findings.find((f) => f.ruleId === 'fact-agreement')!.fingerprint.slice(-8));
      await page.goto(`${url}#${first}`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(first);
      const mark = page.locator(`#${first} mark`).first();
      expect(await mark.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

      mkdirSync(OUTPUT, { recursive: true });
      await page.goto(url);
      await page.screenshot({ path: join(OUTPUT, 'report.png') });
      await page.locator('[id$="-charts"]').screenshot({ path: join(OUTPUT, 'report-charts.png') });

      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(OUTPUT, 'report.pdf'), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pdftotext = spawnSync('pdftotext', ['-f', '1', '-l', '2', '-layout', join(OUTPUT, 'report.pdf'), '-'], { encoding: 'utf8' });
      if (pdftotext.status === 0) {
        // The first two A4 pages hold the findings section and its first findings.
        expect(pdftotext.stdout).toContain('审核发现');
        expect(pdftotext.stdout).toContain('money-outside-total');
      } else {
        console.warn('report.test.ts: pdftotext (poppler-utils) not found: the PDF is checked by its print layout instead.');
        await page.emulateMedia({ media: 'print' });
        const top = await page.locator('article.finding').first().evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
        // An A4 page less its margins is about 1 016 CSS pixels high.
        expect(top).toBeLessThan(2 * 1016);
      }
    } finally {
      await browser.close();
    }
  });

  it('shows a hostile project name as text and runs nothing', { timeout: 60000 }, async () => {
    const url = pathToFileURL(await report(hostilePlan())).href;
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (request) => {
        if (request.url() !== url) requests.push(request.url());
      });
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.locator('script, img').count()).toBe(0);
      expect(await page.locator('.project-table').textContent()).toContain(HOSTILE);
    } finally {
      await browser.close();
    }
  });
});
