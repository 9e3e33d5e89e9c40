import { compare, mul, toDecimalString, ZERO } from '../decimal.js';
import { addIntervals, printedFigure, type Interval } from '../figures.js';
import { describeMiddle, describeRounded, divideIntervals, intersectIntervals, nonNegativePart, relationInterval, scaleInterval } from '../interval-arithmetic.js';
import { alike, type CountReach, type FigureStatement, type Message, type PlanModel, type RateReach, type Reach, type ShareReach } from '../model.js';
import { child } from '../pointer.js';
import { unitMeaning } from '../units.js';
import { defineRule, type RuleContext } from './rule.js';
import { readCountReach } from './support/count-reach.js';
import { refOf, statementsByFact } from './support/fact-index.js';
import { factName } from './support/fact-names.js';
import { describeStatement, implyFrom, isUnimplied, sidesOf, soundRelations, statedValue } from './support/relations.js';

/**
 * A base (a population, an eligible whole) at the start, as the relations imply it, and the
 * statements it rests on. The relation of the indicator itself (`ownRate`) is preferred: its
 * baseline implies the population its rate was computed with.
 */
function heldBase(plan: PlanModel, base: string, from: string, ownRate?: string): { interval: Interval; from: FigureStatement[] } | undefined {
  const identity = `${base}@${from}`;
  const own: { interval: Interval; from: FigureStatement[] }[] = [];
  const all: { interval: Interval; from: FigureStatement[] }[] = [];
  for (const relation of soundRelations(plan)) {
    if (relation.right.identity !== identity) continue;
    const implied = implyFrom(relation, 'right', sidesOf(plan, relation));
    if (!implied || isUnimplied(implied)) continue;
    const reading = { interval: implied.interval, from: [...implied.from] };
    all.push(reading);
    if (relation.left.fact === ownRate) own.push(reading);
  }
  if (own[0]) return own[0];
  const shared = intersectIntervals(all.map((r) => r.interval));
  if (shared && all.length > 0) return { interval: shared, from: all.flatMap((r) => r.from) };
  const stated = statedValue(plan, identity);
  const printed = stated && relationInterval(stated, plan.approximateTolerance);
  const interval = printed && nonNegativePart(printed);
  return stated && interval ? { interval, from: [stated] } : undefined;
}

export const reachability = defineRule({
  id: 'reachability',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: '按 relations.yaml 的 reach：基数年总量加上规划项目的新增量，在基数年隐含人口（保持不变）下折成比率，应能达到目标且不远超；个数目标（count）由基数个数加上新增个数直接比较；部分（如参保人数）的目标不超过其隐含的整体。',
    en: 'For each reach of relations.yaml: the amount at the start plus what the plan’s projects add, as a rate at the population implied for the start (held constant), reaches the target and does not overshoot it by far; a count target (count) is compared with the baseline count plus the counts added; a part’s target (the insured) stays within its implied whole.',
  },
  messages: {
    unreachable: {
      zh: '{name}：规划自身的新增只能达到约 {about}，低于 {ref} 的目标 {target}',
      en: '{name}: the plan’s own additions reach about {about}, short of the target {target} at {ref}',
    },
    overshoot: {
      zh: '{name}：规划自身的新增达到约 {about}，超过 {ref} 的目标 {target} 的 {far} 倍',
      en: '{name}: the plan’s own additions reach about {about}, more than {far} times the target {target} at {ref}',
    },
    'exceeds-whole': {
      zh: '{name}：{ref} 的目标 {target} 超过其整体约 {about}（按 {from} 年推算并保持不变），占比将超过100%',
      en: '{name}: the target {target} at {ref} exceeds its whole of about {about} (implied for {from} and held): a share above 100%',
    },
    'not-stated': {
      zh: '可达性无法计算：{what} 没有陈述或推算不出',
      en: 'reachability cannot be computed: {what} is neither stated nor implied',
    },
    degenerate: {
      zh: '可达性没有意义：{what}，未计算',
      en: 'reachability means nothing here: {what}; not computed',
    },
    'zero-base': {
      zh: '可达性无法计算：{base}（{from}）为 0（由 {implied} 推算），不能折成比率',
      en: 'reachability cannot be computed: {base} ({from}) is 0 (implied by {implied}), and no rate is per 0',
    },
    negative: {
      zh: '可达性无法计算：{figure} 为负数，而总量、新增和目标都不能为负',
      en: 'reachability cannot be computed: {figure} is negative, and no amount, addition or target can be',
    },
  },
  details: {
    unreachable: { zh: '{fact}：达到 {reached}。假定：{assumed}', en: '{fact}: reaches {reached}. Assumed: {assumed}' },
    overshoot: { zh: '{fact}：达到 {reached}。假定：{assumed}', en: '{fact}: reaches {reached}. Assumed: {assumed}' },
    'exceeds-whole': {
      zh: '{fact}：整体 {wholeFact} 为 {whole}，按 {from} 年由 {implied} 推算',
      en: '{fact}: the whole {wholeFact} is {whole}, implied for {from} by {implied}',
    },
  },
  check(context) {
    for (const reach of context.plan.reach) {
      const degenerate = degenerateReach(reach);
      if (degenerate) context.report({ messageId: 'degenerate', at: { ...reach.at, pointer: child(reach.at.pointer, degenerate.key) }, data: { what: degenerate.what } });
      else if (reach.kind === 'share') checkShare(context, reach);
      else if (reach.kind === 'count') checkCount(context, reach);
      else checkRate(context, reach);
    }
  },
});

