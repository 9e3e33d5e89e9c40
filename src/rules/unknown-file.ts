import { defineRule } from './rule.js';

/** A data file that is not one of the known kinds. */
export const unknownFileRule = defineRule({
  id: 'unknown-file',
  stage: 'read',
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

