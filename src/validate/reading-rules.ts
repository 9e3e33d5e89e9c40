import { defineRule } from '../rules/rule.js';

/** Paths and files: what is not there, not a plan, not readable. Exit code 2. */
export const inputRule = defineRule({
  id: 'input',
  severity: 'error',
  description: {
    zh: '所给路径存在、是规划文件夹且可读取；规划编号不重复。',
    en: 'The paths given exist, are plan folders and can be read; plan ids are unique.',
  },
  messages: {
    'path-missing': { zh: '路径不存在：{path}', en: 'no such path: {path}' },
    'not-a-plan': {
      zh: '{path} 不是规划文件夹，其下也没有规划（找不到 plan.yaml）',
      en: '{path} is not a plan folder and holds none (no plan.yaml found)',
    },
    unreadable: { zh: '无法读取 {path}（{detail}）', en: 'cannot read {path} ({detail})' },
    'too-large': { zh: '{path} 过大（{detail} 字节），未读取', en: '{path} is too large ({detail} bytes); not read' },
    'duplicate-plan-id': {
      zh: '规划编号 “{id}” 已用于 {other}',
      en: "plan id '{id}' is already used by {other}",
    },
    'no-plan-file': { zh: '缺少 plan.yaml', en: 'plan.yaml is missing' },
  },
});

/** A data file that is not one of the known kinds. */
export const unknownFileRule = defineRule({
  id: 'unknown-file',
  severity: 'warning',
  description: {
    zh: '规划文件夹只含已知的数据文件；其他 YAML 文件不会被读取。',
    en: 'A plan folder holds only the known data files; any other YAML file is not read.',
  },
  messages: {
    'unknown-file': {
      zh: '未知的数据文件 {path}，不会被读取（可用：{detail}）',
      en: 'unknown data file {path} is not read (known: {detail})',
    },
  },
});

/** YAML that cannot be read as one document of plain data. Exit code 2. */
export const yamlRule = defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  description: {
    zh: '每个数据文件是一个合法的 UTF-8 YAML 文档：无语法错误、无重复键、无别名炸弹。',
    en: 'Each data file is one valid UTF-8 YAML document: no syntax error, no duplicate key, no alias bomb.',
  },
  messages: {
    syntax: { zh: 'YAML 语法错误：{detail}', en: 'YAML syntax error: {detail}' },
    'duplicate-key': { zh: '重复的键：{detail}', en: 'duplicate key: {detail}' },
    'tab-indent': { zh: '缩进中有制表符；YAML 只能用空格缩进', en: 'a tab in indentation; YAML indents with spaces only' },
    'alias-bomb': {
      zh: '别名展开过多或循环（{detail}），拒绝读取',
      en: 'too many or looping alias expansions ({detail}); not read',
    },
    'alias-loop': { zh: '别名引用了包含它自身的节点，数据成环', en: 'an alias refers to a node that contains it: the data loops' },
    'several-documents': { zh: '一个文件中有多个 YAML 文档；每个数据文件只能有一个', en: 'several YAML documents in one file; a data file holds one' },
    'not-utf8': { zh: '文件含有非 UTF-8 字节', en: 'the file has bytes that are not UTF-8' },
    binary: { zh: '这是二进制文件（含 NUL 字节），不是 YAML', en: 'a binary file (NUL byte), not YAML' },
    empty: { zh: '文件为空', en: 'the file is empty' },
    'too-deep': { zh: '嵌套过深，无法读取', en: 'nesting too deep to read' },
  },
});

/** Data of the wrong shape, by the JSON Schemas in `schemas/`. Exit code 1. */
export const schemaRule = defineRule({
  id: 'schema',
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
    'one-of-keys': { zh: '须有且只有以下之一：{keys}', en: 'needs exactly one of: {keys}' },
    invalid: { zh: '{detail}', en: '{detail}' },
  },
});
