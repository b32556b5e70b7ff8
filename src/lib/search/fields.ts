import type { FuseOptionKey, IFuseOptions } from 'fuse.js';
import type { Issue } from '../model';

/**
 * What search looks at, in the word index's field order, and how much a match in each says about relevance. Title
 * words say what an issue is; references and projects are what people paste; labels and the excerpt mention many
 * words in passing, so they count least. The word index and Fuse's ranking of the best candidates both read this.
 */
export const SEARCH_FIELDS = [
  { name: 'title', weight: 5, texts: (issue: Issue) => [issue.title] },
  { name: 'ref', weight: 3, texts: (issue: Issue) => [issue.reference, `#${issue.iid}`] },
  { name: 'project', weight: 2, texts: (issue: Issue) => [issue.project] },
  { name: 'labels', weight: 1, texts: (issue: Issue) => issue.labels.map((label) => label.name) },
  { name: 'excerpt', weight: 1, texts: (issue: Issue) => [issue.excerpt] },
] as const;

/** An issue's searchable texts, one list per field in SEARCH_FIELDS order. */
export function fieldTexts(issue: Issue): string[][] {
  return SEARCH_FIELDS.map((field) => field.texts(issue));
}

/** How Fuse scores the best candidates of a search (see issue-search.ts): over the same fields, with their weights. */
export const FUSE_OPTIONS: Readonly<IFuseOptions<Issue>> = {
  keys: SEARCH_FIELDS.map(({ name, weight, texts }): FuseOptionKey<Issue> => ({ name, weight, getFn: texts })),
  includeScore: true,
  // Issues mention a word anywhere in a title or excerpt; where it sits says nothing about relevance.
  ignoreLocation: true,
  // One typo in a word of five letters or more, as the word index allows.
  threshold: 0.2,
  minMatchCharLength: 2,
};
