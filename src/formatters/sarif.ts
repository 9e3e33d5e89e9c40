import { sep } from 'node:path';
import type { Finding, Location } from '../model.js';
import type { Formatter } from './types.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;
const uri = (file: string): string => file.split(sep).join('/');

function physical(location: Location): object {
  return {
    artifactLocation: { uri: uri(location.file) },
    region: { startLine: location.line, startColumn: location.column },
  };
}

function related(location: Location, id: number): object {
  const text = [location.ref, location.quote && `“${location.quote}”`].filter(Boolean).join(' ');
  return { id, physicalLocation: physical(location), message: { text: text || location.pointer || location.file } };
}

function result(finding: Finding, ruleIndex: number): object {
  const [primary, ...others] = finding.locations;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: primary
      ? [{ physicalLocation: physical(primary), ...(primary.ref ? { logicalLocations: [{ name: primary.ref, fullyQualifiedName: `${finding.plan ?? ''}/${primary.pointer}` }] } : {}) }]
      : [],
    ...(others.length > 0 ? { relatedLocations: others.map((location, index) => related(location, index + 1)) } : {}),
    partialFingerprints: { 'planFinding/v1': finding.fingerprint },
    properties: { messageId: finding.messageId, data: finding.data, ...(finding.values ? { values: finding.values, unit: finding.unit } : {}) },
    ...(finding.suppressed ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: finding.suppressed.reason }] } : {}),
  };
}

/** SARIF 2.1.0, built by hand: every rule with its help, results with related locations and stable fingerprints. */
export const sarifFormatter: Formatter = ({ findings }, context) => {
  const rules = context.rules.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description[context.lang] },
    fullDescription: { text: `${rule.description.zh} / ${rule.description.en}` },
    help: { text: rule.description[context.lang], markdown: `**${rule.id}**: ${rule.description[context.lang]}` },
    defaultConfiguration: { level: LEVELS[rule.severity] },
  }));
  const indexOf = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'plan', version: context.version, semanticVersion: context.version, rules } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => result(finding, indexOf.get(finding.ruleId) ?? -1)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
