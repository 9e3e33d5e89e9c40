import type { FigureStatement, IndicatorCategory } from '../../model.js';
import { parseChineseNumeral } from '../../numerals.js';
import { child } from '../../pointer.js';
import { numbered, type Builder, type RawFigure } from './draft.js';

interface RawIndicators {
  /** The box holding the table, or `table`, the label of a table in no box (表1). */
  box?: number;
  table?: string;
  columns?: { baseline?: number; target?: number };
  note?: string;
  categories: {
    numeral: string;
    name: string;
    indicators: {
      serial: number;
      name: string;
      fact: string;
      unit: string;
      baseline: RawFigure;
      target: RawFigure;
      attribute: string;
      better?: 'higher' | 'lower' | 'none';
    }[];
  }[];
}

/**
 * indicators.yaml, the indicator table. A cell takes its fact key and unit from its row and its
 * period from the plan: the baseline is the year before the plan (the five years before, when
 * 【】 cumulative), the target the plan's last year (the plan period, when cumulative).
 */
export const buildIndicators: Builder = (data, draft) => {
  const raw = data as RawIndicators;
  const { start, end } = draft.period;
  const years = end - start + 1;
  const box = raw.box;
  // The schema holds one of the two: a box, or the label of a table in no box.
  const place = box === undefined ? raw.table!.replace(/\s+/gu, '') : `专栏${box}`;
  if (box !== undefined) draft.tableBoxes.push(numbered(String(box), box, draft.at('indicators', '/box', place)));
  draft.text(draft.at('indicators', '', place), 'note', raw.note);
  const indicatorCategories = raw.categories.map((category, index): IndicatorCategory => {
    const pointer = child('/categories', index);
    return {
      ...numbered(category.numeral, parseChineseNumeral(category.numeral), draft.at('indicators', pointer, `${place} ${category.numeral}、${category.name}`)),
      name: category.name,
      indicators: category.indicators.map((row, rowIndex) => {
        const rowPointer = child(pointer, 'indicators', rowIndex);
        const ref = `${place} 序号${row.serial}`;
        const rowAt = draft.at('indicators', rowPointer, ref);
        draft.text(rowAt, 'name', row.name);
        const cell = (column: 'baseline' | 'target', cumulativePeriod: string, yearPeriod: string): FigureStatement =>
          draft.figure('indicators', child(rowPointer, column), row[column], {
            ref: `${ref} ${yearPeriod}年`,
            fact: row.fact,
            unit: row.unit,
            period: row[column].cumulative ? cumulativePeriod : yearPeriod,
          });
        return {
          ...numbered(String(row.serial), row.serial, rowAt),
          name: row.name,
          fact: row.fact,
          unit: row.unit,
          attribute: row.attribute,
          better: row.better ?? 'none',
          baseline: cell('baseline', `${start - years}-${start - 1}`, String(raw.columns?.baseline ?? start - 1)),
          target: cell('target', `${start}-${end}`, String(raw.columns?.target ?? end)),
        };
      }),
    };
  });
  return {
    indicatorCategories,
    ...(box === undefined ? {} : { indicatorBox: box }),
    indicatorPlace: place,
    ...(raw.columns ? { indicatorColumns: { ...raw.columns, at: draft.at('indicators', '/columns', place) } } : {}),
  };
};
