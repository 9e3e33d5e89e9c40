import { dirname, resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { run, type PlanResult } from '../engine.js';
import { DEFAULT_MAX_FILE_BYTES } from '../load/plan-folder.js';
import { parseYamlBytes, type YamlFile } from '../load/yaml-file.js';
import type { Finding, Lang } from '../model.js';
import { rulesOf } from '../rules/index.js';
import type { AuditedPlan } from '../views/load.js';
import { diagnosticsOf } from './diagnostics.js';
import { uriOf } from './places.js';

/** An open document as the plans read it: its text and the version the editor gave it. */
export interface OpenText {
  readonly path: string;
  readonly version: number;
  getText(): string;
}

/** What the plans need of the server: the open documents, and where diagnostics go. */
export interface PlanHost {
  readonly lang: Lang;
  /** Milliseconds an edit waits for the next before the plan is checked again. */
  readonly debounceMs: number;
  openTexts(): Iterable<OpenText>;
  publish(uri: string, diagnostics: Diagnostic[], version: number | undefined): void;
  documentation(ruleId: string): string;
  log(message: string): void;
}

const AUDIT_RULE_IDS: ReadonlySet<string> = new Set(rulesOf('audit').map((rule) => rule.id));

/**
 * Parsed files kept between runs, by path: a file whose bytes did not change is not parsed
 * again, and an edited one is read again from its last reading (only the list item edited).
 */
class ParsedFiles {
  private readonly files = new Map<string, { content: Buffer | string; file: YamlFile }>();

  readonly parse = (shown: string, content: Uint8Array | string, path: string): YamlFile => {
    const given = typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const kept = this.files.get(path);
    const same = kept !== undefined && (typeof given === 'string' ? kept.content === given : typeof kept.content !== 'string' && kept.content.equals(given));
    if (kept && kept.file.path === shown && same) return kept.file;
    const file = parseYamlBytes(shown, given, kept?.file.path === shown ? kept.file : undefined);
    // A copy of bytes: the buffer read from disk may be a slice of a larger one, reused.
    this.files.set(path, { content: typeof given === 'string' ? given : Buffer.from(given), file });
    return file;
  };

  forget(dir: string): void {
    for (const path of this.files.keys()) if (dirname(path) === dir) this.files.delete(path);
  }
}

/**
 * One plan folder as the editor sees it: its findings with the open files' unsaved text in
 * place of the files', rechecked after each edit, and the last audited model for hover and
 * navigation.
 */
export class PlanSession {
  /** The findings of the last run, by fingerprint: what the code actions act on. */
  findings = new Map<string, Finding>();
  /** The last run that reached the audit: its model stays while a file cannot be read. */
  audited: AuditedPlan | undefined;
  /** Bumped by every audited run, so that indexes built on a model know they are stale. */
  generation = 0;
  private published = new Map<string, Diagnostic[]>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    readonly dir: string,
    private readonly host: PlanHost,
    private readonly parsed: ParsedFiles,
  ) {}

  /** Checks the plan again once edits pause. */
  schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), this.host.debounceMs);
  }

  /** Checks the plan now; a check asked for while one runs follows it. */
  check(): Promise<void> {
    clearTimeout(this.timer);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runOnce()
      .catch((error: unknown) => this.host.log(`plan lsp: checking ${this.dir} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.closed) {
          this.again = false;
          void this.check();
        }
      });
    return this.running;
  }

  /** Stops checking: no check is left waiting (the server shuts down). */
  stop(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Takes back every diagnostic this plan published (the folder is gone, or the server stops). */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const uri of this.published.keys()) this.host.publish(uri, [], undefined);
    this.published.clear();
  }

  private async runOnce(): Promise<void> {
    const versions = new Map<string, number>();
    const overlay = new Map<string, string>();
    for (const open of this.host.openTexts()) {
      if (dirname(open.path) !== this.dir) continue;
      overlay.set(open.path, open.getText());
      versions.set(uriOf(open.path), open.version);
    }
    const result = await run([this.dir], {
      lang: this.host.lang,
      audit: true,
      keepModels: true,
      keepParsed: true,
      overlay,
      parse: this.parsed.parse,
      maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    });
    const plan: PlanResult | undefined = result.plans[0];
    const findings = plan ? plan.findings : result.inputFindings;
    this.findings = new Map(findings.map((finding) => [finding.fingerprint, finding]));
    const fresh = diagnosticsOf(findings, this.dir, this.host.lang, (id) => this.host.documentation(id));
    let next: Map<string, Diagnostic[]>;
    if (plan?.audited && plan.model && plan.locate) {
      this.audited = { model: plan.model, findings: plan.findings, locate: plan.locate };
      this.generation += 1;
      next = fresh;
    } else {
      // The audit did not run: the files that stopped it show why, the others keep their last results.
      next = new Map(this.published);
      const stopping = new Set(findings.filter((f) => f.severity === 'error' && !AUDIT_RULE_IDS.has(f.ruleId)).flatMap((f) => f.locations.map((l) => uriOf(l.file))));
      for (const uri of stopping) next.set(uri, fresh.get(uri) ?? []);
      if (this.audited === undefined) next = fresh;
    }
    this.publishAll(next, versions);
  }

  private publishAll(next: Map<string, Diagnostic[]>, versions: ReadonlyMap<string, number>): void {
    for (const uri of this.published.keys()) if (!next.has(uri)) this.host.publish(uri, [], versions.get(uri));
    for (const [uri, diagnostics] of next) this.host.publish(uri, diagnostics, versions.get(uri));
    // A file of the plan that is open but named by no finding hears that it has none.
    for (const [uri, version] of versions) if (!next.has(uri)) this.host.publish(uri, [], version);
    this.published = next;
  }
}

/** Every plan folder the editor has touched, by absolute path. */
export class Plans {
  private readonly sessions = new Map<string, PlanSession>();
  private readonly parsed = new ParsedFiles();

  constructor(private readonly host: PlanHost) {}

  get(dir: string): PlanSession {
    const key = resolve(dir);
    let session = this.sessions.get(key);
    if (!session) {
      session = new PlanSession(key, this.host, this.parsed);
      this.sessions.set(key, session);
    }
    return session;
  }

  find(dir: string): PlanSession | undefined {
    return this.sessions.get(resolve(dir));
  }

  /** A plan whose folder stopped being one (plan.yaml deleted): its diagnostics are taken back. */
  drop(dir: string): void {
    const key = resolve(dir);
    this.sessions.get(key)?.close();
    this.sessions.delete(key);
    this.parsed.forget(key);
  }

  all(): PlanSession[] {
    return [...this.sessions.values()];
  }
}
