import { visible } from './safe-text.js';
import { listedFindings, type Formatter } from './types.js';

/**
 * One line a finding, `file:line:col: severity message [rule]`: what an editor's errorformat
 * (`%f:%l:%c: %t%*[a-z] %m`) and grep read. Reviewed findings only with `--show-reviewed`.
 */
export const compactFormatter: Formatter = function* ({ findings }, context) {
  for (const finding of listedFindings(findings, context).listed) {
    const primary = finding.locations[0];
    const place = primary ? `${primary.file}:${primary.line}:${primary.column}` : '-:1:1';
    // One finding, one line: a line break in a message or a path would split it.
    yield `${visible(place)}: ${finding.severity} ${visible(finding.message).replace(/[\r\n]+/g, ' ')} [${finding.ruleId}]\n`;
  }
};
