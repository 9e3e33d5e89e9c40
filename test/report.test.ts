import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barChart, changeChart, CHART_STYLES, clipLimit, INK, rawChart, spanChart, type Draw } from '../src/report/charts.js';
import { contextFinder } from '../src/report/context.js';
import { anchorId, escapeHtml } from '../src/report/escape.js';
import { cli, DIVIDED, MINI, planCopy, SECOND, WUSHAN } from './helpers.js';
import { toolOutputs, toolVersion } from './tool-cache.js';

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

/** The bundled plan's report and audit are the same in every test that reads them: made once each (report() asserts on the first). */
const once = new Map<string, Promise<string>>();
const remembered = (key: string, make: () => Promise<string>): Promise<string> => {
  if (!once.has(key)) once.set(key, make());
  return once.get(key)!;
};
const wushanReport = (lang: 'zh' | 'en'): Promise<string> => remembered(`report ${lang}`, () => report(WUSHAN, lang === 'en' ? ['--lang', 'en'] : []));
const wushanAudit = async (): Promise<AuditJson> => JSON.parse(await remembered('audit', async () => (await cli(['audit', WUSHAN, '--format', 'json', '--lang', 'zh'])).stdout)) as AuditJson;

interface AuditJson {
  findings: { fingerprint: string; ruleId: string; locations: { quote?: string; figure?: string }[]; review?: object }[];
}

/**
 * The charts the tests draw, each with a `draw` to pass (ECharts' own drawing, or the report's by
 * default): bars of 9 sections (their names turned), years of 23 projects in and out of the plan
 * period, and the indicators in percent and in percentage points.
 */
