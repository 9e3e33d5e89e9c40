/** One side of a comparison (`plan diff`, `--since`): a folder, a git revision or the work tree, read and audited. */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { run, type RunResult } from '../engine.js';
import { allFindings } from '../formatters/types.js';
import { readRevision, repositoryRoot, type RevisionError } from '../load/git-revision.js';
import { displayPath } from '../load/plan-folder.js';
import type { Finding, Lang, Location } from '../model.js';
import { say, type WordId } from '../words.js';

/** One side of a comparison: a folder, a git revision, or the work tree. */
export interface SideInfo {
  /** As the user named it: `main`, `old/`, or `work tree`. */
  readonly label: string;
  readonly kind: 'folder' | 'revision' | 'work-tree';
  readonly commit?: string;
}

export interface LoadedSide {
  readonly info: SideInfo;
  readonly run: RunResult;
  /** Where the side's files stand, to show them as the work tree's: a revision's temporary folder. */
  readonly from?: string;
  readonly to?: string;
  dispose(): void;
}

export type SideError = RevisionError;

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** A path read from a revision's temporary copy, shown as the same path of the work tree. */
export function relocateLocation(location: Location, from: string, to: string): Location {
  const file = resolve(location.file);
  if (!file.startsWith(`${from}${sep}`)) return location;
  return { ...location, file: displayPath(join(to, relative(from, file))) };
}

export function relocateFinding(finding: Finding, from?: string, to?: string): Finding {
  if (from === undefined || to === undefined) return finding;
  return { ...finding, locations: finding.locations.map((location) => relocateLocation(location, from, to)) };
}

/**
 * Reads and audits one side: a folder as it is, or the plan folders under `paths` as they are at
 * a git revision (copied out of git, never checked out).
 */
export async function loadSide(spec: string | undefined, paths: readonly string[], lang: Lang, keepModels: boolean, maxFileBytes?: number): Promise<LoadedSide | SideError> {
  const limit = maxFileBytes === undefined ? {} : { maxFileBytes };
  if (spec === undefined || isFolder(spec)) {
    const info: SideInfo = spec === undefined ? { label: say(lang, 'workTree'), kind: 'work-tree' } : { label: spec, kind: 'folder' };
    return { info, run: await run(spec === undefined ? paths : [spec], { lang, audit: true, keepModels, ...limit }), dispose: () => undefined };
  }
  const checkout = readRevision(spec, paths, process.cwd(), maxFileBytes);
  if ('error' in checkout) return checkout;
  const result = await run(checkout.paths.filter((path) => existsSync(path)), { lang, audit: true, keepModels, ...limit });
  const root = repositoryRoot()!;
  const relocated: RunResult = {
    inputFindings: result.inputFindings,
    plans: result.plans.map((plan) => ({ ...plan, findings: plan.findings.map((finding) => relocateFinding(finding, checkout.folder, root)) })),
  };
  return {
    info: { label: spec, kind: 'revision', commit: checkout.commit },
    run: relocated,
    from: checkout.folder,
    to: root,
    dispose: checkout.dispose,
  };
}

/** Every finding of a run, for `--since`: the base's audit, to compare the head's with. */
export function sideFindings(side: LoadedSide): Finding[] {
  return allFindings(side.run);
}

const SIDE_ERRORS = {
  'not-a-repository': 'notARepository',
  'no-such-revision': 'noSuchRevision',
  'outside-repository': 'outsideRepository',
  'git-failed': 'gitFailed',
  'unsafe-path': 'unsafeRevisionPath',
} as const satisfies Record<SideError['error'], WordId>;

export function sideErrorMessage(error: SideError, lang: Lang): string {
  return `plan: ${say(lang, SIDE_ERRORS[error.error], { detail: error.detail })}`;
}
