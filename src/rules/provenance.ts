import { fileNameOf } from '../load/file-kinds.js';
import type { FigureStatement, SourceRef } from '../model.js';
import { child } from '../pointer.js';
import { parseChineseNumeral } from '../numerals.js';
import { fold, planSource, quotePlace, standsIn } from '../source-text.js';
import { type TextPlace, textPlaces } from '../text-places.js';
import { defineRule } from './rule.js';

const MAX_SHOWN = 60;
const clip = (text: string): string => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);

const THOUSANDS = /([0-9０-９]),(?=[0-9０-９]{3}(?![0-9０-９]))/g;
const CHINESE_NUMERAL = /[〇零一二两三四五六七八九十百千]+/g;

/**
 * A figure stands in its quote when its digits do, in full-width forms too (１５) or with
 * thousands separators (1,200), or, for a whole number, a Chinese numeral of its value (四, 两, 十二, 一百零五).
 */
function figureStandsIn(value: string, quote: string): boolean {
  if (quote.includes(value) || fold(quote).includes(value)) return true;
  // Thousands separators (1,200): only the ASCII comma; 12，300 is two figures in Chinese text.
  const joined = quote.replace(THOUSANDS, '$1');
  if (joined !== quote && fold(joined).includes(value)) return true;
  if (!/^\d+$/.test(value)) return false;
  const wanted = Number(value);
  for (const [numeral] of quote.matchAll(CHINESE_NUMERAL)) if (parseChineseNumeral(numeral) === wanted) return true;
  return false;
}

export const provenance = defineRule({
  id: 'provenance',
  stage: 'audit',
  severity: 'error',
  description: {
    zh: '每段引文、名称与原文字段均能在 source.txt 中逐字找到（可跨原文换行；全角字符按 NFKC 比较；空格对齐表格中折行的单元格按其各段在该行内的先后找到），且每个数字（阿拉伯数字、全角数字或同值的汉字数字）出现在其引文中。',
    en: 'Every quote, name and verbatim field is found word for word in source.txt (across printed line breaks too; full-width forms compared as NFKC; a wrapped cell of a space-aligned table by its parts in order on the row’s lines), and every figure stands in its quote (in digits, full-width digits or a Chinese numeral of its value).',
  },
  messages: {
    'quote-not-found': { zh: '引文在原文中找不到：“{quote}”', en: 'quote not found in the source text: “{quote}”' },
    'text-not-found': { zh: '文字在原文中找不到：“{quote}”', en: 'text not found in the source text: “{quote}”' },
    'figure-not-in-quote': {
      zh: '数字 {value} 不在其引文中：“{quote}”',
      en: 'the figure {value} does not stand in its quote: “{quote}”',
    },
    'missing-quote': { zh: '正文中的数字 {fact} 缺少引文（quote）', en: 'the prose figure {fact} has no quote' },
    'found-elsewhere': {
      zh: '引文不在 {ref} 中，而在 {where}：“{quote}”',
      en: 'the quote is not in {ref} but in {where}: “{quote}”',
    },
  },
  check({ plan, report }) {
    if (plan.sourceText === undefined) return;
    const source = planSource(plan, plan.sourceText);
    const found = new Map<string, boolean>();
    const inSource = (text: string): boolean => {
      let result = found.get(text);
      if (result === undefined) {
        result = standsIn(source, text);
        found.set(text, result);
      }
      return result;
    };
    for (const { text, at, field } of plan.verbatim) {
      if (!inSource(text)) report({ messageId: 'text-not-found', at: { ...at, pointer: child(at.pointer, field) }, data: { quote: clip(text) } });
    }
    for (const figure of plan.facts) {
      if (figure.ownQuote && figure.quote !== undefined && !inSource(figure.quote)) {
        report({ messageId: 'quote-not-found', at: { ...figure.at, pointer: child(figure.at.pointer, 'quote') }, data: { quote: clip(figure.quote) } });
        continue;
      }
      if (figure.quote === undefined) {
        if (figure.at.file === fileNameOf('statements')) report({ messageId: 'missing-quote', at: figure.at, data: { fact: figure.fact } });
        continue;
      }
      for (const value of [figure.valueText, figure.valueMaxText]) {
        if (value !== undefined && !figureStandsIn(value, figure.quote)) {
          report({ messageId: 'figure-not-in-quote', at: { ...figure.at, pointer: child(figure.at.pointer, 'value') }, data: { value, quote: clip(figure.quote) } });
        }
      }
    }
    // A quote found is looked up again in the part of the text its place names: the words of
    // another place do not vouch for it.
    const places = textPlaces(plan);
    if (!places) return;
    // Each place and text reported once. Only reported pairs are kept: a text that stands in its
    // place would stand there again (100 000 projects' names and contents were 200 000 keys).
    const pinned = new Set<string>();
    // Where a text stands instead of in its place (undefined: in its place), once per place and text.
    const elsewhere = new Map<TextPlace, Map<string, string | undefined>>();
    const whereElse = (place: TextPlace, text: string): string | undefined => {
      let known = elsewhere.get(place);
      if (!known) {
        known = new Map();
        elsewhere.set(place, known);
      }
      if (known.has(text)) return known.get(text);
      let where: string | undefined;
      if (!standsIn(places.textOf(place), text)) {
        // A quote that opens in its place and runs on past where the place seems to end is there.
        const start = quotePlace(source, text)![0];
        if (!(place.start <= start && start < place.end)) where = places.labelAt(start) ?? '';
      }
      known.set(text, where);
      return where;
    };
    // A draft that left its appendix unread: the places of its misread rows vouch for nothing.
    const appendixUnread = plan.unread.some((entry) => entry.part === 'appendix');
    const pin = (text: string, at: SourceRef, field: string): void => {
      if (appendixUnread && at.file === fileNameOf('projects')) return;
      const place = places.placeOf(at.ref);
      if (!place || !inSource(text)) return;
      const where = whereElse(place, text);
      if (where === undefined) return;
      const key = `${at.ref}\u0000${text}`;
      if (pinned.has(key)) return;
      pinned.add(key);
      report({ messageId: 'found-elsewhere', at: { ...at, pointer: child(at.pointer, field) }, data: { ref: at.ref!, where, quote: clip(text) } });
    };
    for (const { text, at, field } of plan.verbatim) pin(text, at, field);
    // The service list's stated total is the list's, wherever the text prints it (制定86项… in the prose).
    const listTotal = (figure: FigureStatement): boolean => figure.at.file === fileNameOf('services') && figure.at.pointer === '/total';
    for (const figure of plan.facts) if (figure.ownQuote && figure.quote !== undefined && !listTotal(figure)) pin(figure.quote, figure.at, 'quote');
  },
});
