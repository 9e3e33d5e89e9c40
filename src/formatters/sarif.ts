import { pathToFileURL } from 'node:url';
import { projectUrl, ruleDocUrl } from '../docs-links.js';
import type { Finding, Location } from '../model.js';
import { encodePath, repositoryPath } from './places.js';
import type { FormatContext, Formatter } from './types.js';
import { say } from '../words.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;
/** Every artifact URI is relative to this base: the repository's root. */
const ROOT = 'SRCROOT';

function physical(location: Location, context: FormatContext): object {
  return {
    artifactLocation: { uri: encodePath(repositoryPath(location.file, context.repository)), uriBaseId: ROOT },
    region: {
      startLine: location.line,
      startColumn: location.column,
      endLine: location.endLine ?? location.line,
      endColumn: location.endColumn ?? location.column + 1,
    },
  };
}

function related(location: Location, id: number, context: FormatContext): object {
  const text = [location.ref, location.quote && `“${location.quote}”`].filter(Boolean).join(' ');
  return { id, physicalLocation: physical(location, context), message: { text: text || location.pointer || location.file } };
}

function justification(finding: Finding): string {
  const review = finding.review!;
  return [review.verdict, review.quote && `“${review.quote}”`, review.reason].filter(Boolean).join(': ');
}

function result(finding: Finding, ruleIndex: number, context: FormatContext): object {
  const [primary, ...others] = finding.locations;
  const state = context.comparison?.state.get(finding);
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    // The detail line (fact key, intervals) as the message's second line: SARIF viewers show it under the first.
    message: { text: finding.detail ? `${finding.message}\n${finding.detail}` : finding.message },
    locations: primary
      ? [
          {
            physicalLocation: physical(primary, context),
            ...(primary.ref ? { logicalLocations: [{ name: primary.ref, fullyQualifiedName: `${finding.plan ?? ''}${primary.pointer}`, kind: 'member' }] } : {}),
          },
        ]
      : [],
    ...(others.length > 0 ? { relatedLocations: others.map((location, index) => related(location, index + 1, context)) } : {}),
    // GitHub matches alerts across runs by primaryLocationLineHash; ours does not change when lines move.
    partialFingerprints: { 'planFinding/v1': finding.fingerprint, primaryLocationLineHash: `${finding.fingerprint}:1` },
    ...(state ? { baselineState: state } : {}),
    properties: { messageId: finding.messageId, data: finding.data, ...(finding.values ? { values: finding.values, unit: finding.unit } : {}) },
    ...(finding.review
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: justification(finding),
              properties: { verdict: finding.review.verdict, file: finding.review.file, pointer: finding.review.pointer },
            },
          ],
        }
      : {}),
  };
}

/** GitHub code scanning rejects a run of more results than this. */
export const SARIF_MAX_RESULTS = 25_000;

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * The findings a SARIF run holds: all of them up to `SARIF_MAX_RESULTS`; past it, the most
 * severe first (findings not reviewed before reviewed ones, then errors, warnings, notes), each
 * kind in the report's order, cut at the limit. `leftOut` says how many did not fit.
 */
export function sarifResults(findings: readonly Finding[]): { kept: readonly Finding[]; leftOut: number } {
  if (findings.length <= SARIF_MAX_RESULTS) return { kept: findings, leftOut: 0 };
  const rank = (finding: Finding): number => (finding.review ? 3 : 0) + RANK[finding.severity];
  // Array.prototype.sort is stable: the report's order is kept within a rank.
  const kept = [...findings].sort((a, b) => rank(a) - rank(b)).slice(0, SARIF_MAX_RESULTS);
  return { kept, leftOut: findings.length - SARIF_MAX_RESULTS };
}

const pascalCase = (id: string): string => id.replace(/(^|-)(\w)/g, (_, __: string, c: string) => c.toUpperCase());

/**
 * SARIF 2.1.0, built by hand: every rule with its help, results with related locations, stable
 * fingerprints, URIs relative to the repository's root, reviews as suppressions.
 */
export const sarifFormatter: Formatter = ({ findings }, context) => {
  const rules = context.rules.map((rule) => ({
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description[context.lang] },
    fullDescription: { text: `${rule.description.zh} / ${rule.description.en}` },
    help: { text: rule.description[context.lang], markdown: `**${rule.id}**: ${rule.description[context.lang]}` },
    helpUri: ruleDocUrl(rule.id),
    defaultConfiguration: { level: LEVELS[rule.severity] },
  }));
  const indexOf = new Map(rules.map((rule, index) => [rule.id, index]));
  const root = context.repository?.root ?? process.cwd();
  const rootUri = pathToFileURL(root).href.replace(/\/?$/, '/');
  const { kept, leftOut } = sarifResults(findings);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'plan', informationUri: projectUrl(), version: context.version, semanticVersion: context.version, rules } },
        automationDetails: { id: `plan/${context.command}/` },
        originalUriBaseIds: { [ROOT]: { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results: kept.map((finding) => result(finding, indexOf.get(finding.ruleId) ?? -1, context)),
        ...(leftOut > 0 ? { properties: { resultsLeftOut: leftOut, resultsLimit: SARIF_MAX_RESULTS, note: say(context.lang, 'sarifLeftOut', { left: leftOut, limit: SARIF_MAX_RESULTS }) } } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
