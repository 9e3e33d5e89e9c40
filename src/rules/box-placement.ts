import { child } from '../pointer.js';
import { defineRule } from './rule.js';

export const boxPlacement = defineRule({
  id: 'box-placement',
  stage: 'audit',
  severity: 'warning',
  reads: ['boxes', 'outline'],
  description: {
    zh: '目录中各章所列的专栏与专栏本身一致：每个专栏都列在它所在的章下，目录所列的专栏都存在。',
    en: 'The boxes the outline lists under each chapter agree with the boxes: each box is listed under the chapter it stands in, and every box listed exists.',
  },
  messages: {
    'not-in-outline': { zh: '专栏{box} 未列在目录的任何一章下', en: 'box {box} is not listed under any chapter of the outline' },
    'other-chapter': {
      zh: '专栏{box} 标为在第{chapter}章，但目录把它列在第{outlineChapter}章下',
      en: 'box {box} says it stands in chapter {chapter}, but the outline lists it under chapter {outlineChapter}',
    },
    'unknown-box': { zh: '目录第{chapter}章列有专栏{box}，但没有这个专栏', en: 'the outline lists box {box} under chapter {chapter}, but there is no such box' },
  },
  check({ plan, report }) {
    if (plan.chapters.length === 0) return;
    const listedIn = new Map<number, string>();
    for (const chapter of plan.chapters) for (const box of chapter.boxes) listedIn.set(box, chapter.label);
    const boxes = [...plan.tableBoxes.map((box) => ({ ...box, chapter: undefined as string | undefined })), ...plan.boxes];
    const known = new Set(boxes.map((box) => box.number));
    for (const box of boxes) {
      if (box.number === undefined) continue;
      const outlineChapter = listedIn.get(box.number);
      if (outlineChapter === undefined) report({ messageId: 'not-in-outline', at: box.at, data: { box: box.label } });
      else if (box.chapter !== undefined && box.chapter !== outlineChapter) {
        report({ messageId: 'other-chapter', at: box.at, data: { box: box.label, chapter: box.chapter, outlineChapter } });
      }
    }
    // A box listed but not found may be the table of a part the draft left unread (the indicator
    // table or the services list stand in boxes of their own).
    if (plan.unread.some((entry) => entry.part === 'indicators' || entry.part === 'services')) return;
    for (const chapter of plan.chapters) {
      chapter.boxes.forEach((box, index) => {
        if (!known.has(box)) report({ messageId: 'unknown-box', at: { ...chapter.at, pointer: child(chapter.at.pointer, 'boxes', index) }, data: { box, chapter: chapter.label } });
      });
    }
  },
});
