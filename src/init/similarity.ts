/** Name likeness for linking box works to appendix projects and prose to tables. */

/** Pairs of each text once: a draft compares every work with every project. */
const BIGRAMS = new Map<string, Map<string, number>>();

function bigrams(text: string): Map<string, number> {
  const known = BIGRAMS.get(text);
  if (known) return known;
  if (BIGRAMS.size > 100_000) BIGRAMS.clear();
  const chars = [...text];
  const grams = new Map<string, number>();
  for (let index = 0; index + 1 < chars.length; index += 1) {
    const gram = chars[index]! + chars[index + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  BIGRAMS.set(text, grams);
  return grams;
}

/** Digits, spaces and punctuation carry no likeness: two clauses about different amounts of one thing are alike. */
export function words(text: string): string {
  return text.replace(/[\d.．%％\s，。；：、,;:“”"'‘’《》【】]/gu, '');
}

/**
 * Likeness of two names in [0, 1]: the mean of the Dice coefficient and the overlap coefficient
 * of their character pairs, so that a short name inside a long one scores well without a
 * one-pair coincidence scoring at all.
 */
export function likeness(a: string, b: string): number {
  const left = bigrams(words(a));
  const right = bigrams(words(b));
  let sizeLeft = 0;
  let sizeRight = 0;
  for (const count of left.values()) sizeLeft += count;
  for (const count of right.values()) sizeRight += count;
  if (sizeLeft === 0 || sizeRight === 0) return 0;
  let common = 0;
  for (const [gram, count] of left) common += Math.min(count, right.get(gram) ?? 0);
  if (common < 2 && Math.min(sizeLeft, sizeRight) > 1) return 0;
  const dice = (2 * common) / (sizeLeft + sizeRight);
  const overlap = common / Math.min(sizeLeft, sizeRight);
  return (dice + overlap) / 2;
}

/**
 * Likeness of a prose clause to a name, where the words may come in another order
 * (新增城镇就业 for 城镇新增就业): the mean of the pair likeness and the same measure on single
 * characters.
 */
export function looseLikeness(a: string, b: string): number {
  const left = [...words(a)];
  const right = [...words(b)];
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of right) counts.set(char, (counts.get(char) ?? 0) + 1);
  let common = 0;
  for (const char of left) {
    const count = counts.get(char) ?? 0;
    if (count > 0) {
      common += 1;
      counts.set(char, count - 1);
    }
  }
  const single = ((2 * common) / (left.length + right.length) + common / Math.min(left.length, right.length)) / 2;
  return (likeness(a, b) + single) / 2;
}
