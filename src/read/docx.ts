/**
 * A Word document (.docx) into the document model: fflate inflates the parts as a stream,
 * counting every inflated byte against a cap (declared sizes are never trusted), and saxes parses
 * the XML. Paragraphs, headings (by style and by printed number), tables with merged cells,
 * nested tables, automatic list numbering and text boxes.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Block, BoxBlock, Cell, DocumentModel, Paragraph, Place, ReadRefusal, ReadResult, TableRow } from './blocks.js';
import { BOX_TITLE, cleanText, headingOf, isTextCodePoint, styledHeading } from './lines.js';
import { headingLine } from './source.js';

/** Bounds on what a .docx may cost, whatever its parts declare. */
export interface DocxLimits {
  /** Bytes inflated across all parts read; past it the file is refused as a zip bomb. */
  readonly inflatedBytes: number;
  /** Entries in the archive. */
  readonly entries: number;
  /** Tables inside tables; Word itself stops far below this. */
  readonly tableDepth: number;
  /** Elements inside elements. */
  readonly elementDepth: number;
}

/** A plan's document.xml is a few MB to a few tens of MB; 100 MB inflated is no plan. */
export const DOCX_LIMITS: DocxLimits = { inflatedBytes: 100 * 1024 * 1024, entries: 20_000, tableDepth: 32, elementDepth: 512 };

/** The parts read; every other entry is skipped without being inflated. */
const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';
/** Compressed bytes handed to the inflater at a time: one push can inflate to at most ~1,032 times this. */
const PUSH_BYTES = 16 * 1024;
/** Inflated bytes past which the ratio to the compressed bytes read is watched, and the ratio refused. */
const RATIO_FLOOR = 4 * 1024 * 1024;
const MAX_RATIO = 200;

class Refused extends Error {
  constructor(readonly refusal: ReadRefusal) {
    super(refusal.refused);
  }
}

/** A name that would land outside the folder it is unpacked into (zip-slip), or is not a plain relative path. */
function unsafeName(name: string): boolean {
  if (name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.includes('\0')) return true;
  return name.split('/').some((segment) => segment === '..');
}

/**
 * Streams the archive, handing each wanted part's inflated bytes to `sink` as they come and
 * counting them; refuses past the cap, on an unsafe name, or on too many entries.
 */
