import type { BoxWork } from '../model.js';
import { defineRule } from './rule.js';

/**
 * Name endings of a built thing: a facility or a construction project. A programme, a service or
 * an activity (培训, 服务, 行动, 制度 …) ends otherwise and stays a policy work.
 */
const FACILITY_ENDINGS = ['项目', '工程', '中心', '基地', '馆', '场', '院', '校', '园', '站', '楼', '室', '所', '宫', '厂', '库', '池', '道', '桥'];

export function namesFacility(name: string): boolean {
  const bare = name.replace(/[（(][^）)]*[）)]$/, '');
  return FACILITY_ENDINGS.some((ending) => bare.endsWith(ending));
}

/** True when a work without an appendix row names a facility, beside works of its item that have rows. */
export function isUnlistedFacility(work: BoxWork, siblings: readonly BoxWork[]): boolean {
  return work.projects.length === 0 && namesFacility(work.name) && siblings.some((other) => other !== work && other.projects.length > 0);
}

export const unlistedFacility = defineRule({
  id: 'unlisted-facility',
  stage: 'audit',
  severity: 'warning',
  reads: ['appendix', 'boxes'],
  description: {
    zh: '专栏一项中其他工程都对应附表项目时，名称为设施或建设项目（…项目、…工程、…中心、…馆、…场、…院、…校、…园）的工程却没有附表行。',
    en: 'A key work named as a facility or construction project (…项目, …工程, …中心, …馆, …场, …院, …校, …园) with no appendix row, in a box item whose other works are appendix projects.',
  },
  messages: {
    'no-row': {
      zh: '{ref} “{work}” 是设施或建设项目，同项的 “{listed}” 都列入附表，它却没有附表行',
      en: "{ref} '{work}' names a facility or construction project, but unlike '{listed}' of the same item it has no appendix row",
    },
  },
  check({ plan, report }) {
    for (const box of plan.boxes) {
      for (const item of box.items) {
        const listed = item.works.filter((work) => work.projects.length > 0);
        for (const work of item.works) {
          if (!isUnlistedFacility(work, item.works)) continue;
          report({
            messageId: 'no-row',
            at: work.at,
            data: { ref: item.at.ref ?? '', work: work.name, listed: listed.map((w) => w.name).slice(0, 3).join('、') + (listed.length > 3 ? '…' : '') },
          });
        }
      }
    }
  },
});