type Context = RuleContext<'unreachable' | 'overshoot' | 'exceeds-whole' | 'not-stated' | 'degenerate' | 'zero-base' | 'negative'>;

/** What makes a reach say nothing: no time between its years, or one fact in two roles; and the key to point at. */
function degenerateReach(reach: Reach): { key: string; what: Message } | undefined {
  if (reach.from === reach.to) {
    return { key: 'to', what: { zh: `起止年相同（from 与 to 都是 ${reach.to}）`, en: `it starts and ends in the same year (from and to are both ${reach.to})` } };
  }
  // A count's target and baseline are one fact more often than not (stations in 2020 and in
  // 2025); only an addition that is one of them, or another addition, is degenerate.
  const roles: [string, string][] =
    reach.kind === 'share'
      ? [['part', reach.part], ['whole', reach.whole]]
      : reach.kind === 'count'
        ? [['target', reach.target], ['baseline', reach.baseline], ...reach.additions.map((fact): [string, string] => ['additions', fact])]
        : [['target', reach.target], ['amount', reach.amount], ['base', reach.base]];
  for (let i = 1; i < roles.length; i++) {
    const [key, fact] = roles[i]!;
    const first = roles.slice(0, i).find(([otherKey, other]) => other === fact && !(reach.kind === 'count' && key === 'baseline' && otherKey === 'target'));
    if (first) return { key, what: { zh: `${first[0]} 与 ${key} 是同一个事实 ${fact}`, en: `${first[0]} and ${key} are the same fact ${fact}` } };
  }
  return undefined;
}

function isNegative(statement: FigureStatement): boolean {
  return (statement.value?.num ?? 0n) < 0n || (statement.valueMax?.num ?? 0n) < 0n;
}

function checkShare({ plan, report }: Context, reach: ShareReach): void {
  const target = statedValue(plan, `${reach.part}@${reach.to}`);
  const whole = heldBase(plan, reach.whole, reach.from);
  if (!target || !whole) {
    const what = [...(target ? [] : [`${reach.part}（${reach.to}）`]), ...(whole ? [] : [`${reach.whole}（${reach.from}）`])];
    report({ messageId: 'not-stated', at: reach.at, data: { what: what.join('、') } });
    return;
  }
  const interval = relationInterval(target, plan.approximateTolerance)!;
  if (interval.low === undefined || whole.interval.high === undefined || compare(interval.low, whole.interval.high) <= 0) return;
  report({
    messageId: 'exceeds-whole',
    at: target.at,
    related: whole.from.map((s) => s.at),
    data: {
      name: factName(plan, [target]),
      fact: reach.part,
      about: alike(`${describeMiddle(whole.interval, 0)} ${unitMeaning(target.unit).base}`),
      target: printedFigure(target),
      ref: refOf(target),
      whole: `${describeRounded(whole.interval)} ${unitMeaning(target.unit).base}`,
      wholeFact: reach.whole,
      from: reach.from,
      implied: whole.from.map(describeStatement).join(' + '),
    },
    values: [interval.low, whole.interval.high],
    unit: unitMeaning(target.unit).base,
  });
}

