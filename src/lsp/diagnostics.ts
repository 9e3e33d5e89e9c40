import { type Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding, Lang, Location, Severity } from '../model.js';
import { reviewText } from '../reviews/match.js';
import { rangeOf, uriOf } from './places.js';

/** What a diagnostic carries for the code actions: which finding of which plan it is. */
export interface DiagnosticData {
  readonly fingerprint: string;
  readonly dir: string;
}

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

function placeText(location: Location): string {
  return [location.ref, location.quote === undefined ? undefined : `“${location.quote}”`].filter(Boolean).join(' ');
}

/**
 * The findings of one plan as diagnostics, by file URI: each finding in every file it names,
 * the other places as related information. A reviewed finding is a hint with its verdict.
 */
export function diagnosticsOf(findings: readonly Finding[], dir: string, lang: Lang, documentation: (ruleId: string) => string): Map<string, Diagnostic[]> {
  const byUri = new Map<string, Diagnostic[]>();
  for (const finding of findings) {
    const locations = finding.locations;
    const message = finding.review ? `${finding.message}\n✓ ${reviewText(finding.review, lang)}` : finding.message;
    const data: DiagnosticData = { fingerprint: finding.fingerprint, dir };
    const named = new Set<string>();
    locations.forEach((location, index) => {
      const uri = uriOf(location.file);
      // One diagnostic a file: its first place there, the others related.
      if (named.has(uri)) return;
      named.add(uri);
      const related: DiagnosticRelatedInformation[] = locations
        .filter((_, other) => other !== index)
        .map((other) => ({ location: { uri: uriOf(other.file), range: rangeOf(other) }, message: placeText(other) || finding.ruleId }));
      const diagnostic: Diagnostic = {
        range: rangeOf(location),
        severity: finding.review ? DiagnosticSeverity.Hint : SEVERITIES[finding.severity],
        code: finding.ruleId,
        codeDescription: { href: documentation(finding.ruleId) },
        source: 'plan',
        message,
        data,
        ...(related.length > 0 ? { relatedInformation: related } : {}),
      };
      let list = byUri.get(uri);
      if (!list) {
        list = [];
        byUri.set(uri, list);
      }
      list.push(diagnostic);
    });
  }
  return byUri;
}

