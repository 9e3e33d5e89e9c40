import { defineRule } from './rule.js';

/** YAML that cannot be read as one document of plain data. Exit code 2. */
export const yamlRule = defineRule({
  id: 'yaml-syntax',
  stage: 'read',
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

