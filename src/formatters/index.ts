import type { Formatter, PartedFormat } from './types.js';

/**
 * Every output format, loaded only when asked for: the text format alone needs chalk,
 * which would cost every other run their start-up time.
 */
export const FORMATTERS = {
  text: async () => (await import('./text.js')).textFormatter,
  json: async () => (await import('./json.js')).jsonFormatter,
  sarif: async () => (await import('./sarif.js')).sarifFormatter,
  github: async () => (await import('./github.js')).githubFormatter,
  markdown: async () => (await import('./markdown.js')).markdownFormatter,
  compact: async () => (await import('./compact.js')).compactFormatter,
  rdjson: async () => (await import('./rdjson.js')).rdjsonFormatter,
} as const satisfies Record<string, () => Promise<Formatter>>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

/** The formats made plan by plan, whose parts `--cache` keeps (see PartedFormat). */
export const PARTED_FORMATS: Partial<Record<FormatName, () => Promise<PartedFormat>>> = {
  text: async () => (await import('./text.js')).textFormat,
  json: async () => (await import('./json.js')).jsonFormat,
};