function unzipParts(bytes: Uint8Array, wanted: ReadonlySet<string>, sink: (name: string, chunk: Uint8Array, final: boolean) => void, limits: DocxLimits): void {
  let inflated = 0;
  let entries = 0;
  // fflate catches what a callback throws and hands it back as an error; the refusal is kept here.
  let refusal: Refused | undefined;
  const refuse = (value: ReadRefusal): never => {
    refusal = new Refused(value);
    throw refusal;
  };
  const unzip = new Unzip((file: UnzipFile) => {
    entries += 1;
    if (entries > limits.entries) refuse({ refused: 'zip-bomb', detail: `more than ${limits.entries} entries` });
    if (unsafeName(file.name)) refuse({ refused: 'bad-docx', detail: `unsafe entry name ${JSON.stringify(file.name.slice(0, 200))}` });
    if (!wanted.has(file.name)) return;
    file.ondata = (error, chunk, final) => {
      if (refusal !== undefined) throw refusal;
      if (error) refuse({ refused: 'bad-docx', detail: `${file.name}: ${error.message}` });
      inflated += chunk.length;
      // XML deflates 5 to 20 times; a thousand times is a bomb, known long before the cap.
      if (inflated > RATIO_FLOOR && inflated > pushed * MAX_RATIO) {
        file.terminate();
        refuse({ refused: 'zip-bomb', detail: `${inflated} bytes inflated from ${pushed}` });
      }
      if (inflated > limits.inflatedBytes) {
        file.terminate();
        refuse({ refused: 'zip-bomb', detail: `more than ${limits.inflatedBytes} bytes inflated` });
      }
      try {
        sink(file.name, chunk, final);
      } catch (thrown) {
        if (thrown instanceof Refused) refusal = thrown;
        throw thrown;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  let pushed = 0;
  for (let at = 0; at < bytes.length; at += PUSH_BYTES) {
    const end = Math.min(bytes.length, at + PUSH_BYTES);
    pushed = end;
    unzip.push(bytes.subarray(at, end), end === bytes.length);
    if (refusal !== undefined) throw refusal;
  }
}

/** A paragraph as found, before styles and numbering are known. */
interface RawParagraph {
  readonly kind: 'p';
  readonly index: number;
  text: string;
  style?: string;
  numId?: string;
  level?: number;
  outlineLevel?: number;
  readonly boxes: RawContainer[];
}

interface RawCell {
  readonly container: RawContainer;
  span: number;
  merge?: 'restart' | 'continue';
}

interface RawTable {
  readonly kind: 'tbl';
  readonly index: number;
  readonly rows: RawCell[][];
}

interface RawContainer {
  readonly items: (RawParagraph | RawTable)[];
}

interface Style {
  readonly name: string;
  readonly basedOn?: string;
  readonly outlineLevel?: number;
  readonly numId?: string;
  readonly level?: number;
}

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
}

interface Numbering {
  readonly abstract: Map<string, Map<number, Level>>;
  readonly nums: Map<string, { readonly abstractId: string; readonly starts: Map<number, number> }>;
}

/**
 * A character reference's text, never a failure: one beyond U+10FFFF, a surrogate or a control
 * character stands for U+FFFD, as the rest of the text does after cleanText.
 */
function entityText(entity: string, named: Record<string, string>): string {
  if (!entity.startsWith('#')) return named[entity] ?? '\uFFFD';
  const hex = entity[1] === 'x' || entity[1] === 'X';
  if (!(hex ? /^#[xX][0-9a-fA-F]{1,8}$/ : /^#[0-9]{1,10}$/).test(entity)) return '\uFFFD';
  const code = hex ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
  return isTextCodePoint(code) && code !== 0x0d ? String.fromCodePoint(code) : '\uFFFD';
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it replaces.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const MAX_TEXT_ERRORS = 10_000;

/** Errors of text, not of structure: replaced characters, never a refusal. */
const TEXT_ERRORS = new Set(['malformed character entity.', 'disallowed character.', 'undefined entity.']);

/** Parses XML arriving in chunks; `open`/`close`/`text` see local names with their `w:`-style prefix. */
function xmlStream(name: string, handlers: { open(tag: SaxesTagPlain): void; close(tag: string): void; text(text: string): void }, limits: DocxLimits) {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  // saxes resolves every reference through this (undeclared) method and, for a bad one, keeps the
  // reference's raw text; ours answers U+FFFD instead (saxes is pinned, and a test holds this).
  (parser as unknown as { parseEntity(entity: string): string }).parseEntity = (entity) => entityText(entity, parser.ENTITIES);
  const decoder = new TextDecoder('utf-8');
  let depth = 0;
  let textErrors = 0;
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth > limits.elementDepth) throw new Refused({ refused: 'bad-docx', detail: `${name}: elements nested more than ${limits.elementDepth} deep` });
    handlers.open(tag);
    if (tag.isSelfClosing) {
      depth -= 1;
      handlers.close(tag.name);
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    depth -= 1;
    handlers.close(tag.name);
  });
  parser.on('text', (text) => handlers.text(text));
  parser.on('error', (error) => {
    const message = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
    // Each is cheap to forgive but costs saxes an Error object: a flood of them is no document.
    if (TEXT_ERRORS.has(message)) {
      textErrors += 1;
      if (textErrors <= MAX_TEXT_ERRORS) return;
    }
    throw new Refused({ refused: 'bad-docx', detail: `${name}:${parser.line}:${parser.column} ${message}` });
  });
  return {
    write(chunk: Uint8Array, final: boolean): void {
      // Control characters are no XML; saxes would report each one. They become U+FFFD before it sees them.
      parser.write(decoder.decode(chunk, { stream: !final }).replace(CONTROL_CHARACTERS, '\uFFFD'));
      if (final) parser.close();
    },
  };
}

const attribute = (tag: SaxesTagPlain, name: string): string | undefined => {
  const value = tag.attributes[name];
  return typeof value === 'string' ? value : undefined;
};

/** word/document.xml, read into paragraphs and tables with their raw properties. */
function documentReader(limits: DocxLimits) {
  const body: RawContainer = { items: [] };
  const containers: RawContainer[] = [body];
  const tables: RawTable[] = [];
  let paragraph: RawParagraph | undefined;
  /** The paragraphs that anchor the text boxes being read, to go on with after each box. */
  const anchors: (RawParagraph | undefined)[] = [];
  let paragraphCount = 0;
  let tableCount = 0;
  let inText = false;
  let inParagraphProperties = false;
  let inCellProperties = false;
  /** Inside mc:Fallback: the same text box again, for readers that cannot read the first. */
  let skipping = 0;

  const current = (): RawContainer => containers.at(-1)!;
  const handlers = {
    open(tag: SaxesTagPlain): void {
      if (skipping > 0) {
        skipping += 1;
        return;
      }
      switch (tag.name) {
        case 'mc:Fallback':
          skipping = 1;
          return;
        case 'w:p':
          paragraphCount += 1;
          paragraph = { kind: 'p', index: paragraphCount, text: '', boxes: [] };
          current().items.push(paragraph);
          return;
        case 'w:pPr':
          inParagraphProperties = true;
          return;
        case 'w:pStyle':
          if (inParagraphProperties && paragraph !== undefined) {
            const style = attribute(tag, 'w:val');
            if (style !== undefined) paragraph.style = style;
          }
          return;
        case 'w:numId':
          if (inParagraphProperties && paragraph !== undefined) {
            const id = attribute(tag, 'w:val');
            if (id !== undefined) paragraph.numId = id;
          }
          return;
        case 'w:ilvl':
          if (inParagraphProperties && paragraph !== undefined) paragraph.level = Number(attribute(tag, 'w:val') ?? 0) || 0;
          return;
        case 'w:outlineLvl':
          if (inParagraphProperties && paragraph !== undefined) paragraph.outlineLevel = Number(attribute(tag, 'w:val') ?? 9);
          return;
        case 'w:t':
          inText = true;
          return;
        case 'w:tab':
          if (paragraph !== undefined && !inParagraphProperties) paragraph.text += ' ';
          return;
        case 'w:br':
        case 'w:cr':
          if (paragraph !== undefined && attribute(tag, 'w:type') !== 'page') paragraph.text += '\n';
          return;
        case 'w:noBreakHyphen':
          if (paragraph !== undefined) paragraph.text += '-';
          return;
        case 'w:txbxContent': {
          const box: RawContainer = { items: [] };
          paragraph?.boxes.push(box);
          containers.push(box);
          anchors.push(paragraph);
          paragraph = undefined;
          return;
        }
        case 'w:tbl': {
          if (tables.length >= limits.tableDepth) throw new Refused({ refused: 'bad-docx', detail: `${DOCUMENT}: tables nested more than ${limits.tableDepth} deep` });
          tableCount += 1;
          const table: RawTable = { kind: 'tbl', index: tableCount, rows: [] };
          current().items.push(table);
          tables.push(table);
          return;
        }
        case 'w:tr':
          tables.at(-1)?.rows.push([]);
          return;
        case 'w:tc': {
          const row = tables.at(-1)?.rows.at(-1);
          const cell: RawCell = { container: { items: [] }, span: 1 };
          row?.push(cell);
          containers.push(cell.container);
          return;
        }
        case 'w:tcPr':
          inCellProperties = true;
          return;
        case 'w:gridSpan': {
          const cell = tables.at(-1)?.rows.at(-1)?.at(-1);
          if (inCellProperties && cell !== undefined) cell.span = Math.max(1, Math.min(1000, Number(attribute(tag, 'w:val') ?? 1) || 1));
          return;
        }
        case 'w:vMerge': {
          const cell = tables.at(-1)?.rows.at(-1)?.at(-1);
          if (inCellProperties && cell !== undefined) cell.merge = attribute(tag, 'w:val') === 'restart' ? 'restart' : 'continue';
          return;
        }
      }
    },
    close(name: string): void {
      if (skipping > 0) {
        skipping -= 1;
        return;
      }
      switch (name) {
        case 'w:t':
          inText = false;
          return;
        case 'w:pPr':
          inParagraphProperties = false;
          return;
        case 'w:tcPr':
          inCellProperties = false;
          return;
        case 'w:p':
          paragraph = undefined;
          return;
        case 'w:txbxContent':
          if (containers.length > 1) containers.pop();
          paragraph = anchors.pop();
          return;
        case 'w:tc':
          if (containers.length > 1) containers.pop();
          return;
        case 'w:tbl':
          tables.pop();
          return;
      }
    },
    text(text: string): void {
      if (inText && skipping === 0 && paragraph !== undefined) paragraph.text += text;
    },
  };
  return { handlers, body };
}

/** word/styles.xml: each paragraph style's name, outline level and list. */
function stylesReader() {
  const styles = new Map<string, Style>();
  let id: string | undefined;
  let style: { name: string; basedOn?: string; outlineLevel?: number; numId?: string; level?: number } | undefined;
  const handlers = {
    open(tag: SaxesTagPlain): void {
      if (tag.name === 'w:style') {
        id = attribute(tag, 'w:styleId');
        style = { name: '' };
      } else if (style === undefined) return;
      else if (tag.name === 'w:name') style.name = attribute(tag, 'w:val') ?? '';
      else if (tag.name === 'w:basedOn') {
        const based = attribute(tag, 'w:val');
        if (based !== undefined) style.basedOn = based;
      } else if (tag.name === 'w:outlineLvl') style.outlineLevel = Number(attribute(tag, 'w:val') ?? 9);
      else if (tag.name === 'w:numId') {
        const num = attribute(tag, 'w:val');
        if (num !== undefined) style.numId = num;
      } else if (tag.name === 'w:ilvl') style.level = Number(attribute(tag, 'w:val') ?? 0) || 0;
    },
    close(name: string): void {
      if (name === 'w:style' && id !== undefined && style !== undefined) styles.set(id, style);
      if (name === 'w:style') style = undefined;
    },
    text(): void {},
  };
  return { handlers, styles };
}

/** word/numbering.xml: each list's levels (start, format, text such as "%1、"). */
function numberingReader() {
  const numbering: Numbering = { abstract: new Map(), nums: new Map() };
  let levels: Map<number, Level> | undefined;
  let level: { index: number; start: number; format: string; text: string } | undefined;
  let num: { abstractId: string; starts: Map<number, number> } | undefined;
  let overrideLevel: number | undefined;
  const handlers = {
    open(tag: SaxesTagPlain): void {
      switch (tag.name) {
        case 'w:abstractNum':
          levels = new Map();
          numbering.abstract.set(attribute(tag, 'w:abstractNumId') ?? '', levels);
          return;
        case 'w:lvl':
          level = { index: Number(attribute(tag, 'w:ilvl') ?? 0) || 0, start: 1, format: 'decimal', text: '' };
          return;
        case 'w:start':
          if (level !== undefined) level.start = Number(attribute(tag, 'w:val') ?? 1) || 0;
          else if (num !== undefined && overrideLevel !== undefined) num.starts.set(overrideLevel, Number(attribute(tag, 'w:val') ?? 1) || 0);
          return;
        case 'w:startOverride':
          if (num !== undefined && overrideLevel !== undefined) num.starts.set(overrideLevel, Number(attribute(tag, 'w:val') ?? 1) || 0);
          return;
        case 'w:numFmt':
          if (level !== undefined) level.format = attribute(tag, 'w:val') ?? 'decimal';
          return;
        case 'w:lvlText':
          if (level !== undefined) level.text = attribute(tag, 'w:val') ?? '';
          return;
        case 'w:num':
          num = { abstractId: '', starts: new Map() };
          numbering.nums.set(attribute(tag, 'w:numId') ?? '', num);
          return;
        case 'w:abstractNumId':
          if (num !== undefined) num.abstractId = attribute(tag, 'w:val') ?? '';
          return;
        case 'w:lvlOverride':
          overrideLevel = Number(attribute(tag, 'w:ilvl') ?? 0) || 0;
          return;
      }
    },
    close(name: string): void {
      if (name === 'w:lvl' && level !== undefined && num === undefined) {
        levels?.set(level.index, level);
        level = undefined;
      } else if (name === 'w:lvl') level = undefined;
      else if (name === 'w:num') num = undefined;
      else if (name === 'w:lvlOverride') overrideLevel = undefined;
    },
    text(): void {},
  };
  return { handlers, numbering };
}

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const HEAVENLY_STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, as Word's chineseCounting prints them. */
function chineseCounting(value: number, digits: readonly string[], units: readonly [string, string, string]): string {
  if (value <= 0 || value > 9999) return String(value);
  if (value < 10) return digits[value]!;
  let text = '';
  let zero = false;
  for (const [unit, name] of [[1000, units[2]], [100, units[1]], [10, units[0]], [1, '']] as const) {
    const digit = Math.floor(value / unit) % 10;
    if (digit === 0) {
      if (text !== '') zero = true;
      continue;
    }
    if (zero) text += digits[0] === '〇' ? '零' : digits[0]!;
    zero = false;
    text += unit === 10 && digit === 1 && text === '' ? name : `${digits[digit]}${name}`;
  }
  return text;
}

function roman(value: number): string {
  const parts: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let text = '';
  let rest = value;
  for (const [unit, name] of parts) {
    while (rest >= unit) {
      text += name;
      rest -= unit;
    }
  }
  return text;
}

function letters(value: number): string {
  if (value <= 0) return String(value);
  const letter = String.fromCharCode(0x61 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

/** A list counter as Word prints it in the given w:numFmt; undefined for bullets and "none". */
function formatCounter(value: number, format: string): string | undefined {
  switch (format) {
    case 'bullet':
    case 'none':
      return undefined;
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(value, CHINESE_DIGITS.map((digit, index) => (index === 0 ? '〇' : digit)), ['十', '百', '千']);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseCounting(value, LEGAL_DIGITS, ['拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(value)].map((digit) => CHINESE_DIGITS[Number(digit)]).join('');
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(value - 1) % 10];
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(value)].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x245f + value) : String(value);
    case 'lowerLetter':
      return letters(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerRoman':
      return roman(value);
    case 'upperRoman':
      return roman(value).toUpperCase();
    default:
      return String(value);
  }
}

/** Counts list items as Word does (per list definition, lower levels restarting) and prints their numbers. */
function listNumberer(numbering: Numbering) {
  const counters = new Map<string, number[]>();
  const started = new Set<string>();
  return (numId: string, level: number): string | undefined => {
    const num = numbering.nums.get(numId);
    if (num === undefined || numId === '0') return undefined;
    const levels = numbering.abstract.get(num.abstractId);
    if (levels === undefined) return undefined;
    const definition = levels.get(level);
    if (definition === undefined) return undefined;
    const key = num.abstractId;
    let counts = counters.get(key);
    if (counts === undefined || (num.starts.size > 0 && !started.has(numId))) {
      counts = [];
      counters.set(key, counts);
    }
    started.add(numId);
    const startOf = (index: number): number => num.starts.get(index) ?? levels.get(index)?.start ?? 1;
    counts[level] = counts[level] === undefined ? startOf(level) : counts[level]! + 1;
    counts.length = level + 1;
    let text = definition.text;
    for (let index = 0; index <= level; index += 1) {
      const value = counts[index] ?? startOf(index);
      const format = index === level ? definition.format : (levels.get(index)?.format ?? 'decimal');
      text = text.replaceAll(`%${index + 1}`, formatCounter(value, format) ?? '');
    }
    return formatCounter(counts[level]!, definition.format) === undefined ? undefined : text;
  };
}

/** Turns the raw containers into blocks, now that styles and numbering are known. */
function buildBlocks(body: RawContainer, styles: Map<string, Style>, numbering: Numbering): Block[] {
  const number = listNumberer(numbering);
  const styleChain = (id: string | undefined): Style[] => {
    const chain: Style[] = [];
    for (let at = id, guard = 0; at !== undefined && guard < 20; guard += 1) {
      const style = styles.get(at);
      if (style === undefined) break;
      chain.push(style);
      at = style.basedOn;
    }
    return chain;
  };
  const headingLevelOf = (paragraph: RawParagraph): number | undefined => {
    if (paragraph.outlineLevel !== undefined && paragraph.outlineLevel < 9) return paragraph.outlineLevel + 1;
    for (const style of styleChain(paragraph.style)) {
      const name = style.name.toLowerCase();
      if (name === 'title' || name === '标题') return 0;
      const match = /^(?:heading|标题)\s*(\d)$/.exec(name);
      if (match !== null) return Number(match[1]);
      if (style.outlineLevel !== undefined && style.outlineLevel < 9) return style.outlineLevel + 1;
    }
    return undefined;
  };
  const paragraphText = (paragraph: RawParagraph): string => {
    let numId = paragraph.numId;
    let level = paragraph.level;
    if (numId === undefined) {
      const styled = styleChain(paragraph.style).find((style) => style.numId !== undefined);
      numId = styled?.numId;
      level ??= styled?.level;
    }
    const printed = numId === undefined ? undefined : number(numId, level ?? 0);
    // A no-break space is a space to a reader (a web page's &nbsp; is read so too).
    return cleanText((printed ?? '') + paragraph.text).replace(/\u00a0/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
  };

  const blocksOf = (container: RawContainer): Block[] => {
    const blocks: Block[] = [];
    for (const item of container.items) {
      if (item.kind === 'p') {
        const place: Place = { form: 'docx', paragraph: item.index };
        const text = paragraphText(item);
        if (text.trim() !== '') {
          const level = headingLevelOf(item);
          const flat = text.replace(/\n/g, ' ');
          const heading = level !== undefined ? styledHeading(flat, level, place) : headingOf(flat, place);
          blocks.push(heading ?? ({ kind: 'paragraph', text, place } satisfies Paragraph));
        }
        for (const box of item.boxes) blocks.push(boxOf(blocksOf(box), place));
        continue;
      }
      blocks.push(...tableOf(item, blocks));
    }
    return blocks;
  };

  /** A framed panel: its first block is its title when that reads 专栏N. */
  const boxOf = (inner: Block[], place: Place, title?: string): BoxBlock => {
    const first = inner[0];
    if (title === undefined && first !== undefined && first.kind !== 'table' && first.kind !== 'box') {
      const text = first.kind === 'heading' ? headingLine(first.number, first.text) : first.text;
      if (BOX_TITLE.test(text)) return { kind: 'box', title: text, blocks: inner.slice(1), place };
    }
    return { kind: 'box', title: title ?? '', blocks: inner, place };
  };

  /** A table's blocks: a table, a box (a frame), or, for a table that lays out the page (its cells hold the plan's chapters), the blocks of its cells in order. */
  const tableOf = (table: RawTable, before: Block[]): Block[] => {
    const cellBlocks = table.rows.map((row) => row.map((cell) => blocksOf(cell.container)));
    const chapters = cellBlocks.flat(2).filter((block) => block.kind === 'heading' && /^第[一二三四五六七八九十百0-9]+章/u.test(block.number ?? block.text)).length;
    if (chapters >= 2) return cellBlocks.flat(2);
    return [tableBlockOf(table, before, cellBlocks)];
  };

  const tableBlockOf = (table: RawTable, before: Block[], cellBlocks: Block[][][]): Block => {
    const place: Place = { form: 'docx', table: table.index, row: 1 };
    // A one-cell table is a frame: Word's usual way to print a 专栏.
    const singleColumn = table.rows.length > 0 && table.rows.every((row) => row.length === 1 && row[0]!.span === 1);
    if (singleColumn && table.rows.length === 1) {
      const previous = before.at(-1);
      const previousText = previous === undefined ? '' : previous.kind === 'heading' ? headingLine(previous.number, previous.text) : previous.kind === 'paragraph' ? previous.text : '';
      const inner = cellBlocks[0]![0]!;
      if (BOX_TITLE.test(previousText) && !(inner[0] !== undefined && 'text' in inner[0] && BOX_TITLE.test(inner[0].text))) {
        before.pop();
        return boxOf(inner, previous!.place, previousText);
      }
      return boxOf(inner, place);
    }
    const rows: TableRow[] = [];
    // Grid column → the cell a vertical merge continues, so that its rowSpan grows.
    const open = new Map<number, { cell: { rowSpan: number } }>();
    table.rows.forEach((row, rowIndex) => {
      const cells: Cell[] = [];
      let column = 0;
      row.forEach((raw, cellIndex) => {
        const span = raw.span;
        if (raw.merge === 'continue') {
          const above = open.get(column);
          if (above !== undefined) {
            above.cell.rowSpan += 1;
            column += span;
            return;
          }
        }
        const inner = cellBlocks[rowIndex]![cellIndex]!;
        const cellPlace: Place = { form: 'docx', table: table.index, row: rowIndex + 1, cell: cellIndex + 1 };
        const mutable = { text: cellText(inner), rowSpan: 1, colSpan: span, place: cellPlace } as { text: string; rowSpan: number; colSpan: number; place: Place; blocks?: Block[] };
        if (inner.some((block) => block.kind === 'table' || block.kind === 'box')) mutable.blocks = inner;
        cells.push(mutable);
        for (let covered = column; covered < column + span; covered += 1) {
          if (raw.merge === 'restart') open.set(covered, { cell: mutable });
          else open.delete(covered);
        }
        column += span;
      });
      rows.push({ cells, place: { form: 'docx', table: table.index, row: rowIndex + 1 } });
    });
    const previous = before.at(-1);
    const caption = previous?.kind === 'heading' && /^附表|^表\s*[0-9]|^专栏/.test(previous.number ?? previous.text) ? headingLine(previous.number, previous.text) : undefined;
    return caption === undefined ? { kind: 'table', rows, place } : { kind: 'table', rows, place, caption };
  };

  return blocksOf(body);
}

/** A cell's text: its paragraphs on their own lines, and a paragraph's line breaks; a nested table's rows as lines of space-separated cells. */
function cellText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') lines.push(block.text);
    else if (block.kind === 'heading') lines.push(headingLine(block.number, block.text));
    else if (block.kind === 'table') for (const row of block.rows) lines.push(row.cells.map((cell) => cell.text.replace(/\n/g, ' ')).join(' '));
    else lines.push(block.title, cellText(block.blocks));
  }
  return lines.filter((line) => line !== '').join('\n');
}

/**
 * Reads a .docx into the model, or refuses it: a zip bomb (more than `limits.inflatedBytes`
 * inflated), an unsafe entry name, a missing or malformed word/document.xml.
 */
export function readDocx(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): ReadResult {
  const document = documentReader(limits);
  const styles = stylesReader();
  const numbering = numberingReader();
  const streams = new Map([
    [DOCUMENT, xmlStream(DOCUMENT, document.handlers, limits)],
    [STYLES, xmlStream(STYLES, styles.handlers, limits)],
    [NUMBERING, xmlStream(NUMBERING, numbering.handlers, limits)],
  ]);
  const seen = new Set<string>();
  try {
    unzipParts(
      bytes,
      new Set(streams.keys()),
      (name, chunk, final) => {
        seen.add(name);
        streams.get(name)!.write(chunk, final);
      },
      limits,
    );
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    return { refused: 'bad-docx', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!seen.has(DOCUMENT)) return { refused: 'bad-docx', detail: `no ${DOCUMENT}` };
  const blocks = buildBlocks(document.body, styles.styles, numbering.numbering);
  if (blocks.length === 0) return { refused: 'empty' };
  const model: DocumentModel = { form: 'docx', blocks, dropped: [] };
  return { model };
}
