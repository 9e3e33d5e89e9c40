import { child } from '../pointer.js';
import { projectsOf } from './support/works.js';
import { defineRule } from './rule.js';

/**
 * What a name says it is stands at its end (Chinese names are head-final): 殡仪馆, 特殊教育学校.
 * The endings every project carries (建设项目, 工程, 改造 …) and brackets (（二期）) say nothing
 * about which facility it is, so they are cut first.
 */
const GENERIC_ENDINGS = /(建设项目|建设工程|项目建设|建设及维护|及维护|项目|工程|建设|改扩建|改造提升|改造|提档升级|提升|整治更新|整治|更新|计划)$/;
const HEAD_LENGTH = 4;
/** Below this share of the head's characters, two names share little. */
const LITTLE = 0.5;

function heads(name: string): string[] {
  const plain = name.replace(/[（(][^）)]*[）)]/g, '').replace(/[“”"\s]/g, '');
  // 公墓和集中安葬点: a name of two facilities has two heads.
  return plain.split(/[和及、]/).map((part) => {
    let text = part;
    for (let cut = text.replace(GENERIC_ENDINGS, ''); cut !== text && cut.length > 0; cut = text.replace(GENERIC_ENDINGS, '')) text = cut;
    return text.slice(-HEAD_LENGTH);
  });
}

/** The largest share of one head's characters found in a head of the other name. */
export function headShare(a: string, b: string): number {
  let best = 0;
  for (const x of heads(a)) {
    for (const y of heads(b)) {
      // Distinct characters: 学校二校 and 江东特校 share one character (校), not two.
      const [small, large] = [new Set(x), new Set(y)].sort((p, q) => p.size - q.size) as [Set<string>, Set<string>];
      const shared = [...small].filter((c) => large.has(c)).length;
      best = Math.max(best, small.size === 0 ? 0 : shared / small.size);
    }
  }
  return best;
}

export const workProjectNames = defineRule({
  id: 'work-project-names',
  stage: 'audit',
  severity: 'info',
  reads: ['appendix', 'boxes'],
  description: {
    zh: '专栏重点工程与其链接的唯一附表项目，名称的主体（去掉“建设项目”“工程”等通用结尾后的末尾几个字）应大致相同；相差很大时并列两个名称，可能是同一设施的两个名字。',
    en: 'A key work and the one appendix project it links to name the same facility: the heads of their names (the last characters, once endings such as 建设项目 and 工程 are cut) share most characters. When they share little, both names are shown: one facility under two names.',
  },
  messages: {
    'names-differ': {
      zh: '{workRef} 的“{work}”与其链接的 {projectRef}“{project}”名称几乎不同，可能是同一设施的两个名字',
      en: '“{work}” at {workRef} and the project it links to, “{project}” at {projectRef}, share little of their names: one facility under two names?',
    },
  },
  check({ plan, report }) {
    for (const box of plan.boxes) {
      for (const item of box.items) {
        for (const work of item.works) {
          // A work of several projects is an umbrella (托育机构建设 for four centres), not a facility.
          if (work.projects.length !== 1) continue;
          // A serial printed twice names no one project: box-project-link reports it.
          const [project, twin] = projectsOf(plan, work.projects[0]!) ?? [];
          if (!project || twin || headShare(work.name, project.name) >= LITTLE) continue;
          report({
            messageId: 'names-differ',
            at: { ...work.at, pointer: child(work.at.pointer, 'name'), quote: item.text || work.name },
            related: [{ ...project.at, pointer: child(project.at.pointer, 'name'), quote: project.name }],
            data: { work: work.name, workRef: work.at.ref ?? '', project: project.name, projectRef: project.at.ref ?? '' },
          });
        }
      }
    }
  },
});
