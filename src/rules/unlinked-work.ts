import { printedFigure } from '../figures.js';
import { isMoneyUnit } from '../units.js';
import { defineRule } from './rule.js';
import { worksWithoutProject } from './support/works.js';
import { isUnlistedFacility } from './unlisted-facility.js';

export const unlinkedWork = defineRule({
  id: 'unlinked-work',
  stage: 'audit',
  severity: 'warning',
  reads: ['appendix', 'boxes'],
  description: {
    zh: '专栏中带有规模数字的重点工程应对应附表项目；没有对应项目的，报告其不在附表中（与有附表行的工程同列的设施由 unlisted-facility 报告）。',
    en: 'A key work in a box that states a scale (figures) corresponds to appendix projects; one without is reported as absent from the appendix (a facility beside works with rows is unlisted-facility\'s finding).',
  },
  messages: {
    'not-in-appendix': {
      zh: '{ref} “{work}” 列有规模（{figures}），但附表中没有对应项目',
      en: "{ref} '{work}' states a scale ({figures}) but has no project in the appendix",
    },
  },
  check({ plan, report }) {
    for (const { item, work } of worksWithoutProject(plan)) {
      const scale = item.facts.filter((f) => f.value !== undefined && !isMoneyUnit(f.unit));
      // A facility beside works that have rows is unlisted-facility's finding: one finding a work.
      if (scale.length === 0 || isUnlistedFacility(work, item.works)) continue;
      report({
        messageId: 'not-in-appendix',
        at: work.at,
        data: { ref: item.at.ref ?? '', work: work.name, figures: scale.map(printedFigure).join('，') },
      });
    }
  },
});

