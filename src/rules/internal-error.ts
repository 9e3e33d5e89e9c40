import { defineRule } from './rule.js';

/**
 * A rule or a stage of a plan's run that threw: a bug in plan, never in the data. The engine
 * reports it for that plan alone (the other plans are still read and audited); exit code 2.
 */
export const internalError = defineRule({
  id: 'internal-error',
  stage: 'read',
  severity: 'error',
  description: {
    zh: '程序自身的缺陷：某条规则或某个阶段在处理一个规划时出错。只报告该规划，其余规划照常审计；请附上一行复现命令报告此问题（--debug 或 PLAN_DEBUG=1 给出调用栈）。',
    en: 'A bug in plan itself: a rule or a stage failed on one plan. Reported for that plan alone; the other plans are still audited. Please report it with its one-line reproduction (--debug or PLAN_DEBUG=1 gives the stack).',
  },
  messages: {
    'rule-failed': {
      zh: '内部错误（plan 的缺陷，不是数据的错）：规则 {rule} 在规划 {plan} 上出错：{detail}。请报告此问题，附上复现命令：{command}{stack}',
      en: 'internal error (a bug in plan, not in the data): the rule {rule} failed on the plan {plan}: {detail}. Please report it with the reproduction: {command}{stack}',
    },
    'stage-failed': {
      zh: '内部错误（plan 的缺陷，不是数据的错）：规划 {plan} 的 {stage} 阶段出错：{detail}。请报告此问题，附上复现命令：{command}{stack}',
      en: 'internal error (a bug in plan, not in the data): the {stage} stage failed on the plan {plan}: {detail}. Please report it with the reproduction: {command}{stack}',
    },
  },
});
