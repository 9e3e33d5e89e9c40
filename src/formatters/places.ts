import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding, Location, Severity } from '../model.js';
import type { FormatContext, RepositoryContext } from './types.js';

/**
 * A location's file relative to the repository's root, with `/` separators: what GitHub's
 * annotations, code scanning and links to lines expect, whatever the working directory.
 */
export function repositoryPath(file: string, repository: RepositoryContext | undefined): string {
  if (!repository) return file.split(sep).join('/');
  const path = relative(repository.root, resolve(file));
  return (path.startsWith('..') || isAbsolute(path) ? resolve(file) : path).split(sep).join('/');
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, 巫山, `#`). */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The web address of a location's line, when the repository's address and commit are known. */
export function lineUrl(location: Location, repository: RepositoryContext | undefined): string | undefined {
  if (!repository?.url || !repository.commit) return undefined;
  const line = location.endLine !== undefined && location.endLine !== location.line ? `L${location.line}-L${location.endLine}` : `L${location.line}`;
  return `${repository.url.replace(/\/+$/, '')}/blob/${encodeURIComponent(repository.commit)}/${encodePath(repositoryPath(location.file, repository))}#${line}`;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The order a reviewer reads findings in: unreviewed before reviewed, errors before warnings
 * before infos, new before unchanged; the report's own order otherwise.
 */
export function reviewOrder(findings: readonly Finding[], context: FormatContext): Finding[] {
  const rank = (finding: Finding): number =>
    (finding.review ? 8 : 0) + SEVERITY_RANK[finding.severity] * 2 + (context.comparison?.state.get(finding) === 'new' ? 0 : 1);
  return findings
    .map((finding, index) => ({ finding, index, rank: rank(finding) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.finding);
}
