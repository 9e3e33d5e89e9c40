import type { Box, BoxItem, ProjectLink } from '../../model.js';
import { child } from '../../pointer.js';
import { numbered, type Builder, type RawContainer } from './draft.js';

/** A serial of the only table (`3`), or serials of a named table or section (`{ table: 2, serials: [11] }`, `{ section: 二, serials: [3] }`). */
type RawLink = number | { table?: number; section?: string; serials: number[] };

const links = (raw: readonly RawLink[]): ProjectLink[] =>
  raw.flatMap((link) =>
    typeof link === 'number'
      ? [{ serial: link }]
      : link.serials.map((serial) => ({ ...(link.table === undefined ? {} : { table: link.table }), ...(link.section === undefined ? {} : { section: link.section }), serial })),
  );

interface RawBoxes {
  boxes: {
    number: number;
    title: string;
    chapter?: string;
    items: ({ number: number; title: string; text?: string; works: { name: string; projects: RawLink[] }[] } & RawContainer)[];
  }[];
}

/** boxes.yaml: the key-works boxes, their items, figures, and the appendix projects each work is. */
export const buildBoxes: Builder = (data, draft) => {
  const boxes = (data as RawBoxes).boxes.map((box, index): Box => {
    const pointer = child('/boxes', index);
    const ref = `专栏${box.number}`;
    return {
      ...numbered(String(box.number), box.number, draft.at('boxes', pointer, ref)),
      title: box.title,
      ...(box.chapter === undefined ? {} : { chapter: box.chapter }),
      items: box.items.map((item, itemIndex): BoxItem => {
        const itemPointer = child(pointer, 'items', itemIndex);
        const itemRef = `${ref} 第${item.number}项`;
        const itemAt = draft.at('boxes', itemPointer, itemRef);
        draft.text(itemAt, 'text', item.text);
        return {
          ...numbered(String(item.number), item.number, itemAt),
          title: item.title,
          text: item.text ?? '',
          works: item.works.map((work, workIndex) => ({
            name: work.name,
            projects: links(work.projects),
            at: draft.at('boxes', child(itemPointer, 'works', workIndex), itemRef),
          })),
          facts: draft.container('boxes', itemPointer, item, itemRef, item.text),
        };
      }),
    };
  });
  return { boxes };
};
