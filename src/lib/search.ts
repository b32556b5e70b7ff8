import Fuse, { type FuseOptionKey, type FuseResult, type IFuseOptions } from 'fuse.js';
import type { Issue } from './model';

/** Inclusive [start, end] character indices of a match. */
export type MatchRange = [number, number];

/** One search result; lower scores are better, and 0 marks an exact reference, iid or project match. */
export interface SearchHit {
  id: number;
  score: number;
  /** Where the query matched issue.title and issue.excerpt, for highlighting. */
  ranges: { title?: MatchRange[]; excerpt?: MatchRange[] };
}

/** Fuzzy search over one dataset, built once per page load. */
export interface IssueSearch {
  /** Hits best first; [] for a query with fewer than 2 non-space characters. */
  search(query: string): SearchHit[];
}

/** A piece of text and whether it is part of a match. */
export interface TextSegment {
  text: string;
  match: boolean;
}

const MIN_QUERY_CHARS = 2;
// Every word costs a pass over the candidates; a dozen words already pin a result down.
const MAX_WORDS = 12;
// Fuse's bitap matches 32 characters at a time and ORs longer patterns chunk by chunk, which is slower and
// looser; a word's first 32 characters are as telling as all of it.
const MAX_WORD_LENGTH = 32;
// errors / word length: one typo passes in a word of five letters or more (pipline, mergre, documantation),
// shorter words must match exactly, or they would match nearly every excerpt.
const THRESHOLD = 0.2;

// Title words say what an issue is; references and projects are what people paste; labels and the excerpt
// mention many words in passing, so they count least.
const KEYS: FuseOptionKey<Issue>[] = [
  { name: 'title', weight: 5 },
  { name: 'ref', weight: 3, getFn: (issue) => [issue.reference, `#${issue.iid}`] },
  { name: 'project', weight: 2 },
  { name: 'labels', weight: 1, getFn: (issue) => issue.labels.map((label) => label.name) },
  { name: 'excerpt', weight: 1 },
];

// Every text the keys above index, for the exact-substring prefilter.
function searchedTexts(issue: Issue): string[] {
  return [
    issue.title,
    issue.reference,
    `#${issue.iid}`,
    issue.project,
    ...issue.labels.map((l) => l.name),
    issue.excerpt,
  ];
}

/** The Fuse options of every search; exported so tests can check the prefiltered search against plain Fuse. */
export const FUSE_OPTIONS: Readonly<IFuseOptions<Issue>> = {
  keys: KEYS,
  includeScore: true,
  includeMatches: true,
  // Issues mention a word anywhere in a title or excerpt; where it sits says nothing about relevance.
  ignoreLocation: true,
  threshold: THRESHOLD,
  // Extended search stays off: its AND needs every word in the same field, and its operators (!, ^, =, ', |, $)
  // would act on whatever a user types. Words are ANDed across fields by a logical query instead.
  useExtendedSearch: false,
  // Single matched letters carry no meaning and would clutter the highlight ranges.
  minMatchCharLength: 2,
};

// Distinct lower-case words of two characters or more: a lone letter would match almost everything.
function queryWords(query: string): string[] {
  const words = new Set<string>();
  for (const word of query.toLowerCase().split(/\s+/)) {
    if ([...word].length >= MIN_QUERY_CHARS) words.add(word.slice(0, MAX_WORD_LENGTH));
  }
  // A query of one-letter words ("a b") is searched as the phrase it is rather than as nothing.
  if (!words.size) words.add(query.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, MAX_WORD_LENGTH));
  return [...words].slice(0, MAX_WORDS);
}

// Pigeonhole: a match with at most k errors leaves one of k + 1 disjoint pieces of the word intact, so a text
// containing none of them cannot match and Fuse need not look at it. The epsilon lets float rounding only
// overestimate k, which weakens the filter but never drops a match.
function pieces(word: string): string[] {
  const count = Math.floor(THRESHOLD * word.length + 1e-9) + 1;
  const size = Math.floor(word.length / count);
  return Array.from({ length: count }, (_, p) => word.slice(p * size, p === count - 1 ? undefined : (p + 1) * size));
}

