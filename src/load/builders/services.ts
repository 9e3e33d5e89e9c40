import type { ServiceArea } from '../../model.js';
import { child } from '../../pointer.js';
import { numbered, type Builder, type RawFigure } from './draft.js';

interface RawServices {
  box: number;
  total?: RawFigure;
  areas: { name: string; goal?: string; declared?: number; itemsText?: string; items: string[] }[];
}

/** services.yaml, the basic service list: areas, their declared item counts and items, the stated total. */
export const buildServices: Builder = (data, draft) => {
  const raw = data as RawServices;
  const box = raw.box;
  draft.tableBoxes.push(numbered(String(box), box, draft.at('services', '/box', `专栏${box}`)));
  const serviceTotal = raw.total && draft.figure('services', '/total', raw.total, { ref: `专栏${box}` });
  const serviceAreas = raw.areas.map((area, index): ServiceArea => {
    const at = draft.at('services', child('/areas', index), `专栏${box} ${area.name}`);
    draft.text(at, 'goal', area.goal);
    draft.text(at, 'itemsText', area.itemsText);
    return {
      name: area.name,
      items: area.items,
      at,
      ...(area.goal === undefined ? {} : { goal: area.goal }),
      ...(area.declared === undefined ? {} : { declared: area.declared }),
      ...(area.itemsText === undefined ? {} : { itemsText: area.itemsText }),
    };
  });
  return { serviceAreas, ...(serviceTotal ? { serviceTotal } : {}) };
};
