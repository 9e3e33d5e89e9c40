// docs/lsp-neovim.png: `plan lsp` in a real editor. Neovim runs in a tmux pane on a copy of the
// bundled plan with the rental housing's 80000 changed to 90000; the pane is captured with its
// colours (tmux capture-pane -e) and drawn by Chromium. Needs tmux, nvim and chromium; run after
// `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(os.tmpdir(), 'plan-shot-'));
const plan = join(tmp, 'wushan-2021-2025');
cpSync(join(root, 'plan-data', 'wushan-2021-2025'), plan, { recursive: true });
const projects = join(plan, 'projects.yaml');
writeFileSync(projects, readFileSync(projects, 'utf8').replace('housing.rental-new.floor-area, value: 80000', 'housing.rental-new.floor-area, value: 90000'));
const line = readFileSync(projects, 'utf8').split('\n').findIndex((l) => l.includes('value: 90000')) + 1;
writeFileSync(
  join(tmp, 'init.lua'),
  `vim.o.number = true
vim.o.wrap = false
local client = vim.lsp.start_client({ name = 'plan', cmd = { 'node', ${JSON.stringify(join(root, 'bin', 'plan.js'))}, 'lsp', '--stdio' }, root_dir = ${JSON.stringify(plan)}, init_options = { lang = 'en' } })
vim.api.nvim_create_autocmd('BufEnter', { pattern = '*.yaml', callback = function() vim.lsp.buf_attach_client(0, client) end })
vim.diagnostic.config({ virtual_text = { prefix = '●' }, severity_sort = true, float = { border = 'single' } })
`,
);
const session = `plan-shot-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', args, { encoding: 'utf8' });
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
tmux('new-session', '-d', '-s', session, '-x', '150', '-y', '30', `cd ${tmp} && nvim --clean -u init.lua +${line} wushan-2021-2025/projects.yaml`);
let capture = '';
try {
  // Wait for the diagnostics: the changed line gets its virtual text.
  for (let i = 0; i < 120 && !tmux('capture-pane', '-t', session, '-p').includes('90000㎡ at'); i++) await sleep(250);
  tmux('send-keys', '-t', session, `:normal! ${line - 10}Gzt${line}G`, 'Enter');
  tmux('send-keys', '-t', session, ':lua vim.diagnostic.open_float()', 'Enter');
  await sleep(1500);
  capture = tmux('capture-pane', '-t', session, '-e', '-p');
} finally {
  spawnSync('tmux', ['kill-session', '-t', session]);
}

// ANSI SGR → HTML spans: the 16 colours, the 256-colour cube, true colour, bold, reverse.
const BASE = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5', '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];
const color256 = (n) => {
  if (n < 16) return BASE[n];
  if (n < 232) {
    const v = [0, 95, 135, 175, 215, 255];
    const i = n - 16;
    return `rgb(${v[Math.floor(i / 36)]},${v[Math.floor(i / 6) % 6]},${v[i % 6]})`;
  }
  const g = 8 + (n - 232) * 10;
  return `rgb(${g},${g},${g})`;
};
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
let style = {};
const html = [];
// The escape character is built, not written: a control character in a regular expression reads as a mistake.
const ESC = String.fromCharCode(27);
for (const part of capture.split(new RegExp(`(${ESC}\\[[0-9;]*m)`))) {
  const sgr = new RegExp(`^${ESC}\\[([0-9;]*)m$`).exec(part);
  if (!sgr) {
    if (part) {
      const [fg, bg] = style.reverse ? [style.bg ?? '#1e1e1e', style.fg ?? '#d4d4d4'] : [style.fg, style.bg];
      html.push(`<span style="${fg ? `color:${fg};` : ''}${bg ? `background:${bg};` : ''}${style.bold ? 'font-weight:bold;' : ''}">${escapeHtml(part)}</span>`);
    }
    continue;
  }
  const codes = (sgr[1] || '0').split(';').map(Number);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0) style = {};
    else if (c === 1) style.bold = true;
    else if (c === 7) style.reverse = true;
    else if (c === 22) style.bold = false;
    else if (c === 27) style.reverse = false;
    else if (c >= 30 && c <= 37) style.fg = BASE[c - 30];
    else if (c >= 90 && c <= 97) style.fg = BASE[c - 82];
    else if (c >= 40 && c <= 47) style.bg = BASE[c - 40];
    else if (c >= 100 && c <= 107) style.bg = BASE[c - 92];
    else if (c === 39) style.fg = undefined;
    else if (c === 49) style.bg = undefined;
    else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
      style[c === 38 ? 'fg' : 'bg'] = color256(codes[i + 2]);
      i += 2;
    } else if ((c === 38 || c === 48) && codes[i + 1] === 2) {
      style[c === 38 ? 'fg' : 'bg'] = `rgb(${codes[i + 2]},${codes[i + 3]},${codes[i + 4]})`;
      i += 4;
    }
  }
}
const page = join(tmp, 'pane.html');
writeFileSync(
  page,
  `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#1e1e1e}pre{margin:0;padding:12px;color:#d4d4d4;font:14px/1.35 "Noto Sans Mono CJK SC","DejaVu Sans Mono",monospace}</style><pre>${html.join('')}</pre>`,
);
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const tab = await browser.newPage({ viewport: { width: 1300, height: 600 }, deviceScaleFactor: 1 });
  await tab.goto(`file://${page}`);
  await tab.locator('pre').screenshot({ path: join(root, 'docs', 'lsp-neovim.png') });
} finally {
  await browser.close();
}
console.log('docs/lsp-neovim.png written');
