import { defineRule } from './rule.js';
import { worksWithoutProject } from './support/works.js';
import { isUnlistedFacility } from './unlisted-facility.js';

export const policyWork = defineRule({
  id: 'policy-work',
  stage: 'audit',
  severity: 'info',
  reads: ['appendix', 'boxes'],
  description: {
    zh: '专栏中既无规模也无投资、附表中也没有对应项目的重点工程（政策性措施），列出以供核对；未列入附表的设施由 unlisted-facility 报告。',
    en: 'Key works in a box with no scale, no money and no appendix project (policy measures), listed for review; an unlisted facility is unlisted-facility\'s finding.',
  },
  messages: {
    'no-project': {
      zh: '{ref} “{work}” 无规模、无投资，附表中没有对应项目',
      en: "{ref} '{work}' has no scale, no money and no appendix project",
    },
  },
  check({ plan, report }) {
    for (const { item, work } of worksWithoutProject(plan)) {
      if (item.facts.some((f) => f.value !== undefined) || isUnlistedFacility(work, item.works)) continue;
      report({ messageId: 'no-project', at: work.at, data: { ref: item.at.ref ?? '', work: work.name } });
    }
  },
});

