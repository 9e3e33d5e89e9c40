import { resolve } from 'node:path';
import type { Finding, Location } from '../model.js';
import { say } from '../words.js';
import { repositoryPath, reviewOrder } from './places.js';
import { visible } from './safe-text.js';
import type { FormatContext, Formatter } from './types.js';

// Made visible first: a control character would reach the log; then GitHub's own escapes.
const escapeData = (text: string): string => visible(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
/**
 * A path as GitHub must match it against the pull request's files: only GitHub's own escapes,
 * never made visible (a tab written `\u0009` would name another file).
 */
const escapeFile = (path: string): string => path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');

export type Command = 'error' | 'warning' | 'notice';
const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;
const ORDER: readonly Command[] = ['error', 'warning', 'notice'];

/** GitHub shows at most 10 annotations of each kind from one step (and 50 from a job). */
export const ANNOTATIONS_PER_KIND = 10;

/** Reviewed findings are told, not alerted: a notice, whatever their severity. */
const commandOf = (finding: Finding): Command => (finding.review ? 'notice' : COMMANDS[finding.severity]);

/** The finding's place on a line the pull request touched, when one of its places is; else its own. */
function placeOf(finding: Finding, context: FormatContext): Location | undefined {
  const changed = context.changedLines;
  if (changed) {
    const touched = finding.locations.find((location) => changed.get(resolve(location.file))?.has(location.line));
    if (touched) return touched;
  }
  return finding.locations[0];
}

/** One workflow command, before it is written: its kind, its properties and its message. */
export interface Annotation {
  readonly command: Command;
  readonly where?: Location;
  readonly title: string;
  /** The message's lines; each made visible, then joined as GitHub joins them. */
  readonly lines: readonly string[];
}

function findingAnnotation(finding: Finding, context: FormatContext): Annotation {
  const { lang } = context;
  const where = placeOf(finding, context);
  const primary = finding.locations[0];
  const tags = [
    context.comparison?.state.get(finding) === 'new' ? say(lang, 'new') : '',
    finding.review ? `${finding.severity}, ${say(lang, finding.review.verdict)}` : '',
  ].filter(Boolean);
  const lines = [finding.message, ...(finding.detail ? [finding.detail] : [])];
  if (where && primary && where !== primary) lines.push(`${say(lang, 'foundAt')} ${repositoryPath(primary.file, context.repository)}:${primary.line}:${primary.column}`);
  if (finding.review) lines.push(`✓ ${say(lang, finding.review.verdict)}: ${[finding.review.quote && `“${finding.review.quote}”`, finding.review.reason].filter(Boolean).join(' ')}`);
  return {
    command: commandOf(finding),
    ...(where ? { where } : {}),
    title: `${finding.ruleId}${tags.length > 0 ? ` (${tags.join(', ')})` : ''}`,
    lines,
  };
}

function written(annotation: Annotation, context: FormatContext): string {
  const { where } = annotation;
  const properties = [
    where && `file=${escapeFile(repositoryPath(where.file, context.repository))}`,
    where && `line=${where.line}`,
    where && `col=${where.column}`,
    where?.endColumn !== undefined && (where.endLine ?? where.line) === where.line ? `endColumn=${where.endColumn}` : '',
    `title=${escapeProperty(annotation.title)}`,
  ].filter(Boolean);
  return `::${annotation.command} ${properties.join(',')}::${annotation.lines.map(escapeData).join('%0A')}\n`;
}

/**
 * Writes annotations in the order given, errors first, then warnings, then notices, at most
 * 10 of each kind, and one last notice counting what was left out and where the rest is.
 */
export function cappedAnnotations(annotations: readonly Annotation[], context: FormatContext): string {
  const byCommand = new Map<Command, Annotation[]>(ORDER.map((command) => [command, []]));
  for (const annotation of annotations) byCommand.get(annotation.command)!.push(annotation);
  const over = (command: Command, cap: number): number => Math.max(0, byCommand.get(command)!.length - cap);
  const someLeft = ORDER.some((command) => over(command, ANNOTATIONS_PER_KIND) > 0);
  // The closing notice takes one of the notices' places.
  const caps: Record<Command, number> = { error: ANNOTATIONS_PER_KIND, warning: ANNOTATIONS_PER_KIND, notice: ANNOTATIONS_PER_KIND - (someLeft ? 1 : 0) };
  const out: string[] = [];
  for (const command of ORDER) for (const annotation of byCommand.get(command)!.slice(0, caps[command])) out.push(written(annotation, context));
  if (someLeft) {
    const { lang } = context;
    const counts = ORDER.map((command) => [command, over(command, caps[command])] as const).filter(([, n]) => n > 0);
    const total = counts.reduce((sum, [, n]) => sum + n, 0);
    const where = context.repository?.reportUrl ?? say(lang, 'thisRunSummary');
    const text = `${say(lang, 'annotationsLeftOut', { n: total, detail: counts.map(([command, n]) => `${n} ${command}`).join(', ') })} ${say(lang, 'fullReportWhere', { where })}`;
    out.push(written({ command: 'notice', title: `plan ${context.command}`, lines: [text] }, context));
  }
  return out.join('');
}

/**
 * GitHub Actions workflow commands: errors, then warnings, then notices (new and unreviewed
 * first), at most 10 of each kind, and one last notice counting what was left out.
 */
export const githubFormatter: Formatter = ({ findings }, context) => {
  // A reviewed finding that did not change is never annotated: the pull request did not bring it.
  const unchanged = (finding: Finding): boolean => context.comparison !== undefined && context.comparison.state.get(finding) !== 'new';
  const annotated = findings.filter((finding) => !finding.review || (context.showReviewed && !unchanged(finding)));
  const hidden = findings.filter((finding) => finding.review).length - annotated.filter((finding) => finding.review).length;
  const annotations = cappedAnnotations(
    reviewOrder(annotated, context).map((finding) => findingAnnotation(finding, context)),
    context,
  );
  return hidden > 0 ? `${annotations}${say(context.lang, 'reviewedHidden', { n: hidden })}\n` : annotations;
};
