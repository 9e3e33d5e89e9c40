import { defineRule } from './rule.js';

/** Data of the wrong shape, by the JSON Schemas in `schemas/`. Exit code 1. */
export const schemaRule = defineRule({
  id: 'schema',
  stage: 'read',
  severity: 'error',
  description: {
    zh: '每个数据文件符合 schemas/ 中的 JSON Schema：键、类型、枚举、格式；数字按原文写作十进制数。',
    en: 'Each data file matches its JSON Schema in schemas/: keys, types, enums, formats; numbers written as printed decimals.',
  },
  messages: {
    'unknown-key': { zh: '未知的键 “{key}”', en: "unknown key '{key}'" },
    'unknown-key-suggest': { zh: '未知的键 “{key}”，是否应为 “{suggestion}”？', en: "unknown key '{key}'; did you mean '{suggestion}'?" },
    'missing-key': { zh: '缺少必需的键 “{key}”', en: "missing required key '{key}'" },
    'not-allowed': { zh: '“{value}” 不是允许的值；应为以下之一：{allowed}', en: "'{value}' is not allowed; must be one of: {allowed}" },
    'number-as-text': {
      zh: '“{value}” 应写作纯数字 {suggestion}（不加千分位、全角数字、单位或引号）',
      en: "'{value}' must be a plain number, e.g. {suggestion} (no thousands separators, full-width digits, units or quotes)",
    },
    'number-format': {
      zh: '数字 “{value}” 须按原文写作十进制数（不用十六进制、指数、.inf、.nan）',
      en: "write the number '{value}' as a plain decimal as printed (no hex, exponent, .inf or .nan)",
    },
    'number-too-long': {
      zh: '数字 “{value}” 超过 {max} 个字符，不予读取；请按原文的位数书写',
      en: "the number '{value}' is longer than {max} characters; not read: write it with the digits printed",
    },
    'number-too-large': {
      zh: '整数 {value} 超过 {max}，无法精确表示',
      en: 'the integer {value} is larger than {max} and cannot be held exactly',
    },
    'period-reversed': {
      zh: '时期 {period} 的起始年晚于结束年；应为 {fixed}',
      en: 'the period {period} starts after it ends; it should be {fixed}',
    },
    'range-reversed': {
      zh: '区间上限 valueMax {high} 小于其下限 value {low}：区间不含任何值，两者是否写反了？',
      en: 'the range maximum valueMax {high} is below its value {low}: the range holds no value; are the two swapped?',
    },
    'one-of-keys': { zh: '须有且只有以下之一：{keys}', en: 'needs exactly one of: {keys}' },
    invalid: { zh: '{detail}', en: '{detail}' },
  },
});
