/**
 * Where a user reads about the tool and each rule: the repository named in package.json when it
 * is set, else the files installed with the tool (docs/ ships in the package).
 */
import { readFileSync } from 'node:fs';

/** The package's root: one folder up from src/ (tests) and from dist/ (the built tool). */
const PACKAGE_ROOT = new URL('../', import.meta.url);

let repository: string | undefined | null = null;

/** `repository` of package.json as a web address (`git+https://…/x.git` → `https://…/x`), if set. */
export function repositoryUrl(): string | undefined {
  if (repository !== null) return repository;
  try {
    const pkg = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { repository?: string | { url?: string } };
    const given = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    repository = given ? given.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^github:/, 'https://github.com/') : undefined;
  } catch {
    repository = undefined;
  }
  return repository;
}

/** The tool's home: the repository, or the installed README. */
export function projectUrl(): string {
  return repositoryUrl() ?? new URL('README.md', PACKAGE_ROOT).href;
}

/** The page of one rule, docs/rules/<id>.md (generated from the rule and its tests). */
export function ruleDocUrl(ruleId: string): string {
  const repo = repositoryUrl();
  return repo ? `${repo}/blob/HEAD/docs/rules/${ruleId}.md` : new URL(`docs/rules/${ruleId}.md`, PACKAGE_ROOT).href;
}
