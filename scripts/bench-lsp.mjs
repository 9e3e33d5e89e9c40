// The language server's latency, for `npm run bench` (scripts/bench.mjs calls it on the bundled plan
// and on a plan of 10,000 projects). Run alone, `node scripts/bench-lsp.mjs` times the bundled plan.
//
// Each edit is timed from the moment the didChange notification is written to the moment the
// server publishes the diagnostics of that version of the file: the debounce, the run of the
// plan and the JSON-RPC round included, as an editor's user waits for it.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = fileURLToPath(new URL('..', import.meta.url));
const planBin = join(root, 'bin', 'plan.js');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Opens `file` of a plan in a fresh `plan lsp --stdio`, then edits the line holding `needle`
 * `runs` times (from → to, then back), timing each change to its diagnostics; then times
 * shutdown + exit to the end of the process. Returns { first, changes, median, exitMs }.
 */
export async function lspLatency({ file, needle, from, to, runs, timeoutMs = 60_000 }) {
  const child = spawn(process.execPath, [planBin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(file).href;
  let waiting;
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (waiting && params.uri === uri && params.version === waiting.version) waiting.done(process.hrtime.bigint());
  });
  connection.listen();
  const published = (version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench: no diagnostics for version ${version} of ${file} in ${timeoutMs} ms`)), timeoutMs);
      waiting = {
        version,
        done: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
    });
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    let text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    if (line < 0 || !lines[line].includes(from)) throw new Error(`bench: "${needle}" with "${from}" is not in ${file}`);
    const character = lines[line].indexOf(from);
    let start = process.hrtime.bigint();
    let version = 1;
    const opened = published(version);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    const first = Number((await opened) - start) / 1e6;
    const changes = [];
    for (let i = 0; i < runs; i++) {
      const [a, b] = i % 2 === 0 ? [from, to] : [to, from];
      version += 1;
      const range = { start: { line, character }, end: { line, character: character + a.length } };
      const done = published(version);
      start = process.hrtime.bigint();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: b }] });
      changes.push(Number((await done) - start) / 1e6);
      text = text.replace(a, b);
    }
    await connection.sendRequest('shutdown');
    const ended = new Promise((resolve) => child.once('exit', () => resolve(process.hrtime.bigint())));
    start = process.hrtime.bigint();
    await connection.sendNotification('exit');
    const exitMs = Number((await ended) - start) / 1e6;
    return { first, changes, median: median(changes), exitMs };
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(root, 'plan-data', 'wushan-2021-2025', 'projects.yaml');
  const result = await lspLatency({ file, needle: 'housing.rental-new.floor-area', from: '80000', to: '90000', runs: 10 });
  console.log(`plan lsp, bundled plan: open → diagnostics ${result.first.toFixed(0)} ms; change → diagnostics median ${result.median.toFixed(0)} ms (${result.changes.map((ms) => ms.toFixed(0)).join(', ')}); exit ${result.exitMs.toFixed(0)} ms`);
}
