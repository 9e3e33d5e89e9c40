import { defineRule } from './rule.js';
import { internalError } from './internal-error.js';
import { yamlRule } from './yaml-syntax.js';

/** Paths and files: what is not there, not a plan, not readable. Exit code 2. */
export const inputRule = defineRule({
  id: 'input',
  stage: 'read',
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
    'not-a-file': { zh: '{path} 不是普通文件（{detail}），未读取', en: '{path} is not a regular file ({detail}); not read' },
    'outside-plan': {
      zh: '{path} 指向规划文件夹之外（{detail}），未读取；规划的文件须位于其文件夹内',
      en: "{path} leads outside its plan folder ({detail}); not read: a plan's files must lie inside its folder",
    },
    'duplicate-plan-id': {
      zh: '规划编号 “{id}” 已用于 {other}',
      en: "plan id '{id}' is already used by {other}",
    },
  },
});


/** Rules whose errors mean the input could not be read at all, or plan failed on it (a bug): exit code 2. */
export const UNREADABLE_INPUT_RULES: ReadonlySet<string> = new Set([inputRule.id, yamlRule.id, internalError.id]);