const SECTIONS = ['一 幼有所育', '二 学有所教', '三 劳有所得', '四 病有所医', '五 老有所养', '六 住有所居', '七 弱有所扶', '八 拥军优抚', '九 文体服务'];
const AMOUNTS = [8000, 466511, 2000, 251248, 9000, 710200, 36700, 2000, 139700];
const CHARTS: { name: string; chart: (draw?: Draw) => string }[] = [
  { name: 'bars', chart: (draw) => barChart(SECTIONS.map((label, i) => ({ label, value: AMOUNTS[i]!, text: String(AMOUNTS[i]) })), 720, 300, draw) },
  {
    name: 'years',
    chart: (draw) =>
      spanChart(
        Array.from({ length: 23 }, (_, i) => ({ label: `${i + 1} ${'某县第一人民医院住院综合楼建设项目'.slice(0, 4 + (i % 14))}`, start: 2020 + (i % 4), end: 2022 + (i % 7), outside: i % 4 === 0 || 2022 + (i % 7) > 2025 })),
        { start: 2021, end: 2025 },
        720,
        draw,
      ),
  },
  {
    name: 'indicators',
    chart: (draw) =>
      changeChart([254, 4.4, 0.5, -12, 0, 31.9, 48.1, -3, 272.9, 0, 6.3, 21.5].map((value, i) => ({ label: `${i + 1} 每千人口拥有3岁以下婴幼儿托位数`.slice(0, 6 + i * 2), value, text: `${i} → ${value}%` })), 'percent', 720, draw),
  },
  {
    name: 'indicators in percentage points',
    chart: (draw) => changeChart([4, 0.5, 2, 0, 9.42, 20.42, -1].map((value, i) => ({ label: `${i + 1} 指标${i}`, value, text: `${i}% → ${value}% ${value} 个百分点` })), 'points', 720, draw),
  },
];

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
    { name: 'a sentence printed across a line break', source: '第一句。前文内容，建筑面\n积约70000㎡，后文。下一句。', quote: '建筑面积约70000㎡', before: '前文内容，', after: '，后文。', row: false },
    { name: 'a quote that ends its sentence', source: '第一句。完成棚户区改造1000户。下一句。', quote: '棚户区改造1000户。', before: '完成', after: '', row: false },
    { name: 'a table row', source: '\t31\n\t旧名\n\n\t32\n\t项目名\n\t新建1000套，面积80000㎡。\n\t2022-2025\n\n\t33\n', quote: '面积80000㎡', before: '32 │ 项目名 │ 新建1000套，', after: '。 │ 2022-2025', row: true },
    {
      name: 'a long table row (its serial and name, and the cells next to the quote)',
      source: '\t7\n\t某某县第一人民医院住院综合楼建设项目\n\t县卫生健康委员会\n\t新建\n\t城北\n\t新建业务用房5000㎡。\n\n',
      quote: '新建业务用房5000㎡',
      before: '7 │ 某某县第一人民医院住院综合楼建设项目 │ … │ 城北 │ ',
      after: '。',
      row: true,
    },
  ])('finds $name around a quote', ({ source, quote, before, after, row }) => {
    expect(contextFinder(source)(quote)).toEqual({ before, quote, after, row });
  });

  it.each([
    { name: 'two outliers among twelve', values: [254, 9.1, 1.3, 3.3, 41.6, 33.2, 31.9, 48.1, 272.9, 31.9, 24.9, 21.5], limit: 60 },
    { name: 'many unchanged indicators and one large change', values: [4, 0.5, 2, 0, 9.4, 20.4, 10, 0, 5, 0, 0, 0, 0], limit: undefined },
    { name: 'a negative outlier', values: [-300, 5, 6, 7, 8, 9], limit: 15 },
    { name: 'too few to tell', values: [1, 100, 1000], limit: undefined },
  ])('cuts the axis of the indicators chart for $name', ({ values, limit }) => {
    expect(clipLimit(values)).toBe(limit);
  });

  it('is one page with no script, no external file, and text escaped', async () => {
    const html = readFileSync(await report(hostilePlan()), 'utf8');
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b|<[^>]+\s(src|on\w+)=|url\(/i);
    // Attribute values are written unquoted where HTML allows: a link leads out if it does not start
    // with #, and the only ones that do are the rules' pages (docs/rules/<id>.md), never plan text.
    const out = [...html.matchAll(/href=(?!"?#)("[^"]*"|[^\s>]*)/g)].map((match) => match[1]!);
    expect(out.length).toBeGreaterThan(0);
    expect(out.filter((href) => !/^"[^"<>]*\/docs\/rules\/[a-z-]+\.md"$/.test(href))).toEqual([]);
    expect(html).toContain(escapeHtml(HOSTILE));
  });

  it('has an anchor for every finding of the audit, and speaks Chinese unless asked', async () => {
    const html = readFileSync(await wushanReport('zh'), 'utf8');
    const audit = await wushanAudit();
    const ids = new Set([...html.matchAll(/ id="?([\w-]+)/g)].map((match) => match[1]));
    for (const finding of audit.findings) expect(ids).toContain(anchorId('f', finding.fingerprint.slice(-8)));
    expect(html).toContain('<html lang="zh-CN">');
    // The summary counts as \`plan audit\` does: findings not reviewed by severity, then the reviewed ones.
    expect(html).toContain(`审核摘要：未复核的错误 0、警告 0、提示 0；已复核 ${audit.findings.length}`);
    expect(html).toContain('审核发现');
    // Each rule heading links to the rule's page.
    expect(html).toMatch(/<h4><a href="[^"]*\/docs\/rules\/fact-agreement\.md">fact-agreement<\/a><\/h4>/);
    expect(readFileSync(await wushanReport('en'), 'utf8')).toContain('<html lang="en">');
  });

  // A report of 100 plans has 400 charts and thousands of findings: what each would repeat is said
  // once, in the style sheet, and each undoing of that fails here.
  it.each(CHARTS)('draws the $name chart with what every chart shares said once, in the style sheet', ({ name, chart }) => {
    const svg = chart();
    // Line colours and thicknesses, text styles, a height the width and viewBox imply, a turn per label.
    expect(svg).not.toMatch(/ (stroke|stroke-width|style|height)=|fill=none|matrix\(/);
    for (const [, used] of svg.matchAll(/ class=(\w+)/g)) expect(CHART_STYLES, used).toMatch(new RegExp(`svg \\.${used}[{,]`));
    // Bars drawn as thick lines: one path a colour, not one each time the colour changes.
    const lines = [...svg.matchAll(/<path [^>]*class=((?:ink|grey|white)\d+)/g)].map((match) => match[1]);
    expect(lines.length, name).toBe(new Set(lines).size);
    if (name === 'years') expect(lines.sort()).toEqual(['grey9', 'ink9']);
    if (name === 'bars') expect(svg.match(/transform=rotate\(-30\)/g)).toHaveLength(1);
  });

  it('prints a divided section’s row, then each part’s row with its subtotal and its projects under it', async () => {
    const html = readFileSync(await report(planCopy(MINI, [DIVIDED])), 'utf8');
    const rows = [...html.slice(html.indexOf('class=project-table')).matchAll(/<tr[^>]*>(?:(?!<tr).)*/gs)].map((match) => match[0].replace(/<[^>]+>/g, '|'));
    const at = rows.findIndex((row) => row.includes('老有所养'));
    expect(rows[at + 1]).toMatch(/^\|+（一）\|社区养老 · 印刷小计 1,000\|1,000\|/);
    expect(rows[at + 2]).toContain('测试县社区养老服务中心');
    expect(html).toContain('<tr class="subtotal part">');
  });

  it('writes the style sheet once for many plans, and leaves out the tags HTML implies', async () => {
    const bundled = readFileSync(await wushanReport('zh'), 'utf8');
    const two = readFileSync(await report(MINI, [SECOND]), 'utf8');
    for (const page of [bundled, two]) {
      expect(page.match(/<style>/g)).toHaveLength(1);
      const body = page.slice(page.indexOf('</head>'));
      expect(body).not.toMatch(/ (stroke|stroke-width|style)=|fill=none|<svg [^>]*height=/);
      // A place of several is set small by the style sheet; a detail is a block without <br>; end tags implied.
      expect(body).not.toMatch(/<li><small>|<br><small>|<\/dt>|<\/dd>|<\/th>|<\/tbody>|class="findings/);
    }
    expect(two.match(/<section class=plan /g)).toHaveLength(2);
    expect(two.match(/<svg /g)!.length).toBeGreaterThan(2);
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

/** The Nu Html Checker (the W3C validator, npm vnu-jar) runs on Java; without it its test skips. */
const java = spawnSync('java', ['-version']).status === 0;
if (!java) console.warn('report.test.ts: no Java found (apt-get install default-jre-headless): the HTML validity test is SKIPPED.');

describe.skipIf(!java)('plan report as HTML', () => {
  it('is valid HTML by the Nu Html Checker, in Chinese, in English and with hostile names', { timeout: 120000 }, async () => {
    // vnu-jar's main export is the jar's path (a String object with a `vnu` helper beside it).
    const jar = String(createRequire(import.meta.url)('vnu-jar'));
    // The pages as written, but for the time they were made and the random name of the hostile
    // plan's folder, each put back to one value of the same shape: the same pages are the same
    // bytes, and the checker's verdict on them is kept in the tool cache (a run of Java costs seconds of CPU).
    const pages = [await wushanReport('zh'), await wushanReport('en'), await report(hostilePlan())].map((file) =>
      readFileSync(file, 'utf8')
        .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, '2026-01-01T00:00:00.000Z')
        .replace(/plan-test-[A-Za-z0-9]{6}/g, 'plan-test-000000'),
    );
    // One short run: the quick compiler alone halves the JVM's CPU time (its frames are larger, hence the stack).
    const args = ['-XX:TieredStopAtLevel=1', '-Xss4m', '-jar', jar, '--errors-only', '--format', 'json'];
    const version = (createRequire(import.meta.url)('vnu-jar/package.json') as { version: string }).version;
    const checked = await toolOutputs([`vnu-jar ${version}`, ...args.filter((arg) => arg !== jar), ...pages], (folder) => {
      const names = pages.map((page, index) => {
        writeFileSync(join(folder, `${index}.html`), page);
        return `${index}.html`;
      });
      const run = spawnSync('java', [...args, ...names], { cwd: folder, encoding: 'utf8' });
      // No verdict is kept when the checker gave none.
      JSON.parse(run.stderr);
      writeFileSync(join(folder, 'messages.json'), run.stderr);
      writeFileSync(join(folder, 'status'), String(run.status));
    });
    const messages = (JSON.parse(readFileSync(join(checked, 'messages.json'), 'utf8')) as { messages: { type: string; message: string; url: string }[] }).messages;
    expect(messages).toEqual([]);
    expect(readFileSync(join(checked, 'status'), 'utf8')).toBe('0');
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
  // One browser for the block, a fresh page (its own context) for each test: a launch costs more than most tests.
  let browser: Browser;
  let chartPage: Page | undefined;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chrome!, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);
  afterAll(() => browser?.close());

  it('loads with no console error and no request, shows 9 section bars, anchors and highlighted quotes; prints the findings first', { timeout: 120000 }, async () => {
    const file = await wushanReport('zh');
    const url = pathToFileURL(file).href;
    const audit = await wushanAudit();
    const source = readFileSync(join(WUSHAN, 'source.txt'), 'utf8');
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    try {
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

      // The bars are drawn in ink, one rectangle (M … Z) each, in one path or several.
      const shapes = await page.locator(`[id$="-chart-investment"] svg path[fill="${INK}"]`).evaluateAll((paths) => paths.map((path) => path.getAttribute('d') ?? ''));
      expect(shapes.join('').match(/M[^Z]*Z/g)).toHaveLength(9);

      // End tags left out (li, p) are implied as meant: each finding is one item of its rule's list.
      expect(await page.locator('section.findings > ol > li').count()).toBe(audit.findings.length);
      expect(await page.locator('section.findings > ol > li > p').count()).toBe(audit.findings.filter((f) => 'review' in f).length);
      // Each finding's article, its marks and quotes, asked of the page at once (a question each costs more than its answer).
      const ids = audit.findings.map((finding) => anchorId('f', finding.fingerprint.slice(-8)));
      const articles = await page.evaluate(
        (ids) =>
          ids.map((id) => {
            const found = [...document.querySelectorAll(`#${id}`)];
            const texts = (selector: string) => found.flatMap((article) => [...article.querySelectorAll(selector)].map((element) => element.textContent ?? ''));
            return { count: found.length, marks: texts('mark'), quotes: texts('q') };
          }),
        ids,
      );
      for (const [index, finding] of audit.findings.entries()) {
        const id = ids[index]!;
        const { count, marks, quotes } = articles[index]!;
        expect(count, id).toBe(1);
        for (const location of finding.locations) {
          if (!location.quote || !source.includes(location.quote)) continue;
          // A disputed figure is marked alone; its quote stays around it as context.
          expect(marks, `${id} ${location.quote}`).toContain(location.figure ?? location.quote);
          if (location.figure) expect(quotes.some((q) => q.includes(location.quote!)), `${id} ${location.quote}`).toBe(true);
        }
      }
      // Indicators in % change by percentage points, in a chart of their own; names are whole.
      const pointTexts = await page.locator('[id$="-chart-indicator-points"] svg text').allTextContents();
      expect(pointTexts).toContain('91% → 95% +4.0 个百分点');
      expect(pointTexts).toContain('34.58% → ≥55% +20.4 个百分点');
      const otherTexts = await page.locator('[id$="-chart-indicators"] svg text').allTextContents();
      expect(otherTexts.join('\n')).not.toMatch(/%\s*→|个百分点/);
      expect(otherTexts).toContain('1.13个 → 4个 +254.0%');
      expect([...pointTexts, ...otherTexts].join('\n')).not.toContain('…');
      // The two outliers do not squash the rest: the axis ends well before +254 %, the bar of +48.1 % spans more than half of it.
      const axis = otherTexts.filter((t) => /^-?\d+%$/.test(t)).map((t) => Number.parseFloat(t));
      expect(Math.max(...axis)).toBeLessThan(100);
      // Every project is named in the years chart, and the years stand between gridlines: the
      // plan period's shading runs from the middle-left of 2021's band to the end of 2025's.
      const yearTexts = await page.locator('[id$="-chart-years"] svg text').allTextContents();
      for (const project of ['5 巫山学前教育推进工程', '62 巫峡镇综合文化服务中心']) expect(yearTexts).toContain(project);
      expect(yearTexts.filter((t) => /^\d+ \S/.test(t))).toHaveLength(62);
      const band = async (year: string) => {
        const box = (await page.locator('[id$="-chart-years"] svg text', { hasText: new RegExp(`^${year}$`) }).boundingBox())!;
        return box.x + box.width / 2;
      };
      const [y2021, y2025, y2026] = [await band('2021'), await band('2025'), await band('2026')];
      const yearWidth = y2026 - y2025;
      const shade = (await page.locator('[id$="-chart-years"] svg polygon[fill-opacity]').first().boundingBox())!;
      expect(Math.abs(shade.x - (y2021 - yearWidth / 2))).toBeLessThan(2);
      expect(Math.abs(shade.x + shade.width - (y2025 + yearWidth / 2))).toBeLessThan(2);

      // A link to one finding opens at it: the page scrolls to it and it is the :target.
      // Every fact finding with a quoted place marks a figure, not a whole sentence.
      const factFindings = audit.findings.filter((f) => f.ruleId.startsWith('fact-'));
      expect(factFindings.filter((f) => f.locations.some((l) => l.figure)).length).toBe(factFindings.filter((f) => f.locations.some((l) => l.quote)).length);
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
        const top = await page.locator('section.findings > ol > li').first().evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
        // An A4 page less its margins is about 1 016 CSS pixels high.
        expect(top).toBeLessThan(2 * 1016);
      }
    } finally {
      await page.close();
    }
  });

  // The report's charts are ECharts' SVG made lean (rounded, merged, unquoted, grouped): each
  // must look as ECharts drew it. Pixels of the two are compared, a pixel matching when one of
  // the other's 3 × 3 around it is near its colour (edges moved by half a pixel match); the texts
  // must be the same. A chart with a label or a bar left out is told apart (the last case).
  it.each([...CHARTS.map((c) => ({ ...c, broken: false })), { ...CHARTS[0]!, name: 'bars with a label left out', broken: true }])(
    'compares the $name chart with ECharts\' own drawing',
    { timeout: 60000 },
    async ({ chart, broken }) => {
      const raw = chart(rawChart);
      const lean = broken ? chart().replace(/<text[^>]*>[^<]*<\/text>/, '') : chart();
      expect(lean.length).toBeLessThan(raw.length / 3);
      // What Chromium makes of the two drawings, from the tool cache when it compared the same two before.
      const compared = await toolOutputs([toolVersion(chrome!), 'report: chart drawn by ECharts and by the report', CHART_STYLES, raw, lean], async (into) => {
        // One page for the charts, its content replaced by each: a new page costs more than a comparison.
        chartPage ??= await browser.newPage();
        const page = chartPage;
        await page.setContent(`<style>${CHART_STYLES} body{margin:0}</style><div id=raw>${raw}</div><div id=lean>${lean}</div>`);
        const texts = (id: string) => page.locator(`#${id} text`).allTextContents().then((all) => all.filter(Boolean).sort());
        const [rawPng, leanPng] = [await page.locator('#raw svg').screenshot(), await page.locator('#lean svg').screenshot()];
        const differing = await page.evaluate(async ([a, b]) => {
          const pixels = async (png: string) => {
            const image = new Image();
            image.src = `data:image/png;base64,${png}`;
            await image.decode();
            const canvas = document.createElement('canvas');
            [canvas.width, canvas.height] = [image.width, image.height];
            const context = canvas.getContext('2d')!;
            context.drawImage(image, 0, 0);
            return context.getImageData(0, 0, image.width, image.height);
          };
          const [p, q] = [await pixels(a), await pixels(b)];
          const near = (from: ImageData, to: ImageData, x: number, y: number): boolean => {
            const i = (y * from.width + x) * 4;
            for (let dy = -1; dy <= 1; dy++) {
              for (let dx = -1; dx <= 1; dx++) {
                const [X, Y] = [x + dx, y + dy];
                if (X < 0 || Y < 0 || X >= to.width || Y >= to.height) continue;
                const j = (Y * to.width + X) * 4;
                if ([0, 1, 2].every((c) => Math.abs(from.data[i + c]! - to.data[j + c]!) <= 128)) return true;
              }
            }
            return false;
          };
          if (p.width !== q.width || p.height !== q.height) return -1;
          let count = 0;
          for (let y = 0; y < p.height; y++) for (let x = 0; x < p.width; x++) if (!near(p, q, x, y) || !near(q, p, x, y)) count++;
          return count;
        }, [rawPng.toString('base64'), leanPng.toString('base64')] as const);
        writeFileSync(join(into, 'compared.json'), JSON.stringify({ differing, texts: { raw: await texts('raw'), lean: await texts('lean') } }));
      });
      const { differing, texts } = JSON.parse(readFileSync(join(compared, 'compared.json'), 'utf8')) as { differing: number; texts: { raw: string[]; lean: string[] } };
      if (broken) {
        expect(differing).toBeGreaterThan(0);
        expect(texts.lean).not.toEqual(texts.raw);
      } else {
        expect(differing).toBe(0);
        expect(texts.lean).toEqual(texts.raw);
      }
    },
  );

  it('shows a hostile project name as text and runs nothing', { timeout: 60000 }, async () => {
    const url = pathToFileURL(await report(hostilePlan())).href;
    const page = await browser.newPage();
    try {
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
      await page.close();
    }
  });
});
