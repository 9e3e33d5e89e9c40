/**
 * Where each part of a draft is printed in the published document: a map from a data file's
 * pointer (as the writer emits it) to the place of the block it was drafted from. `plan audit
 * <document>` uses it to show each finding where the analyst reads it (page and line), not in
 * the YAML of a draft they never see.
 */
import type { Place } from '../read/blocks.js';
import { child } from '../pointer.js';
import type { Draft } from './types.js';

/** `file#pointer` → place; the pointers are those write.ts gives the same draft. */
export type DraftPlaces = ReadonlyMap<string, Place>;

export function placesOf(draft: Draft): DraftPlaces {
  const places = new Map<string, Place>();
  const put = (file: string, pointer: string, place: Place | undefined): void => {
    if (place) places.set(`${file}#${pointer}`, place);
  };
  const unread = draft.unread.filter((entry) => entry.part !== undefined);
  for (const [index, entry] of unread.entries()) put('plan.yaml', child('/draft/unread', index), entry.place);
  for (const [index, chapter] of draft.outline.chapters.entries()) {
    put('outline.yaml', child('/chapters', index), chapter.place);
    for (const [at, section] of chapter.sections.entries()) put('outline.yaml', child('/chapters', index, 'sections', at), section.place);
  }
  for (const [index, category] of (draft.indicators?.categories ?? []).entries()) {
    put('indicators.yaml', child('/categories', index), category.place);
    for (const [at, indicator] of category.indicators.entries()) put('indicators.yaml', child('/categories', index, 'indicators', at), indicator.place);
  }
  for (const [index, area] of (draft.services?.areas ?? []).entries()) put('services.yaml', child('/areas', index), area.place);
  for (const [index, box] of draft.boxes.entries()) {
    put('boxes.yaml', child('/boxes', index), box.place);
    for (const [at, item] of box.items.entries()) put('boxes.yaml', child('/boxes', index, 'items', at), item.place);
  }
  // One table is written at the top of projects.yaml; several under /tables, as write.ts does.
  const several = draft.tables.length > 1;
  for (const [tableIndex, table] of draft.tables.entries()) {
    const base = several ? child('/tables', tableIndex) : '';
    put('projects.yaml', base, table.place);
    put('projects.yaml', `${base}/total`, table.totalPlace);
    for (const [index, section] of table.sections.entries()) {
      put('projects.yaml', `${base}${child('/sections', index)}`, section.place);
      // A divided section's own projects first, then each part's, as write.ts writes them.
      const inParts = new Set(section.parts?.flatMap((part) => part.projects));
      const own = section.projects.filter((project) => !inParts.has(project));
      for (const [at, project] of own.entries()) put('projects.yaml', `${base}${child('/sections', index, 'projects', at)}`, project.place);
      for (const [partIndex, part] of (section.parts ?? []).entries()) {
        put('projects.yaml', `${base}${child('/sections', index, 'parts', partIndex)}`, part.place);
        for (const [at, project] of part.projects.entries()) put('projects.yaml', `${base}${child('/sections', index, 'parts', partIndex, 'projects', at)}`, project.place);
      }
    }
  }
  for (const [index, group] of draft.statements.entries()) {
    for (const [at, fact] of group.facts.entries()) put('statements.yaml', child('/statements', index, 'facts', at), fact.place);
    // A declared count or sum stands where its fact (its total) is printed.
    const placeOfFact = (key: string): Place | undefined => group.facts.find((fact) => fact.fact === key)?.place;
    for (const [at, count] of group.counts.entries()) put('statements.yaml', child('/statements', index, 'counts', at), placeOfFact(count.fact));
    for (const [at, sum] of group.sums.entries()) put('statements.yaml', child('/statements', index, 'sums', at), placeOfFact(sum.total));
  }
  return places;
}

/** The place of the nearest drafted part at or above `pointer` in `file` (a file name), if any. */
export function placeAt(places: DraftPlaces, file: string, pointer: string): Place | undefined {
  let at = pointer;
  for (;;) {
    const place = places.get(`${file}#${at}`);
    if (place || at === '') return place;
    at = at.slice(0, Math.max(0, at.lastIndexOf('/')));
  }
}
