import { child } from '../../pointer.js';
import type { Review } from '../../model.js';
import type { Builder } from './draft.js';

interface RawReviews {
  reviews: Pick<Review, 'rule' | 'fingerprint' | 'file' | 'pointer' | 'verdict' | 'quote' | 'reason'>[];
}

/** reviews.yaml: the plan's reviews of its findings, each at its place in the file. */
export const buildReviews: Builder = (data, draft) => ({
  reviews: (data as RawReviews).reviews.map((entry, index) => ({ ...entry, legacy: false, at: draft.at('reviews', child('/reviews', index), 'reviews.yaml') })),
});
