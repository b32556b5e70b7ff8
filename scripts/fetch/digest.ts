import { excerptFromTokens, hasImplementationPlan, parseMarkdown } from '../../src/lib/markdown';
import type { ItemKind, Snapshot } from '../../src/lib/snapshot';

/** What the fetch reads out of a description; the only part of an item that needs the markdown parser. */
export interface DescriptionDigest {
  excerpt: string;
  hasImplementationPlan: boolean;
}

/** The fields of an API issue or epic the digester needs. */
export interface Describable {
  id: number;
  updated_at: string;
  description?: string | null;
}

/** Digests descriptions once per item version; counts how many were parsed and how many reused. */
export interface Digester {
  digest(kind: ItemKind, item: Describable): DescriptionDigest;
  readonly parsed: number;
  readonly reused: number;
}

// GitLab bumps updated_at whenever an item changes, its description included: same id and updated_at, same text.
// The kind is part of the key because an epic and an issue may share an id.
const versionOf = (kind: ItemKind, id: number, updatedAt: string) => `${kind}-${id}@${updatedAt}`;

/**
 * Parsing markdown is the fetch's costliest CPU work, so each item version is parsed once, and a nightly run takes
 * what the previous snapshot already says about the items that did not change.
 */
export function createDigester(previous?: Snapshot): Digester {
  const known = new Map<string, DescriptionDigest>();
  for (const item of previous?.issues ?? []) {
    known.set(versionOf(item.kind, item.id, item.updatedAt), {
      excerpt: item.excerpt,
      hasImplementationPlan: item.hasImplementationPlan,
    });
  }
  const seen = new Map<string, DescriptionDigest>();
  let parsed = 0;
  let reused = 0;
  return {
    digest(kind, item) {
      const version = versionOf(kind, item.id, item.updated_at);
      let digest = seen.get(version);
      if (digest) return digest;
      digest = known.get(version);
      if (digest) reused += 1;
      else {
        const tokens = parseMarkdown(item.description ?? '');
        digest = { excerpt: excerptFromTokens(tokens), hasImplementationPlan: hasImplementationPlan(tokens) };
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
