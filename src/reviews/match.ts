import { basename } from 'node:path';
import type { Finding, FindingReview, Lang, Review } from '../model.js';
import { parent } from '../pointer.js';
import { say } from '../words.js';

function findingReview(review: Review): FindingReview {
  return {
    verdict: review.verdict,
    ...(review.quote === undefined ? {} : { quote: review.quote }),
    ...(review.reason === undefined ? {} : { reason: review.reason }),
    file: review.at.file,
    pointer: review.at.pointer,
  };
}

/**
 * Marks each finding with the first review that names it, and returns the reviews that named
 * none. Reviews are indexed by rule and fingerprint, and by rule, file and pointer (a finding
 * looks up its pointer and, for old acceptances, each ancestor), so 100 000 findings against
 * 100 000 reviews stay linear.
 */
export function applyReviews(reviews: readonly Review[], findings: readonly Finding[]): { findings: Finding[]; unused: Review[] } {
  const byFingerprint = new Map<string, number>();
  const byPlace = new Map<string, number>();
  const byAncestor = new Map<string, number>();
  reviews.forEach((review, index) => {
    const key =
      review.fingerprint !== undefined ? `${review.rule}\u0000${review.fingerprint}` : `${review.rule}\u0000${review.file ?? ''}\u0000${review.pointer ?? ''}`;
    const table = review.fingerprint !== undefined ? byFingerprint : review.legacy ? byAncestor : byPlace;
    if (!table.has(key)) table.set(key, index);
  });
  const used = new Set<number>();
  const result = findings.map((finding) => {
    let index = byFingerprint.get(`${finding.ruleId}\u0000${finding.fingerprint}`);
    const primary = finding.locations[0];
    if (index === undefined && primary) {
      const prefix = `${finding.ruleId}\u0000${basename(primary.file)}\u0000`;
      index = byPlace.get(prefix + primary.pointer);
      for (let pointer = primary.pointer; index === undefined && byAncestor.size > 0; pointer = parent(pointer)) {
        index = byAncestor.get(prefix + pointer);
        if (pointer === '') break;
      }
    }
    const review = index === undefined ? undefined : reviews[index];
    if (index === undefined || !review) return finding;
    used.add(index);
    return { ...finding, review: findingReview(review) };
  });
  return { findings: result, unused: reviews.filter((_, index) => !used.has(index)) };
}

/** A one-line name of what a review points at, for messages. */
export function reviewTarget(review: Review): string {
  return review.fingerprint ?? `${review.file ?? ''}#${review.pointer ?? ''}`;
}

/** A review as one line for a reader: `as printed: “quote” reason`. */
export function reviewText(review: FindingReview, lang: Lang): string {
  const said = [review.quote === undefined ? '' : `“${review.quote}”`, review.reason ?? ''].filter(Boolean).join(' ');
  return said ? `${say(lang, review.verdict)}: ${said}` : say(lang, review.verdict);
}
