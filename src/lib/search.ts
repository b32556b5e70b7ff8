import Fuse, { type FuseOptionKey, type IFuseOptions } from 'fuse.js';
import { isSearchQuery } from './query';
import type { Issue } from './model';
import { ITEMS_PER_STEP, runNow, type Steps } from './slices';
import { FIELDS, matchVocabulary, wordIndexSteps, wordsOf, type FieldTexts } from './word-index';

/** One search result, best first; a lower score is better, and 0 marks an exact reference, iid or project match. */
export interface SearchHit {
  id: number;
  /** The issue's position in the array the search was built from. */
  index: number;
  score: number;
}

/** What one query found: the hits in order, and the vocabulary words they matched, for highlighting. */
export interface SearchResult {
  hits: SearchHit[];
  words: ReadonlySet<string>;
}

/** Fuzzy search over one dataset, built once per page load. */
export interface IssueSearch {
  /** Hits best first; no hits for a query with fewer than 2 non-space characters. */
  search(query: string): SearchResult;
}

// Every word costs a vocabulary lookup and a pass over its postings; a dozen words already pin a result down.
const MAX_WORDS = 12;
// Fuse's bitap matches 32 characters at a time; a word's first 32 characters are as telling as all of it.
const MAX_WORD_LENGTH = 32;
// Fuse orders only the best candidates (the first page of cards); scoring thousands of loosely matching issues
// with Fuse on every keystroke is what made search slow (measured: 50 cost 1.6 ms median, 25 cost 0.7 ms).
const RERANKED = 25;
// Vocabulary matches of recent query words: typing re-asks for the same words key after key.
const CACHED_WORDS = 200;

// Title words say what an issue is; references and projects are what people paste; labels and the excerpt
// mention many words in passing, so they count least. The same weights as the word index's FIELDS.
const KEYS: FuseOptionKey<Issue>[] = [
  { name: 'title', weight: 5 },
  { name: 'ref', weight: 3, getFn: (issue) => [issue.reference, `#${issue.iid}`] },
  { name: 'project', weight: 2 },
  { name: 'labels', weight: 1, getFn: (issue) => issue.labels.map((label) => label.name) },
  { name: 'excerpt', weight: 1 },
];

function fieldTexts(issue: Issue): FieldTexts {
  return [[issue.title], [issue.reference, `#${issue.iid}`], [issue.project], issue.labels.map((l) => l.name), [issue.excerpt]];
}

/** The Fuse options that order the best candidates; exported so tests can compare with plain Fuse. */
export const FUSE_OPTIONS: Readonly<IFuseOptions<Issue>> = {
  keys: KEYS,
  includeScore: true,
  // Issues mention a word anywhere in a title or excerpt; where it sits says nothing about relevance.
  ignoreLocation: true,
  // One typo in a word of five letters or more, as the word index allows.
  threshold: 0.2,
  minMatchCharLength: 2,
};

/** The query's words, folded like the index's; one-letter words only when there is nothing else. */
function queryWords(query: string): string[] {
  const all = [...new Set(wordsOf(query).map((word) => word.slice(0, MAX_WORD_LENGTH)))];
  const long = all.filter((word) => [...word].length >= 2);
  return (long.length ? long : all).slice(0, MAX_WORDS);
}

// The keys a query matches exactly: "123", "#123", a full reference, a project path or an issue URL.
function exactKeys(issue: Issue): string[] {
  return [String(issue.iid), `#${issue.iid}`, issue.reference, issue.project, issue.url].map((key) => key.toLowerCase());
}

/** Indexes the issues for search, at once; do it once per dataset, it is the expensive part. */
export function createSearch(issues: readonly Issue[]): IssueSearch {
  return runNow(searchSteps(issues));
}

