import { excerptFromTree, hasImplementationPlan, parseMarkdown } from '../../src/lib/markdown';
import type { Snapshot } from '../../src/lib/snapshot';
import type { ApiIssue } from './api-issue';

/** What the fetch reads out of a description; the only part of an issue that needs the markdown parser. */
export interface DescriptionDigest {
  excerpt: string;
  hasImplementationPlan: boolean;
}

/** Digests descriptions once per issue version; counts how many were parsed and how many reused. */
export interface Digester {
  digest(issue: ApiIssue): DescriptionDigest;
  readonly parsed: number;
  readonly reused: number;
}

// GitLab bumps updated_at whenever an issue changes, its description included: same id and updated_at, same text.
const versionOf = (id: number, updatedAt: string) => `${id}@${updatedAt}`;

/**
 * Parsing markdown is the fetch's costliest work (about 1 MB/s), so each issue version is parsed once, and a
 * nightly run takes what the previous snapshot already says about the issues that did not change.
 */
export function createDigester(previous?: Snapshot): Digester {
  const known = new Map<string, DescriptionDigest>();
  for (const issue of previous?.issues ?? []) {
    known.set(versionOf(issue.id, issue.updatedAt), { excerpt: issue.excerpt, hasImplementationPlan: issue.hasImplementationPlan });
  }
  const seen = new Map<string, DescriptionDigest>();
  let parsed = 0;
  let reused = 0;
  return {
    digest(issue) {
      const version = versionOf(issue.id, issue.updated_at);
      let digest = seen.get(version);
      if (digest) return digest;
      digest = known.get(version);
      if (digest) reused += 1;
      else {
        const tree = parseMarkdown(issue.description ?? '');
        digest = { excerpt: excerptFromTree(tree), hasImplementationPlan: hasImplementationPlan(tree) };
        parsed += 1;
      }
      seen.set(version, digest);
      return digest;
    },
    get parsed() {
      return parsed;
    },
    get reused() {
      return reused;
    },
  };
}
