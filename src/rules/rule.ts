import type { Rational } from '../decimal.js';
import type { Message, PlanModel, Severity, SourceRef } from '../model.js';

/** What a rule says about one place; the engine turns it into a located, worded finding. */
export interface Report<MessageId extends string> {
  readonly messageId: MessageId;
  /** Placeholder values; a `Message` is worded in the report's language. */
  readonly data?: Readonly<Record<string, string | number | Message>>;
  /** Where the finding is. */
  readonly at: SourceRef;
  /** The other places it was compared with. */
  readonly related?: readonly SourceRef[];
  /** The figures compared, exact, in `unit`. */
  readonly values?: readonly Rational[];
  readonly unit?: string;
}

export interface RuleContext<MessageId extends string> {
  readonly plan: PlanModel;
  report(report: Report<MessageId>): void;
}

/** A rule is metadata plus one pure function of the plan model. */
export interface Rule<MessageId extends string = string> {
  /** kebab-case, stable: used by `--rule`, acceptances and SARIF. */
  readonly id: string;
  readonly severity: Severity;
  readonly description: Message;
  readonly messages: Readonly<Record<MessageId, Message>>;
  /** Absent for the checks that run while reading (yaml, schema): they report through the loader. */
  readonly check?: (context: RuleContext<MessageId>) => void;
}

/** Keeps each rule's message ids typed, so a misspelt id is a compile error. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}
