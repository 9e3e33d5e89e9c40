// npm test after the build: the type check and lint (npm run check) run beside vitest instead of
// before it, and print after it; the run fails when either fails. Vitest needs the build (the
// spawned bin runs dist/) but not the check, and the check's few seconds of CPU cost vitest's
// two workers less than the check's wall time in front of them (README, Performance).
import { spawn } from 'node:child_process';

const check = new Promise((resolve) => {
  const child = spawn('npm', ['run', '--silent', 'check'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(output) }));
});
const tests = await new Promise((resolve) => {
  const child = spawn('vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('close', (code) => resolve(code ?? 1));
});
const checked = await check;
process.stdout.write(checked.output);
process.stdout.write(checked.code === 0 ? 'npm run check: clean\n' : `npm run check failed (exit ${checked.code})\n`);
process.exitCode = tests !== 0 ? tests : checked.code;
