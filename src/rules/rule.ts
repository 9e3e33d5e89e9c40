import type { Rational } from '../decimal.js';
import type { DocumentPart, Message, PlanModel, Severity, SourceRef } from '../model.js';

/**
 * When a rule runs. `read`: while the files are read and checked against their schemas (a plan
 * that fails one is not audited; `plan validate` runs only these). `audit`: on the plan model.
 */
export type Stage = 'read' | 'audit';

/** What a rule says about one place; the engine turns it into a located, worded finding. */
export interface RuleProblem<MessageId extends string> {
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
  report(problem: RuleProblem<MessageId>): void;
}

/** A rule is metadata plus, for an audit rule, one pure function of the plan model. */
export interface Rule<MessageId extends string = string> {
  /** kebab-case, stable: used by `--rule`, reviews and SARIF; the rule's file is named by it. */
  readonly id: string;
  readonly stage: Stage;
  readonly severity: Severity;
  readonly description: Message;
  readonly messages: Readonly<Record<MessageId, Message>>;
  /**
   * The parts of the plan the rule judges. When a draft records one of them as unread (plan.yaml
   * `draft.unread`), the rule does not run: its findings would come from what was never read.
   */
  readonly reads?: readonly DocumentPart[];
  /**
   * The rule judges the appendix row by row and leaves out the rows a draft records as misread
   * (`draft.unread` entries with a `row`, `unreadRowsOf`): such entries do not stop it, only an
   * entry for the appendix as a whole does.
   */
  readonly readsRows?: boolean;
  /**
   * A second line for some messages: what the reader checks the first line by (fact keys,
   * intervals), so the message itself can lead with what the plan calls the thing.
   */
  readonly details?: Readonly<Partial<Record<MessageId, Message>>>;
  /**
   * The audit. Absent for a reading rule (the loader reports through it) and for a rule only
   * the engine can decide (an acceptance that matched nothing).
   */
  readonly check?: (context: RuleContext<MessageId>) => void;
}

/** Keeps each rule's message ids typed, so a misspelt id is a compile error. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}
