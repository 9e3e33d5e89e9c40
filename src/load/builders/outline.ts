import type { Chapter } from '../../model.js';
import { parseChineseNumeral } from '../../numerals.js';
import { child } from '../../pointer.js';
import { numbered, type Builder } from './draft.js';

interface RawOutline {
  chapters: { numeral: string; title: string; sections?: { numeral: string; title: string }[]; boxes?: number[] }[];
}

/** outline.yaml: chapters and sections with their printed numerals, and the boxes of each chapter. */
export const buildOutline: Builder = (data, draft) => {
  const chapters = (data as RawOutline).chapters.map((chapter, index): Chapter => {
    const pointer = child('/chapters', index);
    const ref = `第${chapter.numeral}章`;
    const at = draft.at('outline', pointer, ref);
    draft.text(at, 'title', chapter.title);
    return {
      ...numbered(chapter.numeral, parseChineseNumeral(chapter.numeral), at),
      title: chapter.title,
      boxes: chapter.boxes ?? [],
      sections: (chapter.sections ?? []).map((section, sectionIndex) => {
        const sectionAt = draft.at('outline', child(pointer, 'sections', sectionIndex), `${ref}第${section.numeral}节`);
        draft.text(sectionAt, 'title', section.title);
        return { ...numbered(section.numeral, parseChineseNumeral(section.numeral), sectionAt), title: section.title };
      }),
    };
  });
  return { chapters };
};
