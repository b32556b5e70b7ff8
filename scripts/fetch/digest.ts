import { excerptFromTokens, hasImplementationPlan, parseMarkdown } from './markdown';
import type { ItemKind } from '../../src/lib/items';
import { itemKey } from '../../src/lib/model';

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

/** Digests descriptions once per item version in a run; counts how many it parsed. */
export interface Digester {
  digest(kind: ItemKind, item: Describable): DescriptionDigest;
  readonly parsed: number;
}

// GitLab bumps updated_at whenever an item changes, its description included: within one run, the same item and
// updated_at mean the same text (an item found by two curated labels comes twice). The item's key holds its kind
// because an epic and an issue may share an id.
const versionOf = (kind: ItemKind, id: number, updatedAt: string) => `${itemKey({ kind, id })}@${updatedAt}`;

/**
 * Parses each description once per run. Nothing is taken from the previous snapshot: it is downloaded from the
 * published site, so an excerpt edited there would otherwise be published again every night, and no check made
 * from public data (a hash of the description, say) could tell. Parsing every description costs about 0.25 s per
 * 5,000, while pages are still downloading.
 */
export function createDigester(): Digester {
  const seen = new Map<string, DescriptionDigest>();
  let parsed = 0;
  return {
    digest(kind, item) {
      const version = versionOf(kind, item.id, item.updated_at);
      let digest = seen.get(version);
      if (digest) return digest;
      const tokens = parseMarkdown(item.description ?? '');
      digest = { excerpt: excerptFromTokens(tokens), hasImplementationPlan: hasImplementationPlan(tokens) };
      parsed += 1;
      seen.set(version, digest);
      return digest;
    },
    get parsed() {
      return parsed;
    },
  };
}