// The keys a query matches exactly: "123", "#123", a full reference, a project path or an issue URL.
function exactKeys(issue: Issue): string[] {
  return [String(issue.iid), `#${issue.iid}`, issue.reference, issue.project, issue.url].map((key) =>
    key.toLowerCase(),
  );
}

function rangesOf(result: FuseResult<Issue>, key: 'title' | 'excerpt'): MatchRange[] | undefined {
  const ranges = (result.matches ?? [])
    .filter((match) => match.key === key)
    .flatMap((match) => match.indices.map(([start, end]): MatchRange => [start, end]));
  return ranges.length ? mergeRanges(ranges) : undefined;
}

function mergeRanges(ranges: readonly MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: MatchRange[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function toHit(result: FuseResult<Issue>): SearchHit {
  const title = rangesOf(result, 'title');
  const excerpt = rangesOf(result, 'excerpt');
  return {
    id: result.item.id,
    score: result.score ?? 1,
    ranges: { ...(title && { title }), ...(excerpt && { excerpt }) },
  };
}

/** Whether a query is long enough to search: 2 or more non-space characters; callers show everything otherwise. */
export function isSearchQuery(query: string): boolean {
  return [...query.replace(/\s+/g, '')].length >= MIN_QUERY_CHARS;
}

/** Indexes the issues for fuzzy search; do it once, it is the expensive part. */
export function createSearch(issues: readonly Issue[]): IssueSearch {
  const { keys, records } = Fuse.createIndex(KEYS, issues).toJSON();
  const haystacks = issues.map((issue) => searchedTexts(issue).join('\n').toLowerCase());
  const exact = new Map<string, Issue[]>();
  for (const issue of issues) {
    for (const key of new Set(exactKeys(issue))) {
      const list = exact.get(key);
      if (list) list.push(issue);
      else exact.set(key, [issue]);
    }
  }

  // Fuse over the issues that can match every word: a subset of the prebuilt index records, so nothing is
  // re-indexed, and results and scores are exactly those of a search over everything.
  function fuzzy(words: readonly string[]): SearchHit[] {
    const required = words.map(pieces);
    const candidates = records.filter((record) => {
      const haystack = haystacks[record.i] ?? '';
      return required.every((options) => options.some((piece) => haystack.includes(piece)));
    });
    if (!candidates.length) return [];
    const fuse = new Fuse(issues, FUSE_OPTIONS, Fuse.parseIndex<Issue>({ keys, records: candidates }));
    // A logical AND of one term per word lets the words match in different fields (a project and a title word).
    return fuse.search({ $and: [...words] }).map(toHit);
  }

  return {
    search(query) {
      if (!isSearchQuery(query)) return [];
      const hits = fuzzy(queryWords(query));
      const exactIssues = exact.get(query.trim().replace(/\/+$/, '').toLowerCase()) ?? [];
      const exactIds = new Set(exactIssues.map((issue) => issue.id));
      const fuzzyIds = new Set(hits.map((hit) => hit.id));
      // Exact matches lead (score 0), in fuzzy order where fuzzy found them too, then in dataset order.
      const leading: SearchHit[] = [
        ...hits.filter((hit) => exactIds.has(hit.id)).map((hit) => ({ ...hit, score: 0 })),
        ...exactIssues
          .filter((issue) => !fuzzyIds.has(issue.id))
          .map((issue) => ({ id: issue.id, score: 0, ranges: {} })),
      ];
      return [...leading, ...hits.filter((hit) => !exactIds.has(hit.id))];
    },
  };
}

/** Splits text into matched and unmatched segments covering all of it, ignoring single-character ranges. */
export function highlightSegments(text: string, ranges: readonly MatchRange[] | undefined): TextSegment[] {
  const usable = mergeRanges(
    (ranges ?? [])
      .map(([start, end]): MatchRange => [Math.max(0, start), Math.min(text.length - 1, end)])
      .filter(([start, end]) => end > start),
  );
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of usable) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end + 1), match: true });
    at = end + 1;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
