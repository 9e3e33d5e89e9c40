// The bundled plan as a document, rebuilt from its own YAML: outline headings, the prose figures'
// quotes as paragraphs, the indicator table, the service list, the boxes and the appendix. Its
// renderings in every form must draft back to the same projects, subtotals, total, indicator
// rows and box items (the round trip).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const TRAILING_BOUNDS = new Set(['以上', '以内', '以下']);

/** A cell or figure as printed: 约, bounds, 【】 and non-numeric text, as figures.ts prints them. */
function printed(cell) {
  if (cell.text !== undefined) return cell.text;
  let number = cell.valueMax === undefined ? String(cell.value) : `${cell.value}-${cell.valueMax}`;
  if (cell.cumulative === 'true') number = `【${number}】`;
  const bound = cell.bound ?? '';
  const leading = bound && !TRAILING_BOUNDS.has(bound) ? bound : '';
  const trailing = TRAILING_BOUNDS.has(bound) ? bound : '';
  return `${cell.approx === 'true' ? '约' : ''}${leading}${number}${trailing}`;
}

export function bundledDocument(planDir) {
  const load = (name) => {
    try {
      // Failsafe: every scalar as its text, so numbers keep their printed places (2.20 stays 2.20).
      return parse(readFileSync(new URL(name, planDir), 'utf8'), { schema: 'failsafe' });
    } catch {
      return undefined;
    }
  };
  const plan = load('plan.yaml');
  const outline = load('outline.yaml');
  const indicators = load('indicators.yaml');
  const services = load('services.yaml');
  const boxes = load('boxes.yaml')?.boxes ?? [];
  const projects = load('projects.yaml');
  const statements = load('statements.yaml')?.statements ?? [];

  const document = [{ kind: 'title', text: plan.title }];
  const prose = (chapter, section) =>
    statements
      .filter((group) => group.chapter === chapter && (group.section ?? null) === (section ?? null))
      .flatMap((group) => group.facts ?? [])
      .map((fact) => fact.quote)
      .filter((quote, index, all) => quote && all.indexOf(quote) === index);
  const boxBlock = (number) => {
    if (indicators && Number(indicators.box) === number) {
      const years = indicators.columns ?? { baseline: Number(plan.period.start) - 1, target: plan.period.end };
      return {
        kind: 'table',
        title: `专栏${number}  ${indicators.title}`,
        box: number,
        header: ['序号', '指标', '单位', `${years.baseline}年`, `${years.target}年`, '指标属性'],
        rows: indicators.categories.flatMap((category) => [
          { kind: 'category', cells: [`${category.numeral}、${category.name}`, '', '', '', '', ''] },
          ...category.indicators.map((row) => ({ kind: 'row', cells: [String(row.serial), row.name, row.unit, printed(row.baseline), printed(row.target), row.attribute] })),
        ]),
        note: indicators.note,
      };
    }
    if (services && Number(services.box) === number) {
      return {
        kind: 'table',
        title: `专栏${number}  ${services.title}`,
        box: number,
        header: ['服务领域', '服务目标', '服务项目'],
        rows: services.areas.map((area) => ({ kind: 'row', cells: [area.name, area.goal ?? '', area.itemsText ?? area.items.join('、')] })),
      };
    }
    const box = boxes.find((b) => Number(b.number) === number);
    if (!box) return undefined;
    return { kind: 'box', title: `专栏${number}  ${box.title}`, box: number, items: box.items.map((item) => `${item.number}.${item.title}。${item.text ?? ''}`) };
  };
  for (const chapter of outline.chapters) {
    document.push({ kind: 'heading', level: 1, text: `第${chapter.numeral}章  ${chapter.title}` });
    for (const text of prose(chapter.numeral)) document.push({ kind: 'paragraph', text: `${text}。` });
    for (const section of chapter.sections ?? []) {
      document.push({ kind: 'heading', level: 2, text: `第${section.numeral}节  ${section.title}` });
      for (const text of prose(chapter.numeral, section.numeral)) document.push({ kind: 'paragraph', text: `${text}。` });
    }
    for (const number of chapter.boxes ?? []) {
      const block = boxBlock(Number(number));
      if (block) document.push(block);
      if (block?.note) document.push({ kind: 'paragraph', text: block.note });
    }
  }
  const tables = projects.tables ?? [projects];
  for (const table of tables) {
    document.push({
      kind: 'table',
      title: `${table.number === undefined ? '附表' : `附表${table.number}`}  ${table.title ?? ''}`.trim(),
      appendix: Number(table.number ?? 0),
      header: ['序号', '项目名称', '责任部门', '建设性质', '建设地址', '建设内容及规模', '建设起止年限', '投资估算（万元）'],
      rows: [
        ...(table.total === undefined ? [] : [{ kind: 'total', cells: ['合计', '', '', '', '', '', '', String(table.total)] }]),
        ...table.sections.flatMap((section) => [
          { kind: 'section', cells: [`${section.numeral}、${section.name}`, '', '', '', '', '', '', section.subtotal === undefined ? '' : String(section.subtotal)] },
          ...section.projects.map((p) => ({
            kind: 'row',
            cells: [
              String(p.serial),
              p.name,
              (p.departments ?? []).join('、'),
              Array.isArray(p.nature) ? p.nature.join('或') : (p.nature ?? ''),
              p.location ?? '',
              p.content ?? '',
              p.start === undefined ? '' : `${p.start}-${p.end ?? ''}`,
              p.investment === undefined ? '' : String(p.investment),
            ],
          })),
        ]),
      ],
    });
  }
  return { title: plan.title, document };
}