/** Indexes the issues for search, yielding between small pieces of work (see slices.ts). */
export function* searchSteps(issues: readonly Issue[]): Steps<IssueSearch> {
  const index = yield* wordIndexSteps(issues.length, (doc) => fieldTexts(issues[doc]!));
  // The best field weight among the fields in a bit mask, for every mask.
  const maskWeight = Float64Array.from({ length: 32 }, (_, mask) =>
    Math.max(0, ...FIELDS.map((field, f) => (mask & (1 << f) ? field.weight : 0))),
  );
  const exact = new Map<string, number[]>();
  for (let at = 0; at < issues.length; at++) {
    for (const key of new Set(exactKeys(issues[at]!))) {
      const list = exact.get(key);
      if (list) list.push(at);
      else exact.set(key, [at]);
    }
    if (at % ITEMS_PER_STEP === 0) yield;
  }
  const vocabularyCache = new Map<string, Map<number, number>>();
  const vocabularyMatches = (word: string) => {
    let found = vocabularyCache.get(word);
    if (!found) {
      found = matchVocabulary(index, word);
      if (vocabularyCache.size >= CACHED_WORDS) vocabularyCache.delete(vocabularyCache.keys().next().value!);
      vocabularyCache.set(word, found);
    }
    return found;
  };
  // Position of each issue in the default order (most recently updated first), to break score ties.
  const recency = new Int32Array(index.size);
  const byRecency = Int32Array.from(issues.keys()).sort((a, b) => issues[b]!.updatedAt - issues[a]!.updatedAt || b - a);
  byRecency.forEach((doc, rank) => (recency[doc] = rank));
  // Reused per query: the summed score and the number of query words each issue matched.
  const score = new Float64Array(index.size);
  const matchedWords = new Uint8Array(index.size);
  const best = new Float64Array(index.size);

  // Issues matching every word (AND across fields), best first by field weight and match quality.
  function candidates(words: readonly string[], vocabularyHits: ReadonlySet<string> & Set<string>): number[] {
    score.fill(0);
    matchedWords.fill(0);
    for (const word of words) {
      best.fill(0);
      for (const [at, quality] of vocabularyMatches(word)) {
        vocabularyHits.add(index.vocabulary[at]!);
        for (const posting of index.postings[at]!) {
          const doc = posting >>> 5;
          const value = maskWeight[posting & 31]! * quality;
          if (value > best[doc]!) best[doc] = value;
        }
      }
      for (let doc = 0; doc < index.size; doc++) {
        if (best[doc]! > 0) {
          score[doc] += best[doc]!;
          matchedWords[doc]! += 1;
        }
      }
    }
    // Sorting numbers in a typed array beats a comparator several times over: pack score (a multiple of 0.1:
    // integer weights times qualities of one decimal) and recency (ties: most recently updated first) in one key.
    const keys: number[] = [];
    for (let doc = 0; doc < index.size; doc++) {
      if (matchedWords[doc] === words.length) keys.push(Math.round(-score[doc]! * 10) * index.size + recency[doc]!);
    }
    return Array.from(Float64Array.from(keys).sort(), (key) => byRecency[((key % index.size) + index.size) % index.size]!);
  }

  // Fuse orders the best candidates; the rest keep the index's order behind them.
  function rerank(found: readonly number[], words: readonly string[]): SearchHit[] {
    const top = found.slice(0, RERANKED);
    const fuse = new Fuse(top.map((at) => issues[at]!), FUSE_OPTIONS);
    const ranked = fuse.search({ $and: [...words] });
    const seen = new Set(ranked.map((result) => top[result.refIndex]!));
    return [
      ...ranked.map((result) => ({ at: top[result.refIndex]!, score: result.score ?? 1 })),
      ...found.filter((at) => !seen.has(at)).map((at) => ({ at, score: 1 + 1 / (1 + score[at]!) })),
    ].map(({ at, score }) => ({ id: issues[at]!.id, index: at, score }));
  }

  return {
    search(query) {
      const words = new Set<string>();
      if (!isSearchQuery(query)) return { hits: [], words };
      const terms = queryWords(query);
      const fuzzy = terms.length ? rerank(candidates(terms, words), terms) : [];
      const exactAt = exact.get(query.trim().replace(/\/+$/, '').toLowerCase()) ?? [];
      const exactSet = new Set(exactAt);
      // Exact matches lead (score 0), then everything else in order.
      const hits = [
        ...exactAt.map((at) => ({ id: issues[at]!.id, index: at, score: 0 })),
        ...fuzzy.filter((hit) => !exactSet.has(hit.index)),
      ];
      return { hits, words };
    },
  };
}
