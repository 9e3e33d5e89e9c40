import type { GazetteerName } from './gazetteer.js';

/**
 * Characters that place names are often mistyped with: homophones that differ by a radical
 * (坪/平, 塘/唐), and forms that look alike. A known list, not a guess: any other difference of
 * one character may be two real places (two villages 大塘村 and 大坪村).
 */
const VARIANT_PAIRS: readonly string[] = [
  '坪平', '塘唐', '溪西', '湾弯', '垭丫', '垭亚', '坝霸', '坝巴', '沱陀', '岭领', '堡保', '峰锋',
  '坡陂', '嘴咀', '场厂', '坊方', '桥乔', '沟勾', '岩崖', '垄陇', '埠阜', '洲州', '渡度', '滩摊',
  '岗冈', '垅陇', '圩墟', '涌冲', '漕曹', '淌躺', '垴脑', '塝磅', '峪谷', '沅元', '潭谭',
];
const VARIANTS = new Set(VARIANT_PAIRS.flatMap((pair) => [pair, [...pair].reverse().join('')]));

export type PairKind = 'suffix' | 'variant' | 'one-character';

/** A pair of names that may be one name written two ways. */
export interface NamePair {
  readonly kind: PairKind;
  readonly rare: GazetteerName;
  readonly other: GazetteerName;
  /** The characters that differ, as printed in `rare` and in `other`. */
  readonly differs: readonly [string, string];
}

function oneDifference(a: string, b: string): [string, string] | undefined {
  if (a.length !== b.length) return undefined;
  let found: [string, string] | undefined;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (found) return undefined;
    found = [a[i]!, b[i]!];
  }
  return found;
}

/**
 * Pairs of names of one class (township, village, department) that differ by one character of
 * the stem or by their suffix (大昌乡 and 大昌镇), where one of them is printed only once.
 * Different classes are different places: 大昌镇 and 大昌村 are a township and its village.
 * Names meet through keys (the stem with one character blanked, the stem without its suffix),
 * so the work grows with the names, not with their pairs.
 */
export function namePairs(names: Iterable<GazetteerName>): NamePair[] {
  const buckets = new Map<string, GazetteerName[]>();
  const put = (key: string, name: GazetteerName): void => {
    const bucket = buckets.get(key);
    if (bucket) bucket.push(name);
    else buckets.set(key, [name]);
  };
  for (const name of names) {
    put(`stem\u0000${name.cls}\u0000${name.stem}`, name);
    const chars = [...name.stem];
    for (let i = 0; i < chars.length; i++) {
      put(`blank\u0000${name.cls}\u0000${name.suffix}\u0000${i}\u0000${[...chars.slice(0, i), '', ...chars.slice(i + 1)].join('\u0001')}`, name);
    }
  }
  const pairs: NamePair[] = [];
  const seen = new Set<string>();
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const [a, b] = [bucket[i]!, bucket[j]!];
        const key = [a.name, b.name].sort().join('\u0000');
        if (a.count > 1 && b.count > 1) continue;
        if (seen.has(key)) continue;
        // The rarer first; on a tie, the one the data holds (the published text's only is the other).
        const inText = (n: GazetteerName): number => (n.at.line === undefined ? 0 : 1);
        const [rare, other] = (a.count - b.count || inText(a) - inText(b)) <= 0 ? [a, b] : [b, a];
        if (a.stem === b.stem && a.suffix !== b.suffix) {
          seen.add(key);
          pairs.push({ kind: 'suffix', rare, other, differs: [rare.suffix, other.suffix] });
          continue;
        }
        if (a.suffix !== b.suffix) continue;
        const differs = oneDifference(rare.stem, other.stem);
        if (!differs) continue;
        seen.add(key);
        pairs.push({ kind: VARIANTS.has(differs.join('')) ? 'variant' : 'one-character', rare, other, differs });
      }
    }
  }
  return pairs;
}
