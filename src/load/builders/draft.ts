import { isDecimalText, parseDecimal, type Rational } from '../../decimal.js';
import type {
  Amount,
  DeclaredCount,
  DeclaredSum,
  FigureStatement,
  NumberedItem,
  PlanModel,
  SourceRef,
  VerbatimText,
} from '../../model.js';
import { child } from '../../pointer.js';
import { fileNameOf, type FileKind } from '../file-kinds.js';
import type { YamlFile } from '../yaml-file.js';

/** A number written in a form other than a printed decimal (hex, exponent, .inf). */
export interface NumberFormatProblem {
  readonly file: string;
  readonly pointer: string;
  readonly text: string;
}

/** A figure as a data file writes it (schemas/figure.schema.json). */
export interface RawFigure {
  fact?: string;
  value?: number;
  valueMax?: number;
  text?: string;
  unit?: string;
  approx?: boolean;
  bound?: string;
  cumulative?: boolean;
  hold?: boolean;
  period?: string;
  quote?: string;
}

/** Anything that may hold figures, declared sums and declared counts. */
export interface RawContainer {
  facts?: RawFigure[];
  sums?: { total: string; parts?: string[]; tables?: number[]; open?: boolean }[];
  counts?: { fact: string; items: string[]; open?: boolean }[];
}

/** What a figure takes from where it stands: its place, and defaults for what it leaves out. */
export interface FigureContext {
  readonly ref: string;
  readonly quote?: string;
  readonly fact?: string;
  readonly unit?: string;
  readonly period?: string;
}

/** The parts of the model a builder may set; the plan builder sets the identity. */
export type ModelParts = Partial<Omit<PlanModel, 'facts' | 'sums' | 'counts' | 'verbatim' | 'tableBoxes'>>;

/**
 * What the builders of one plan share: the statements, sums, counts and verbatim texts every
 * file contributes, and the printed text of every number. One draft per plan.
 */
export class ModelDraft {
  readonly facts: FigureStatement[] = [];
  readonly sums: DeclaredSum[] = [];
  readonly counts: DeclaredCount[] = [];
  readonly verbatim: VerbatimText[] = [];
  /** Box numbers of the indicator table and the service list, for numbering. */
  readonly tableBoxes: NumberedItem[] = [];
  readonly problems: NumberFormatProblem[] = [];

  constructor(
    private readonly files: ReadonlyMap<FileKind, YamlFile>,
    /** The plan period, which the indicator columns take their years from. */
    readonly period: { readonly start: number; readonly end: number },
    /** The plan's money unit, in which the appendix prints its investments. */
    readonly moneyUnit: string = '万元',
  ) {}

  /** A place in a file of this plan. */
  at(kind: FileKind, pointer: string, ref?: string): SourceRef {
    return ref === undefined ? { file: fileNameOf(kind), pointer } : { file: fileNameOf(kind), pointer, ref };
  }

  /** The printed text of the number at `pointer`, or undefined (and a problem) if it is not a decimal. */
  numberAt(kind: FileKind, pointer: string, value: number): { text: string; value: Rational } | undefined {
    const text = this.files.get(kind)?.numberText(pointer, value) ?? String(value);
    const parsed = isDecimalText(text) ? parseDecimal(text) : undefined;
    if (!parsed) {
      this.problems.push({ file: fileNameOf(kind), pointer, text });
      return undefined;
    }
    return { text, value: parsed };
  }

  /** A printed amount, or undefined when the column is not printed (or not a decimal). */
  amount(kind: FileKind, pointer: string, value: number | undefined, ref: string): Amount | undefined {
    if (value === undefined) return undefined;
    const number = this.numberAt(kind, pointer, value);
    return number && { text: number.text, value: number.value, at: this.at(kind, pointer, ref) };
  }

  figure(kind: FileKind, pointer: string, raw: RawFigure, context: FigureContext): FigureStatement {
    // Written without spreads: this runs for every figure, several hundred thousand in a large plan.
    const fact = raw.fact ?? context.fact ?? '';
    const period = raw.period ?? context.period;
    const value = raw.value === undefined ? undefined : this.numberAt(kind, child(pointer, 'value'), raw.value);
    const valueMax = raw.valueMax === undefined ? undefined : this.numberAt(kind, child(pointer, 'valueMax'), raw.valueMax);
    const quote = raw.quote ?? context.quote;
    const statement: FigureStatement = {
      fact,
      period,
      identity: period ? `${fact}@${period}` : fact,
      valueText: value?.text,
      value: value?.value,
      valueMaxText: valueMax?.text,
      valueMax: valueMax?.value,
      text: raw.text,
      unit: raw.unit ?? context.unit ?? '',
      approx: raw.approx === true,
      bound: raw.bound,
      cumulative: raw.cumulative === true,
      hold: raw.hold === true,
      quote,
      ownQuote: raw.quote !== undefined,
      at: { file: fileNameOf(kind), pointer, ref: context.ref, quote },
    };
    this.facts.push(statement);
    return statement;
  }

  /** The figures, sums and counts of one container; returns its figures. */
  container(kind: FileKind, pointer: string, raw: RawContainer, ref: string, quote?: string): FigureStatement[] {
    const context: FigureContext = quote === undefined ? { ref } : { ref, quote };
    const local = (raw.facts ?? []).map((figure, index) => this.figure(kind, child(pointer, 'facts', index), figure, context));
    for (const [index, sum] of (raw.sums ?? []).entries()) {
      const parts = sum.parts ?? [];
      const tables = sum.tables ?? [];
      // A single part is never the whole (其中), unless tables complete it.
      const open = sum.open === true || (parts.length === 1 && tables.length === 0);
      this.sums.push({ total: sum.total, parts, tables, open, local, at: this.at(kind, child(pointer, 'sums', index), ref) });
    }
    for (const [index, count] of (raw.counts ?? []).entries()) {
      this.counts.push({ fact: count.fact, items: count.items, open: count.open === true, local, at: this.at(kind, child(pointer, 'counts', index), ref) });
    }
    return local;
  }

  /** Keeps `field` of the element at `at` for the provenance check, unless it is the blank mark. */
  text(at: SourceRef, field: string, value: string | undefined): void {
    if (value !== undefined && value !== '—') this.verbatim.push({ text: value, at, field });
  }
}

/** Turns one file kind's schema-valid data into its parts of the plan model. */
export type Builder = (data: unknown, draft: ModelDraft) => ModelParts;

export function numbered(label: string, number: number | undefined, at: SourceRef): NumberedItem {
  return { label, number, at };
}
