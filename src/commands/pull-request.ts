import { appendFileSync } from 'node:fs';
import type { FindingComparison } from '../compare/findings.js';
import { compareFindings } from '../compare/findings.js';
import type { RepositoryContext } from '../formatters/types.js';
import { changedLines, repositoryRoot } from '../load/git-revision.js';
import type { Finding, Lang } from '../model.js';
import { loadSide, type SideError } from '../compare/sides.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface RepositoryFlags {
  readonly repositoryUrl?: string;
  readonly commit?: string;
}

/**
 * The repository's root, web address and commit: from the flags, else from the standard CI
 * variables (GitHub Actions, GitLab CI), else unknown (no links).
 */
export function repositoryContext(env: Env, flags: RepositoryFlags): RepositoryContext {
  const github = env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY'] ? `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}` : undefined;
  const url = flags.repositoryUrl ?? github ?? env['CI_PROJECT_URL'];
  const commit = flags.commit ?? env['GITHUB_SHA'] ?? env['CI_COMMIT_SHA'];
  const reportUrl = github && env['GITHUB_RUN_ID'] ? `${github}/actions/runs/${env['GITHUB_RUN_ID']}` : env['CI_JOB_URL'];
  return {
    root: repositoryRoot() ?? process.cwd(),
    ...(url ? { url } : {}),
    ...(commit ? { commit } : {}),
    ...(reportUrl ? { reportUrl } : {}),
  };
}

/** `--since <rev>`: the audit of the same paths at the revision, compared by fingerprint, and the lines changed since. */
export async function sinceRevision(
  revision: string,
  paths: readonly string[],
  lang: Lang,
  findings: readonly Finding[],
  only?: ReadonlySet<string>,
  /** The head's `--max-file-size`: the base is read within the same bound, so a file is judged alike on both sides. */
  maxFileBytes?: number,
): Promise<{ comparison: FindingComparison; changed: Map<string, Set<number>> } | SideError> {
  const base = await loadSide(revision, paths, lang, false, maxFileBytes);
  if ('error' in base) return base;
  try {
    let before = [...base.run.inputFindings, ...base.run.plans.flatMap((plan) => plan.findings)];
    if (only) before = before.filter((finding) => only.has(finding.ruleId));
    return { comparison: compareFindings(revision, before, findings), changed: changedLines(revision, paths) };
  } finally {
    base.dispose();
  }
}

/** GitHub's job summary: the markdown report, appended to `$GITHUB_STEP_SUMMARY` when it is set. */
export function writeStepSummary(env: Env, markdown: string): boolean {
  const path = env['GITHUB_STEP_SUMMARY'];
  if (!path) return true;
  try {
    appendFileSync(path, markdown);
    return true;
  } catch {
    return false;
  }
}