function checkRate({ plan, report }: Context, reach: RateReach): void {
  const tolerance = plan.approximateTolerance;
  const target = statedValue(plan, `${reach.target}@${reach.to}`);
  const amount = statedValue(plan, `${reach.amount}@${reach.from}`);
  const additions = reach.additions.map((key) => statementsByFact(plan).get(key)?.find((s) => s.value !== undefined));
  const base = heldBase(plan, reach.base, reach.from, reach.target);
  const missing = [
    ...(target ? [] : [`${reach.target}（${reach.to}）`]),
    ...(amount ? [] : [`${reach.amount}（${reach.from}）`]),
    ...reach.additions.filter((_, i) => !additions[i]),
    ...(base ? [] : [`${reach.base}（${reach.from}）`]),
  ];
  if (missing.length > 0 || !target || !amount || !base) {
    report({ messageId: 'not-stated', at: reach.at, data: { what: missing.join('、') } });
    return;
  }
  const added = additions as FigureStatement[];
  const negative = [target, amount, ...added].find(isNegative);
  if (negative) {
    report({ messageId: 'negative', at: negative.at, related: [reach.at], data: { figure: describeStatement(negative) } });
    return;
  }
  // Printed 0s stand for [-0.5, 0.5): only their non-negative part is a count.
  const usable = (s: FigureStatement): Interval => nonNegativePart(relationInterval(s, tolerance)!) ?? { low: ZERO, high: ZERO, lowOpen: false, highOpen: false };
  const targetInterval = usable(target);
  const total = addIntervals([amount, ...added].map(usable));
  const reached = divideIntervals(scaleInterval(total, reach.per), base.interval);
  if (!reached) {
    report({
      messageId: 'zero-base',
      at: reach.at,
      related: base.from.map((s) => s.at),
      data: { base: reach.base, from: reach.from, implied: base.from.map(describeStatement).join(' + ') },
    });
    return;
  }
  const per = reach.per.num === 1n && reach.per.den === 1n ? '' : `/${reach.per.num}`;
  const baseText = describeRounded(base.interval);
  const assumed = {
    zh: `${reach.from}年 ${describeStatement(amount)}，加上新增 ${added.map(describeStatement).join('、')}，人口保持在 ${baseText} 人（由 ${base.from.map(describeStatement).join(' 与 ')} 推算）`,
    en: `${describeStatement(amount)} in ${reach.from}, plus ${added.map(describeStatement).join(', ')} added, population held at ${baseText} 人 (implied by ${base.from.map(describeStatement).join(' and ')})`,
  };
  const data = {
    name: factName(plan, [target]),
    fact: reach.target,
    about: alike(`${describeMiddle(reached, 1)}${per}`),
    reached: `${describeRounded(reached)}${per}`,
    target: printedFigure(target),
    ref: refOf(target),
    far: toDecimalString(reach.far),
    assumed,
  };
  const related = [...new Set([amount, ...added, ...base.from])].filter((s) => s !== target).map((s) => s.at);
  const targetLow = targetInterval.low;
  if (reached.high !== undefined && targetLow !== undefined && compare(reached.high, targetLow) < 0) {
    report({ messageId: 'unreachable', at: target.at, related, data, values: [reached.high, targetLow] });
    return;
  }
  const ceiling = targetInterval.high ?? targetLow;
  if (reached.low !== undefined && ceiling !== undefined && compare(reached.low, mul(ceiling, reach.far)) > 0) {
    report({ messageId: 'overshoot', at: target.at, related, data, values: [reached.low, ceiling] });
  }
}

function checkCount({ plan, report }: Context, reach: CountReach): void {
  const reading = readCountReach(plan, reach);
  const { baseline, target, reached, targetInterval, verdict } = reading;
  if (!baseline || !target || !reached || !targetInterval || reading.missing.length > 0) {
    report({ messageId: 'not-stated', at: reach.at, data: { what: reading.missing.join('、') } });
    return;
  }
  if (verdict !== 'short' && verdict !== 'overshoot') return;
  const added = reading.additions;
  const data = {
    name: factName(plan, [target]),
    fact: reach.target,
    about: alike(`${describeMiddle(reached, 1)}${reading.unit}`),
    reached: `${describeRounded(reached)}${reading.unit}`,
    target: printedFigure(target),
    ref: refOf(target),
    far: toDecimalString(reach.far),
    assumed: {
      zh: `${reach.from}年 ${describeStatement(baseline)}，加上新增 ${added.map(describeStatement).join('、')}`,
      en: `${describeStatement(baseline)} in ${reach.from}, plus ${added.map(describeStatement).join(', ')} added`,
    },
  };
  const related = [...new Set([baseline, ...added])].filter((s) => s !== target).map((s) => s.at);
  if (verdict === 'short') report({ messageId: 'unreachable', at: target.at, related, data, values: [reached.high!, targetInterval.low!] });
  else report({ messageId: 'overshoot', at: target.at, related, data, values: [reached.low!, targetInterval.high ?? targetInterval.low!] });
}
