/**
 * True for a character that a terminal, a log viewer or a Markdown renderer would act on rather
 * than show: C0 controls (ESC, BEL, CR, LF, NUL …), DEL, C1 controls, the bidirectional marks,
 * overrides and isolates (U+202E turns text around), line and paragraph separators, and the
 * byte-order mark.
 */
function unsafe(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/**
 * Text from the data made safe to print: every unsafe character becomes a visible escape
 * (`\u001b`), so a project name cannot retitle a window, clear the screen or hide text.
 * The one function every formatter that writes for people passes data through.
 */
export function visible(text: string): string {
  let shown = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!unsafe(code)) continue;
    shown += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : shown + text.slice(from);
}

/** ASCII punctuation that Markdown (GitHub's included) gives a meaning to inside a line. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~&$:]/g;

/** Plain text for a Markdown table cell: made visible, then every special character escaped. */
export function markdownText(text: string): string {
  return visible(text).replace(MARKDOWN_SPECIAL, '\\$&');
}

/**
 * Text as a Markdown code span inside a table cell: fenced by more backticks than any run in
 * it (padded when it starts or ends with one), and `|` escaped, which GFM tables need even
 * inside code.
 */
export function markdownCode(text: string): string {
  const shown = visible(text);
  let longest = 0;
  for (const run of shown.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown.replace(/\|/g, '\\|')}${pad}${fence}`;
}
