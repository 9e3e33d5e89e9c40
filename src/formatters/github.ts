import { visible } from './safe-text.js';
import type { Formatter } from './types.js';

// Made visible first: a control character would reach the log; then GitHub's own escapes.
const escapeData = (text: string): string => visible(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands: one annotation per finding, on the changed line. */
export const githubFormatter: Formatter = ({ findings }) =>
  findings
    .map((finding) => {
      const where = finding.locations[0];
      const properties = [
        where && `file=${escapeProperty(where.file)}`,
        where && `line=${where.line}`,
        where && `col=${where.column}`,
        `title=${escapeProperty(`${finding.ruleId}${finding.suppressed ? ' (suppressed)' : ''}`)}`,
      ].filter(Boolean);
      const command = finding.suppressed ? 'notice' : COMMANDS[finding.severity];
      return `::${command} ${properties.join(',')}::${escapeData(finding.message)}\n`;
    })
    .join('');
