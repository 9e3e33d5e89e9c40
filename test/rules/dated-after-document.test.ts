import { datedAfterDocument } from '../../src/rules/dated-after-document.js';
import { P } from '../helpers.js';
import { testRule } from '../rule-tester.js';

// The mini plan is dated 2023-01-01; its review of the last five years is this sentence.
const REVIEW = '建成社区服务站12个。';
const review = (added: string) => [P('source.txt', REVIEW, `${REVIEW}${added}`)];

testRule(datedAfterDocument, {
  valid: [
    { name: 'an event dated before the document', patches: review('2022年12月，建成县级综合服务中心。') },
    { name: 'a target date (到2023年6月)', patches: review('到2023年6月，建成县级综合服务中心。') },
    { name: 'a plan: 计划于…', patches: review('计划于2023年5月建成县级综合服务中心。') },
    { name: 'a plan: 2023年5月启动', patches: review('县级综合服务中心2023年5月启动建设。') },
    { name: 'a deadline: 2023年6月前', patches: review('2023年6月前完成县级综合服务中心选址。') },
    { name: 'a plan worded after its date: 2023年6月将投入使用', patches: review('县级综合服务中心2023年6月将投入使用。') },
    { name: 'a plan worded after its date: 2023年6月预计完工', patches: review('县级综合服务中心2023年6月预计完工。') },
    { name: 'a date printed in full-width digits, before the document', patches: review('２０２２年１２月，建成县级综合服务中心。') },
    { name: 'a year alone (a year of the plan’s work)', patches: review('2024年建成县级综合服务中心。') },
    { name: 'a plan with no date', patches: [P('plan.yaml', 'date: 2023-01-01\n', '')] },
  ],
  invalid: [
    {
      name: 'an event reported as achieved, dated after the document',
      patches: review('2023年5月，建成县级综合服务中心。'),
      errors: [{ messageId: 'after-document', file: 'source.txt', at: '2023年5月，建成', data: { printed: '2023年5月', date: '2023-01-01' } }],
    },
    {
      name: 'an event dated after the document in full-width digits',
      patches: review('２０２３年５月，建成县级综合服务中心。'),
      errors: [{ messageId: 'after-document', file: 'source.txt', at: '２０２３年５月，建成', data: { printed: '２０２３年５月', date: '2023-01-01' } }],
    },
    {
      name: 'a month of the document’s year later than its month',
      patches: [P('plan.yaml', 'date: 2023-01-01', 'date: 2023-03-15'), ...review('截至2023年4月，全县已建成服务中心3个。')],
      errors: [{ messageId: 'after-document', file: 'source.txt', at: '截至2023年4月', data: { printed: '2023年4月', date: '2023-03-15' } }],
    },
  ],
});
