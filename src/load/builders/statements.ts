import { child } from '../../pointer.js';
import type { Builder, RawContainer } from './draft.js';

interface RawStatements {
  statements: ({ chapter?: string; section?: string } & RawContainer)[];
}

/** statements.yaml: figures of the prose, with the declared sums and counts the prose makes. */
export const buildStatements: Builder = (data, draft) => {
  (data as RawStatements).statements.forEach((group, index) => {
    const ref = group.chapter ? `第${group.chapter}章${group.section ? `第${group.section}节` : ''}` : '序言';
    draft.container('statements', child('/statements', index), group, ref);
  });
  return {};
};
