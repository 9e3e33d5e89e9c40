import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { folderDigest, planCopy, WUSHAN } from './helpers.js';
import { applyEdits, editsFor, LspClient, messageOf, uriOf } from './lsp-client.js';

const RENTAL = 'housing.rental-new.floor-area, value: 80000';

describe('plan lsp over stdio, on a copy of the bundled plan', () => {
  let dir: string;
  let client: LspClient;
  let digest: string;
  const file = (name: string): string => join(dir, name);

  beforeAll(async () => {
    dir = planCopy(WUSHAN);
    digest = folderDigest(dir);
    client = new LspClient();
    const result = (await client.initialize()) as { capabilities: Record<string, unknown> };
    expect(result.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true });
  });

  afterAll(async () => {
    await client.stop();
  });

  it('opening projects.yaml publishes its findings: reviewed ones as hints with their verdict, coded by rule with a link to its doc', async () => {
    await client.open(file('projects.yaml'));
    const diagnostics = await client.waitFor(file('projects.yaml'), (list) => list.length > 0);
    const line = client.text(file('projects.yaml')).split('\n').findIndex((l) => l.includes(RENTAL));
    const rental = diagnostics.find((d) => d.code === 'fact-agreement' && d.range.start.line === line);
    expect(rental).toBeDefined();
    expect(rental!.severity).toBe(DiagnosticSeverity.Hint);
    expect(messageOf(rental!)).toContain('as printed');
    expect(rental!.codeDescription?.href).toMatch(/docs\/rules\/fact-agreement\.md$/);
    // The other places of the finding are related information: 专栏8 in boxes.yaml.
    expect(rental!.relatedInformation?.map((r) => r.location.uri)).toContain(uriOf(file('boxes.yaml')));
    // Published in every file it names, boxes.yaml too, though it is not open.
    const boxes = await client.waitFor(file('boxes.yaml'), (list) => list.some((d) => d.code === 'fact-agreement'));
    expect(boxes.some((d) => d.code === 'fact-agreement' && messageOf(d).includes('80000'))).toBe(true);
  });

  it('changing 80000 to 90000 at the rental housing moves the fact-agreement diagnostic to the new value, unreviewed', async () => {
    const line = await client.replaceOnLine(file('projects.yaml'), RENTAL, '80000', '90000');
    const diagnostics = await client.waitFor(file('projects.yaml'), (list) => list.some((d) => d.code === 'fact-agreement' && messageOf(d).includes('90000')));
    const moved = diagnostics.find((d) => d.code === 'fact-agreement' && messageOf(d).includes('90000'))!;
    expect(moved.range.start.line).toBe(line);
    expect(moved.severity).toBe(DiagnosticSeverity.Error);
    expect(diagnostics.some((d) => d.code === 'fact-agreement' && messageOf(d).includes('80000㎡ at'))).toBe(false);
  });

  it('hover on the figure lists every statement of the fact: 70000 at 专栏8 and 第九章, and that they disagree', async () => {
    const lines = client.text(file('projects.yaml')).split('\n');
    const line = lines.findIndex((l) => l.includes('housing.rental-new.floor-area, value: 90000'));
    const hover = await client.hover(file('projects.yaml'), { line, character: lines[line]!.indexOf('90000') + 1 });
    const text = JSON.stringify(hover?.contents);
    expect(text).toContain('housing.rental-new.floor-area');
    expect(text).toMatch(/专栏8[^"]*?第2项/);
    expect(text).toContain('第九章');
    expect(text.match(/70000㎡/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('90000㎡');
    expect(text).toContain('disagree');
  });

  it('go to definition from a box project serial lands on the project in projects.yaml', async () => {
    await client.open(file('boxes.yaml'));
    const lines = client.text(file('boxes.yaml')).split('\n');
    const title = lines.findIndex((l) => l.includes('保障性租赁住房建设'));
    const line = lines.findIndex((l, i) => i > title && l.includes('projects: [32]'));
    const locations = await client.definition(file('boxes.yaml'), { line, character: lines[line]!.indexOf('32') });
    expect(locations).toHaveLength(1);
    expect(locations![0]!.uri).toBe(uriOf(file('projects.yaml')));
    expect(client.text(file('projects.yaml')).split('\n')[locations![0]!.range.start.line]).toContain('serial: 32');
    const hover = await client.hover(file('boxes.yaml'), { line, character: lines[line]!.indexOf('32') });
    expect(JSON.stringify(hover?.contents)).toContain('巫山县保障性租赁住房建设项目');
  });

  it('go to definition from a fact key lands on its other statements, and from a quote on its line in source.txt', async () => {
    const lines = client.text(file('boxes.yaml')).split('\n');
    const factLine = lines.findIndex((l) => l.includes('housing.rental-new.floor-area'));
    const others = await client.definition(file('boxes.yaml'), { line: factLine, character: lines[factLine]!.indexOf('housing') + 2 });
    expect(others?.map((l) => l.uri).sort()).toEqual([uriOf(file('projects.yaml')), uriOf(file('statements.yaml'))]);
    const textLine = lines.findIndex((l) => l.includes('text: 新建保障性租赁住房1000套'));
    const source = await client.definition(file('boxes.yaml'), { line: textLine, character: lines[textLine]!.indexOf('新建') });
    expect(source?.[0]?.uri).toBe(uriOf(file('source.txt')));
    const sourceLine = readFileSync(file('source.txt'), 'utf8').split('\n')[source![0]!.range.start.line];
    expect(sourceLine).toContain('新建保障性租赁住房1000套');
  });

  it('"Review this finding" is a WorkspaceEdit on reviews.yaml; once applied, the finding is a hint', async () => {
    const diagnostic = client.latest(file('projects.yaml'))!.diagnostics.find((d) => d.code === 'fact-agreement' && messageOf(d).includes('90000'))!;
    const actions = await client.codeActions(file('projects.yaml'), diagnostic);
    const review = actions.find((a) => a.title.startsWith('Review this finding: as printed'));
    expect(review?.edit).toBeDefined();
    const reviews = file('reviews.yaml');
    const edits = editsFor(review!.edit!, uriOf(reviews));
    expect(edits.length).toBe(1);
    const after = applyEdits(readFileSync(reviews, 'utf8'), edits);
    expect(after).toContain('verdict: as-printed');
    expect(after).toContain('quote: 新建保障性租赁住房1000套，建筑面积80000㎡。');
    // The editor applies it to the open document; the server reads the unsaved text.
    await client.open(reviews);
    await client.edit(reviews, edits);
    const diagnostics = await client.waitFor(file('projects.yaml'), (list) => list.some((d) => d.code === 'fact-agreement' && messageOf(d).includes('90000') && d.severity === DiagnosticSeverity.Hint));
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error && d.code === 'fact-agreement')).toEqual([]);
    // "Show in published text" asks the editor to open source.txt at the quote.
    const show = actions.find((a) => a.title === 'Show in published text');
    await client.connection.sendRequest('workspace/executeCommand', show!.command);
    expect(client.shown.at(-1)?.uri).toBe(uriOf(file('source.txt')));
  });

  it('a misspelt key gets a schema diagnostic and a quick fix that corrects it; the other files keep their results', async () => {
    const boxes = file('boxes.yaml');
    const line = await client.replaceOnLine(boxes, 'title: 保障性租赁住房建设', 'title', 'titel');
    const diagnostics = await client.waitFor(boxes, (list) => list.some((d) => d.code === 'schema'));
    const schema = diagnostics.find((d) => d.code === 'schema')!;
    expect(schema.range.start.line).toBe(line);
    expect(messageOf(schema)).toContain("did you mean 'title'");
    // projects.yaml still shows its findings from the last audit.
    expect(client.latest(file('projects.yaml'))!.diagnostics.length).toBeGreaterThan(0);
    const actions = await client.codeActions(boxes, schema);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.title.includes("'title'"));
    const edits = editsFor(fix!.edit!, uriOf(boxes));
    expect(applyEdits(client.text(boxes), edits).split('\n')[line]).toContain('title: 保障性租赁住房建设');
    await client.edit(boxes, edits);
    await client.waitFor(boxes, (list) => !list.some((d) => d.code === 'schema'));
  });

  it('an edit of source.txt re-runs provenance: a quote no longer printed there is reported in boxes.yaml', async () => {
    const source = file('source.txt');
    await client.open(source);
    const line = await client.replaceOnLine(source, '新建保障性租赁住房1000套，建筑面积70000㎡', '70000', '75000');
    expect(line).toBeGreaterThan(0);
    const boxes = await client.waitFor(file('boxes.yaml'), (list) => list.some((d) => d.code === 'provenance' && d.severity !== DiagnosticSeverity.Hint));
    expect(boxes.some((d) => d.code === 'provenance' && messageOf(d).includes('70000'))).toBe(true);
    await client.replaceOnLine(source, '新建保障性租赁住房1000套，建筑面积75000㎡', '75000', '70000');
    await client.waitFor(file('boxes.yaml'), (list) => !list.some((d) => d.code === 'provenance' && d.severity !== DiagnosticSeverity.Hint));
  });

  it('serves several plan folders at once, each with its own findings', async () => {
    const other = planCopy(WUSHAN, [{ file: 'projects.yaml', from: 'housing.rental-new.floor-area, value: 80000', to: 'housing.rental-new.floor-area, value: 60000' }]);
    await client.open(join(other, 'projects.yaml'));
    const theirs = await client.waitFor(join(other, 'projects.yaml'), (list) => list.some((d) => d.code === 'fact-agreement' && messageOf(d).includes('60000')));
    expect(theirs.some((d) => messageOf(d).includes('90000'))).toBe(false);
    expect(client.latest(file('projects.yaml'))!.diagnostics.some((d) => messageOf(d).includes('90000'))).toBe(true);
  });

  it('bad input: a binary file gives one diagnostic, a file outside any plan none, malformed JSON-RPC is logged and the server goes on', async () => {
    await client.open(file('outline.yaml'), 'chapters:\u0000\u0001\u0002');
    const binary = await client.waitFor(file('outline.yaml'), (list) => list.length > 0);
    expect(binary.map((d) => d.code)).toEqual(['yaml-syntax']);
    const outside = join(dir, '..', 'notes.yaml');
    await client.open(outside, 'a: [');
    client.child.stdin!.write('Content-Length: 7\r\n\r\n{"bad":');
    client.child.stdin!.write('Content-Length: 12\r\n\r\nnot json!!!!');
    // A header without its length stopped the JSON-RPC library's reader for good; the server reads on.
    client.child.stdin!.write('X-Nonsense: 1\r\n\r\n');
    client.child.stdin!.write('no colon here\r\n\r\n');
    const lines = client.text(file('projects.yaml')).split('\n');
    const line = lines.findIndex((l) => l.includes('housing.rental-new.floor-area'));
    const hover = await client.hover(file('projects.yaml'), { line, character: lines[line]!.indexOf('90000') });
    expect(hover).not.toBeNull();
    // Garbage that follows a bad header in the same read is skipped with it, to the next message.
    expect(client.logged.filter((m) => m.startsWith('plan lsp: skipped')).length).toBeGreaterThanOrEqual(3);
    expect(client.published.some((p) => p.uri === uriOf(outside))).toBe(false);
  });

  it('a huge file gives one diagnostic, and nothing was written to the plan folder', async () => {
    await client.open(file('services.yaml'), `x: ${'9'.repeat(8 * 1024 * 1024)}\n`);
    const huge: Diagnostic[] = await client.waitFor(file('services.yaml'), (list) => list.length > 0);
    expect(huge.length).toBe(1);
    expect(folderDigest(dir)).toBe(digest);
  });

  it('"Review this finding" keeps the CRLF line ends of a reviews.yaml written so', async () => {
    const other = planCopy(WUSHAN, [{ file: 'projects.yaml', from: RENTAL, to: 'housing.rental-new.floor-area, value: 50000' }]);
    const reviews = join(other, 'reviews.yaml');
    writeFileSync(reviews, readFileSync(reviews, 'utf8').replace(/\r?\n/g, '\r\n'));
    await client.open(join(other, 'projects.yaml'));
    const diagnostics = await client.waitFor(join(other, 'projects.yaml'), (list) => list.some((d) => d.code === 'fact-agreement' && messageOf(d).includes('50000')));
    const diagnostic = diagnostics.find((d) => d.code === 'fact-agreement' && messageOf(d).includes('50000'))!;
    const review = (await client.codeActions(join(other, 'projects.yaml'), diagnostic)).find((a) => a.title.startsWith('Review this finding: as printed'));
    const after = applyEdits(readFileSync(reviews, 'utf8'), editsFor(review!.edit!, uriOf(reviews)));
    expect(after).toContain('verdict: as-printed\r\n');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('shutdown and exit end the process with 0', async () => {
    const code = await client.stop();
    expect(code).toBe(0);
  });
});
