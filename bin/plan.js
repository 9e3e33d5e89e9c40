#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
// V8 optimises a function once it has used up an "interrupt budget"; most of a run of plan is
// code that runs briefly, and optimising it that early costs more than it saves: eight times the
// default budget makes the bundled plan's audit 10–20 % faster and long runs no slower (README,
// Performance). Set before any of plan's modules is loaded; worker threads share it.
setFlagsFromString('--interrupt-budget=540672');
// The few words here cannot come from the catalogue in dist/: they say that dist/ is missing.
let cli;
let io;
let stdin;
try {
  cli = await import('../dist/cli.js');
  io = await import('../dist/io/stdout.js');
  stdin = await import('../dist/io/stdin.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  const zh = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
  process.stderr.write(
    zh
      ? 'plan: 找不到编译结果 dist/。请在项目目录运行 npm run build（npm ci --ignore-scripts 会跳过构建）。\n'
      : 'plan: the build is missing (no dist/). Run npm run build in the project folder (npm ci --ignore-scripts skips it).\n',
  );
  process.exitCode = 2;
}

if (cli && io) {
  // Write errors (a closed pipe, a full disk) are kept, not thrown: see src/io/stdout.ts.
  const stdout = io.guardStream(process.stdout);
  const stderr = io.guardStream(process.stderr);
  const code = await cli.main(process.argv.slice(2), {
    stdout: stdout.write,
    stdoutBytes: stdout.writeBytes,
    stderr: stderr.write,
    isTTY: Boolean(process.stdout.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
    // In chunks, stopping at --max-file-size (src/io/stdin.ts).
    readStdin: (maxBytes) => stdin.readBounded(process.stdin, maxBytes),
  });
  const outcome = io.exitAfterOutput(code, await stdout.settle(), cli.languageFrom(process.env));
  if (outcome.message) stderr.write(outcome.message);
  process.exitCode = outcome.code;
}
