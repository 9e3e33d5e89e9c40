#!/usr/bin/env node
// The few words here cannot come from the catalogue in dist/: they say that dist/ is missing.
let main;
try {
  ({ main } = await import('../dist/cli.js'));
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

if (main) {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    readStdin: async () => {
      const chunks = [];
      for await (const chunk of process.stdin) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
  });
}
