import type { GazetteerName } from './support/gazetteer.js';
import { gazetteerOf } from './support/gazetteer.js';
import { namePairs } from './support/name-pairs.js';
import { defineRule } from './rule.js';

const where = (name: GazetteerName): string => name.at.ref ?? name.at.file;

export const nameVariants = defineRule({
  id: 'name-variants',
  stage: 'audit',
  severity: 'warning',
  description: {
    zh: '规划自身的地名与部门名录中，同级的两个名称只差一个常见的同音或形近字（坪/平），或只差同级的后缀（乡/镇），且其中一个只出现一次：多半是同一名称写错。不同级的名称（大昌镇与大昌村）不报。',
    en: 'In the plan’s own gazetteer of places and departments, two names of one level that differ by a known homophone or look-alike character (坪/平) or by a suffix of the same level (乡/镇), one of them printed only once: probably one name misspelt. Names of different levels (大昌镇 and 大昌村) are not reported.',
  },
  messages: {
    variant: {
      zh: '{rare}（{rareRef}，出现 {rareCount} 次）与 {other}（{otherRef}，出现 {otherCount} 次）只差“{rareChar}”与“{otherChar}”：可能是同一地名的误写',
      en: '{rare} ({rareRef}, printed {rareCount}×) and {other} ({otherRef}, printed {otherCount}×) differ only by {rareChar} and {otherChar}: probably one name misspelt',
    },
    suffix: {
      zh: '{rare}（{rareRef}，出现 {rareCount} 次）与 {other}（{otherRef}，出现 {otherCount} 次）名称相同而后缀不同（{rareChar}/{otherChar}）：可能是同一地名',
      en: '{rare} ({rareRef}, printed {rareCount}×) and {other} ({otherRef}, printed {otherCount}×) have one name with two suffixes of one level ({rareChar}/{otherChar}): probably one place',
    },
  },
  check({ plan, report }) {
    for (const pair of namePairs(gazetteerOf(plan).names.values())) {
      // Any other difference of one character is as often two real places (大塘村, 大坪村) as a slip.
      if (pair.kind === 'one-character') continue;
      report({
        messageId: pair.kind,
        at: pair.rare.at,
        related: [pair.other.at],
        data: {
          rare: pair.rare.name,
          rareRef: where(pair.rare),
          rareCount: pair.rare.count,
          other: pair.other.name,
          otherRef: where(pair.other),
          otherCount: pair.other.count,
          rareChar: pair.differs[0],
          otherChar: pair.differs[1],
        },
      });
    }
  },
});
