/**
 * `plan audit <document>`: an analyst's one command. The published document (text or .docx) is
 * drafted into a temporary folder, the draft is audited, and each finding is shown where the
 * analyst reads it: the document's line (or page and line), with the quote. The draft is kept
 * only with `--keep DIR`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Place } from '../read/blocks.js';
import { placeAt, type DraftPlaces } from '../init/places.js';
import { placeOrder, placeText } from '../init/stages/structure.js';
import { EXIT_INPUT, type Io } from '../io/command-io.js';
import type { Finding, Lang, Location } from '../model.js';
import type { RunResult } from '../engine.js';
import { say } from '../words.js';
import { draftInto } from './init.js';


export interface DraftedDocument {
  readonly folder: string;
  readonly places: DraftPlaces;
  /** The document's lines as printed, when it is a text: where a quote's column is looked for. */
  readonly lines: readonly string[];
  /** Removes the draft unless it was asked to be kept. */
  readonly done: () => void;
}

/** Drafts the document into `keep` (a new folder) or a temporary one; undefined when it cannot be read (messages on stderr). */
export async function draftDocument(document: string, keep: string | undefined, lang: Lang, io: Io): Promise<DraftedDocument | undefined> {
  const parent = keep === undefined ? mkdtempSync(join(tmpdir(), 'plan-audit-')) : undefined;
  const folder = keep ?? join(parent!, basename(document).replace(/\.[^.]+$/, '') || 'draft');
  const drafted = await draftInto(folder, document, lang, io);
  const done = (): void => {
    if (parent) rmSync(parent, { recursive: true, force: true });
  };
  if (!drafted.ok) {
    done();
    return undefined;
  }
  // What the draft could not read is said before any finding: the audit is silent about it.
  const parts = drafted.result.summary.unread.filter((unread) => unread.part !== undefined);
  if (parts.length > 0) io.stderr(`plan: ${say(lang, 'initPartsUnread')}\n${parts.map((unread) => `  ${unread.part}  ${document}:${unread.where}  ${unread.what}\n`).join('')}`);
  if (parts.length > 0 && drafted.result.summary.advice === 'install-pdftotext') io.stderr(`plan: ${say(lang, 'initAdvicePdftotext')}\n`);
  const { files, summary } = drafted.result;
  // A text's places are its lines as printed; other forms place by page, paragraph or element.
  const original = [...files.keys()].find((name) => name.startsWith('source.original.'));
  const printed = drafted.result.form === 'text' ? files.get(original ?? 'source.txt') : undefined;
  const text = printed === undefined ? '' : typeof printed === 'string' ? printed : new TextDecoder(summary.encoding === 'gb18030' ? 'gb18030' : 'utf-8').decode(printed);
  return { folder, places: drafted.result.places, lines: text.split(/\r?\n|\r/), done };
}

/** A place of the document as a location: its line (a PDF's page in `ref`), the data's own words kept. */
function documentLocation(document: string, lines: readonly string[], place: Place | undefined, location: Location): Location {
  const line = place === undefined ? 1 : place.form === 'text' || place.form === 'pdf' ? place.line : place.form === 'docx' ? ('paragraph' in place ? place.paragraph : place.row) : 1;
  // In a text, the column where the quote (or the start of it, if a wrap cut it) stands on its line.
  const head = location.quote?.slice(0, 8);
  const found = place?.form === 'text' && head ? (lines[line - 1] ?? '').indexOf(head) : -1;
  const where = place && place.form !== 'text' ? placeText(place) : undefined;
  const ref = [where, location.ref].filter(Boolean).join(' · ');
  return {
    file: document,
    line,
    column: found >= 0 ? found + 1 : 1,
    pointer: location.pointer,
    ...(ref ? { ref } : {}),
    ...(location.quote === undefined ? {} : { quote: location.quote }),
  };
}

/** The run with every location of the draft's files moved to the document. */
export function locatedInDocument(result: RunResult, document: string, folder: string, places: DraftPlaces, lines: readonly string[]): RunResult {
  /** Where each moved finding's first place stands in the document's order (a PDF's page, then its line). */
  const order = new Map<Finding, number>();
  const move = (finding: Finding): Finding => {
    const found = finding.locations.map((location) => placeAt(places, basename(location.file), location.pointer));
    const moved = { ...finding, locations: finding.locations.map((location, index) => documentLocation(document, lines, found[index], location)) };
    order.set(moved, found[0] ? placeOrder(found[0]) : 0);
    return moved;
  };
  return {
    inputFindings: result.inputFindings.map(move),
    // In the document's order: the analyst reads it from the top.
    plans: result.plans.map((plan) => ({ ...plan, dir: plan.dir === folder ? document : plan.dir, findings: plan.findings.map(move).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) })),
  };
}

/** The exit code when the document could not be drafted. */
export const DOCUMENT_UNREADABLE = EXIT_INPUT;
