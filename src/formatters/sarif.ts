import { pathToFileURL } from 'node:url';
import { projectUrl, ruleDocUrl } from '../docs-links.js';
import type { Finding, Location } from '../model.js';
import { encodePath, repositoryPath } from './places.js';
import type { FormatContext, Formatter } from './types.js';

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
    message: { text: finding.message },
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
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'plan', informationUri: projectUrl(), version: context.version, semanticVersion: context.version, rules } },
        automationDetails: { id: `plan/${context.command}/` },
        originalUriBaseIds: { [ROOT]: { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => result(finding, indexOf.get(finding.ruleId) ?? -1, context)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
