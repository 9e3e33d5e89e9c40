import { readFileSync } from 'node:fs';
import type { Finding, Location } from '../model.js';
import { listedFindings, type Formatter } from './types.js';

const SEVERITIES = { error: 'ERROR', warning: 'WARNING', info: 'INFO' } as const;

/**
 * rdjson columns count UTF-8 bytes; ours count characters. The file's line is read to convert,
 * once per file: a plan's data files are small, and a line that cannot be read keeps its column.
 */
function byteColumns(): (location: Location, column: number) => number {
  const lines = new Map<string, readonly string[] | undefined>();
  return (location, column) => {
    if (!lines.has(location.file)) {
      try {
        lines.set(location.file, readFileSync(location.file, 'utf8').split('\n'));
      } catch {
        lines.set(location.file, undefined);
      }
    }
    const text = lines.get(location.file)?.[location.line - 1];
    return text === undefined ? column : Buffer.byteLength(text.slice(0, column - 1), 'utf8') + 1;
  };
}

/** reviewdog's Diagnostic Result (rdjson): `reviewdog -f=rdjson` posts each on its changed line. */
export const rdjsonFormatter: Formatter = ({ findings }, context) => {
  const toBytes = byteColumns();
  const location = (place: Location) => ({
    path: place.file,
    range: {
      start: { line: place.line, column: toBytes(place, place.column) },
      ...(place.endLine === undefined || place.endColumn === undefined ? {} : { end: { line: place.endLine, column: toBytes({ ...place, line: place.endLine }, place.endColumn) } }),
    },
  });
  const diagnostic = (finding: Finding) => {
    const [primary, ...related] = finding.locations;
    return {
      message: finding.message,
      ...(primary ? { location: location(primary) } : {}),
      severity: SEVERITIES[finding.severity],
      code: { value: finding.ruleId },
      ...(related.length > 0 ? { related_locations: related.map((place) => ({ ...(place.ref === undefined ? {} : { message: place.ref }), location: location(place) })) } : {}),
    };
  };
  const result = { source: { name: 'plan' }, diagnostics: listedFindings(findings, context).listed.map(diagnostic) };
  return `${JSON.stringify(result, null, 2)}\n`;
};
