/** `plan init`: a draft plan folder from the published text. */
import { decodeInput } from './decode.js';
import { readDocument } from './document.js';
import { buildDraft, type Draft } from './draft.js';
import { countChecks, writeFiles } from './write.js';

export interface InitSummary {
  readonly encoding: string;
  readonly chapters: number;
  readonly sections: number;
  readonly boxes: number;
  readonly indicators: number;
  readonly serviceAreas: number;
  readonly boxItems: number;
  readonly links: number;
  readonly appendixSections: number;
  readonly projects: number;
  readonly facts: number;
  readonly statements: number;
  readonly checks: number;
  readonly unread: readonly { readonly line: number; readonly what: string }[];
}

export type InitResult =
  | { readonly ok: true; readonly files: Map<string, string | Uint8Array>; readonly summary: InitSummary; readonly draft: Draft }
  | { readonly ok: false; readonly problem: 'empty' | 'binary' | 'not-text' | 'bad-docx' | 'zip-bomb' | 'no-structure' };

/**
 * Reads the published text and drafts every data file. A text (UTF-8 or GB18030) goes in as
 * `source.txt` byte for byte; a .docx is kept as given beside the text read from it.
 */
export type InitStage = 'document' | 'draft' | 'yaml';

export function draftPlan(bytes: Uint8Array, inputName: string, folderName: string, progress: (stage: InitStage) => void = () => {}): InitResult {
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return decoded;
  progress('document');
  const doc = readDocument(decoded.text);
  if (doc.chapters.length === 0 && !doc.appendix && doc.boxes.length === 0) return { ok: false, problem: 'no-structure' };
  progress('draft');
  const draft = buildDraft(doc, folderName);
  progress('yaml');
  const yaml = writeFiles(draft, 'source.txt');
  const files = new Map<string, string | Uint8Array>(yaml);
  if (decoded.encoding === 'docx') {
    files.set('source.txt', decoded.text);
    files.set(`source.original.${/\.[A-Za-z0-9]+$/.exec(inputName)?.[0].slice(1) ?? 'docx'}`, bytes);
  } else files.set('source.txt', bytes);
  const boxes = draft.boxes;
  const summary: InitSummary = {
    encoding: decoded.encoding,
    chapters: doc.chapters.length,
    sections: doc.chapters.reduce((n, chapter) => n + chapter.sections.length, 0),
    boxes: doc.boxes.length,
    indicators: draft.indicators?.categories.reduce((n, category) => n + category.indicators.length, 0) ?? 0,
    serviceAreas: draft.services?.areas.length ?? 0,
    boxItems: boxes.reduce((n, box) => n + box.items.length, 0),
    links: boxes.reduce((n, box) => n + box.items.reduce((m, item) => m + item.works.filter((work) => work.projects.length > 0).length, 0), 0),
    appendixSections: draft.projects?.sections.length ?? 0,
    projects: draft.projects?.sections.reduce((n, section) => n + section.projects.length, 0) ?? 0,
    facts:
      (draft.projects?.sections.reduce((n, section) => n + section.projects.reduce((m, project) => m + project.facts.length, 0), 0) ?? 0) +
      boxes.reduce((n, box) => n + box.items.reduce((m, item) => m + item.facts.length, 0), 0),
    statements: draft.statements.reduce((n, group) => n + group.facts.length, 0),
    checks: countChecks(yaml),
    unread: [...draft.unread].sort((a, b) => a.line - b.line),
  };
  return { ok: true, files, summary, draft };
}
