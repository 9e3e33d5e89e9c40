import { describe, expect, it } from 'vitest';
import { quotePlace, quotePlaces, sourceText, standsIn } from '../src/source-text.js';

describe('quotes in the published text', () => {
  it.each([
    { name: 'within a line', text: '第一句。建筑面积70000㎡。', quote: '建筑面积70000㎡', places: [[4, 14]] },
    { name: 'twice', text: '床位500张，床位500张', quote: '床位500张', places: [[0, 6], [7, 13]] },
    { name: 'across a printed line break, with the padding around it', text: '新建保障性租赁住房1000套，建筑面 \n\t积80000㎡。', quote: '建筑面积80000㎡', places: [[15, 28]] },
    { name: 'across a CRLF break', text: '棚户区改造\r\n1000户', quote: '棚户区改造1000户', places: [[0, 12]] },
    { name: 'not at all', text: '建筑面积70000㎡。', quote: '建筑面积80000㎡', places: [] },
    { name: 'an empty quote', text: '建筑面积70000㎡。', quote: '', places: [] },
  ])('finds a quote $name', ({ text, quote, places }) => {
    const source = sourceText(text);
    expect(quotePlaces(source, quote)).toEqual(places);
    expect(quotePlace(source, quote)).toEqual(places[0]);
    expect(standsIn(source, quote)).toBe(places.length > 0);
  });

  it('finds a wrapped cell of a space-aligned row by its parts, placed at the first part', () => {
    const text = ['1   将甲镇卫生院建设为区域   县卫生健康委   新建', '    医疗次中心   （牵头）      ，新增业务用房2000㎡'].join('\n');
    const [start, end] = quotePlace(sourceText(text), '将甲镇卫生院建设为区域医疗次中心，新增业务用房2000㎡')!;
    expect(text.slice(start, end)).toMatch(/^将甲镇卫生院建设为区域 .*2000㎡$/s);
    // Out of order, or a part the row does not print: not found.
    expect(standsIn(sourceText(text), '医疗次中心将甲镇卫生院建设为区域')).toBe(false);
    expect(standsIn(sourceText(text), '将甲镇卫生院建设为区域医疗中心')).toBe(false);
  });

  it('compares full-width forms folded, the place in the printed text', () => {
    const text = '在１５所学校开展ＡＩ课程。';
    expect(quotePlace(sourceText(text), '在15所学校开展AI课程')).toEqual([0, 12]);
  });

  it('spans the printed text of a quote across a break, break included', () => {
    const text = '前文，建筑面\n积约70000㎡，后文。';
    const [start, end] = quotePlace(sourceText(text), '建筑面积约70000㎡')!;
    expect(text.slice(start, end)).toBe('建筑面\n积约70000㎡');
  });

  // The text without breaks, character by character, as it was first written: the oracle.
  function joinedOracle(text: string): { joined: string; offsets: number[]; lineStarts: number[] } {
    const pad = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\u3000';
    let joined = '';
    const offsets: number[] = [];
    const lineStarts = [0];
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\r' || c === '\n') {
        while (joined.length > 0 && pad(joined.at(-1))) {
          joined = joined.slice(0, -1);
          offsets.pop();
        }
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        lineStarts.push(i);
        while (i < text.length && pad(text[i])) i++;
        continue;
      }
      offsets.push(i);
      joined += c;
      i++;
    }
    return { joined, offsets, lineStarts };
  }

  it('joins the lines as the character-by-character oracle does, on 3 000 random texts', () => {
    const alphabet = ['建', 'a', '1', ' ', '\t', '\u3000', '\n', '\r', '\r\n'];
    let seed = 20261204;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 3000; run++) {
      const text = Array.from({ length: random(24) }, () => alphabet[random(alphabet.length)]!).join('');
      const source = sourceText(text);
      expect({ joined: source.joined, offsets: [...source.offsets], lineStarts: source.lineStarts }, JSON.stringify(text)).toEqual(joinedOracle(text));
    }
  });
});
