/** `plan rules`: every rule with its severity, stage and description. */
import { type CommandContext, languageFrom } from '../io/command-io.js';
import type { Lang } from '../model.js';
import { RULES } from '../rules/index.js';

export function rulesCommand(options: { format: 'text' | 'json'; lang?: Lang }, { io }: CommandContext): number {
  const lang = languageFrom(io.env, options.lang);
  const rules = RULES.map((rule) => ({ id: rule.id, severity: rule.severity, stage: rule.stage, description: rule.description[lang] }));
  if (options.format === 'json') io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
  else {
    const width = Math.max(...rules.map((rule) => rule.id.length));
    io.stdout(rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.stage.padEnd(5)}  ${rule.description}\n`).join(''));
  }
  return 0;
}
