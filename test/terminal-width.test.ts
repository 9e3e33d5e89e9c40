import { describe, expect, it } from 'vitest';
import { textColumns, wrapped } from '../src/views/table.js';
import { cli, WUSHAN } from './helpers.js';

const widest = (text: string): number => Math.max(...text.split('\n').map(textColumns));

describe('text views fit the terminal', () => {
  it.each([
    { command: 'summary', columns: 120 },
    { command: 'facts', columns: 120 },
    { command: 'summary', columns: 80 },
    { command: 'facts', columns: 60 },
  ])('$command fits $columns columns on a terminal', async ({ command, columns }) => {
    const result = await cli([command, WUSHAN, '--lang', 'zh'], { NO_COLOR: '1' }, true, columns);
    expect(result.code).toBe(0);
    expect(widest(result.stdout)).toBeLessThanOrEqual(columns);
    // Nothing is lost: the long key is there, wrapped (its first part on one line, the rest below).
    if (command === 'facts') expect(result.stdout).toMatch(/elderly-care\.nursing-b/);
  });

  it.each(['summary', 'facts'])('%s below 100 columns prints records, one label and value a line', async (command) => {
    const result = await cli([command, WUSHAN, '--lang', 'en'], { NO_COLOR: '1' }, true, 80);
    expect(result.stdout).not.toContain('┌');
    expect(result.stdout).toMatch(command === 'facts' ? /^fact +elderly-care\.nursing-beds\.share$/m : /^rule +fact-agreement$/m);
  });

  it.each(['summary', 'facts'])('%s keeps its full width when not printed to a terminal', async (command) => {
    const piped = await cli([command, WUSHAN, '--lang', 'zh'], { NO_COLOR: '1' }, false, 80);
    expect(widest(piped.stdout)).toBeGreaterThan(120);
  });

  it.each([80, 120])('audit lines fit %i columns on a terminal, and run their full length into a pipe', async (columns) => {
    const args = ['audit', WUSHAN, '--lang', 'zh', '--show-reviewed'];
    const terminal = await cli(args, { NO_COLOR: '1' }, true, columns);
    expect(terminal.code).toBe(0);
    expect(widest(terminal.stdout)).toBeLessThanOrEqual(columns);
    // Every word is still printed: the wrapped text joins back to the full text.
    const piped = await cli(args, { NO_COLOR: '1' }, false, columns);
    expect(widest(piped.stdout)).toBeGreaterThan(200);
    const words = (text: string): string => text.replace(/\s+/g, '');
    expect(words(terminal.stdout)).toBe(words(piped.stdout));
  });

  it.each([
    { text: '养老机构护理型养老床位占比', width: 10, lines: ['养老机构护', '理型养老床', '位占比'] },
    { text: 'the two bounds differ', width: 10, lines: ['the two', 'bounds', 'differ'] },
  ])('wraps $text to $width columns', ({ text, width, lines }) => {
    expect(wrapped(text, width)).toEqual(lines);
  });
});
