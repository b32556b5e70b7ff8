import { fuseRanker } from './fuse-rank';
import { compareRecency, type Issue } from '../model';
import { ITEMS_PER_STEP, runNow, type Steps } from '../slices';
import { fieldTexts, FUSE_OPTIONS, SEARCH_FIELDS } from './fields';
import { projectNameIndex } from './project-names';
import { buildWordIndex, matchVocabulary, type Quality, type WordIndex } from './word-index';
import { wordsOf } from './words';

/**
 * One search result, best first; a lower score is better, and 0 marks an exact reference or iid match. When the
 * query names a project, its issues score below 2 and the others 2 or more (see project-names.ts).
 */
export interface SearchHit {
  id: number;
  /** The issue's position in the array the search was built from. */
  index: number;
  score: number;
}

/** What one query found: the matching issues in order, and the vocabulary words they matched, for highlighting. */
export interface SearchResult {
  /** Positions of the hits in the array the search was built from, best first. */
  order: Int32Array;
  /** The same hits with ids and scores; made on first use, since a keystroke needs only `order`. */
  readonly hits: SearchHit[];
  words: ReadonlySet<string>;
}

/** Fuzzy search over one dataset, set up once per page load. */
export interface IssueSearch {
  /** Hits best first; no hits for a query with fewer than 2 non-space characters. */
  search(query: string): SearchResult;
}

// Shorter queries show everything: a single letter matches nearly every issue.
const MIN_QUERY_CHARS = 2;
// Every word costs a vocabulary lookup and a pass over its postings; a dozen words already pin a result down.
const MAX_WORDS = 12;
// Fuse's bitap matches 32 characters at a time; a word's first 32 characters are as telling as all of it.
const MAX_WORD_LENGTH = 32;
// Fuse orders only the best candidates (the first page of cards); scoring thousands of loosely matching issues
// with Fuse on every keystroke is what made search slow (measured: 50 cost 1.6 ms median, 25 cost 0.7 ms).
const RERANKED = 25;
// Vocabulary matches and Fuse scores of recent query words: typing re-asks for the same words key after key.
const CACHED_WORDS = 200;

/** Whether a query is long enough to search: 2 or more non-space characters; callers show everything otherwise. */
export function isSearchQuery(query: string): boolean {
  return [...query.replace(/\s+/g, '')].length >= MIN_QUERY_CHARS;
}

/** The query's words, folded like the index's; one-letter words only when there is nothing else. */
function queryWords(query: string): string[] {
  const all = [...new Set(wordsOf(query).map((word) => word.slice(0, MAX_WORD_LENGTH)))];
  const long = all.filter((word) => [...word].length >= 2);
  return (long.length ? long : all).slice(0, MAX_WORDS);
}

// The keys a query matches exactly: "123", "#123", a full reference or an issue URL. Project names are ranked by
// project-names.ts.
function exactKeys(issue: Issue): string[] {
  return [String(issue.iid), `#${issue.iid}`, issue.reference, issue.url].map((key) => key.toLowerCase());
}

/** The word index over the issues' searchable fields: the expensive part, made once per dataset by the build. */
export function issueWordIndex(issues: readonly Issue[]): WordIndex {
  return buildWordIndex(issues.length, (doc) => fieldTexts(issues[doc]!));
}

/** Indexes the issues for search, at once (the build and Node scripts; the page is given the index). */
export function createSearch(issues: readonly Issue[]): IssueSearch {
  return runNow(searchSteps(issues, issueWordIndex(issues)));
}

/**
 * The search over `issues` with their word index (issueWordIndex, as the build wrote it), yielding between small
 * pieces of work (see slices.ts).
 */
export function* searchSteps(issues: readonly Issue[], index: WordIndex): Steps<IssueSearch> {
  if (index.size !== issues.length) throw new Error(`a word index of ${index.size} issues for ${issues.length}`);
  // The best field weight among the fields in a bit mask, for every mask.
  const maskWeight = Float64Array.from({ length: 32 }, (_, mask) =>
    Math.max(0, ...SEARCH_FIELDS.map((field, f) => (mask & (1 << f) ? field.weight : 0))),
  );
  const exact = new Map<string, number[]>();
  for (let at = 0; at < issues.length; at++) {
    for (const key of exactKeys(issues[at]!)) {
      const list = exact.get(key);
      // Once per issue, even when two of its keys are the same text.
      if (!list) exact.set(key, [at]);
      else if (list[list.length - 1] !== at) list.push(at);
    }
    if (at % ITEMS_PER_STEP === 0) yield;
  }
  const projects = projectNameIndex(issues.length, (at) => issues[at]!.project);
  const vocabularyCache = new Map<string, Map<number, Quality>>();
  const vocabularyMatches = (word: string) => {
    let found = vocabularyCache.get(word);
    if (!found) {
      // Typing on: the word a letter shorter was most likely just looked up, and narrows this one's pass.
      const shorterWord = word.slice(0, -1);
      const shorter = vocabularyCache.get(shorterWord);
      found = matchVocabulary(index, word, shorter && { word: shorterWord, found: shorter });
      if (vocabularyCache.size >= CACHED_WORDS) vocabularyCache.delete(vocabularyCache.keys().next().value!);
      vocabularyCache.set(word, found);
    }
    return found;
  };
  // The issues in the default order (most recently updated first), to break score ties.
  const byRecency = Int32Array.from(issues.keys()).sort((a, b) => compareRecency(issues[a]!, issues[b]!));
  // Reused per query: the summed score and the number of query words each issue matched.
  const score = new Float64Array(index.size);
  const matchedWords = new Uint8Array(index.size);
  const best = new Float64Array(index.size);

  // Issues matching every word (AND across fields), best first by field weight and match quality, ties most
  // recently updated first.
  function candidates(words: readonly string[], vocabularyHits: ReadonlySet<string> & Set<string>): Int32Array {
    score.fill(0);
    matchedWords.fill(0);
    for (const word of words) {
      best.fill(0);
      for (const [at, quality] of vocabularyMatches(word)) {
        vocabularyHits.add(index.vocabulary[at]!);
        for (let k = index.starts[at]!, end = index.starts[at + 1]!; k < end; k++) {
          const posting = index.postings[k]!;
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
    // Scores are multiples of 0.1 (integer weights times qualities of one decimal), so a counting sort over
    // tenths, fed in recency order, gives the order in two linear passes: a broad prefix matches most issues,
    // and sorting them all by comparison was a good part of its keystroke.
    let found = 0;
    let top = 0;
    for (let doc = 0; doc < index.size; doc++) {
      if (matchedWords[doc] !== words.length) continue;
      found++;
      top = Math.max(top, Math.round(score[doc]! * 10));
    }
    const starts = new Int32Array(top + 2);
    for (let doc = 0; doc < index.size; doc++) if (matchedWords[doc] === words.length) starts[top - Math.round(score[doc]! * 10) + 1]! += 1;
    for (let tenth = 1; tenth <= top + 1; tenth++) starts[tenth]! += starts[tenth - 1]!;
    const order = new Int32Array(found);
    for (const doc of byRecency) if (matchedWords[doc] === words.length) order[starts[top - Math.round(score[doc]! * 10)]!++] = doc;
    return order;
  }

  const fuseRank = fuseRanker(issues, FUSE_OPTIONS, CACHED_WORDS);
  // `exactAt` lead, with score 0. Then the candidates in the projects the query names (the first `lead`), then the
  // others: Fuse orders the first RERANKED of them all, group by group, and the rest keep the index's order. Each
  // group's scores start 2 above the previous one's, so scores still rise down the list.
  function rank(found: Int32Array, lead: number, words: readonly string[], exactAt: readonly number[]): { order: Int32Array; scores: Float64Array } {
    const placed = new Uint8Array(index.size);
    const order = new Int32Array(exactAt.length + found.length);
    const scores = new Float64Array(order.length);
    let n = 0;
    const place = (at: number, value: number) => {
      if (placed[at]) return;
      placed[at] = 1;
      order[n] = at;
      scores[n++] = value;
    };
    for (const at of exactAt) place(at, 0);
    let reranked = 0;
    const groups = lead > 0 ? [found.subarray(0, lead), found.subarray(lead)] : [found];
    groups.forEach((group, g) => {
      const head = Array.from(group.subarray(0, RERANKED - reranked));
      reranked += head.length;
      if (head.length) for (const hit of fuseRank(head, words)) place(hit.at, 2 * g + hit.score);
      for (const at of group) place(at, 2 * g + 1 + 1 / (1 + score[at]!));
    });
    return { order: order.subarray(0, n), scores: scores.subarray(0, n) };
  }

  return {
    search(query) {
      const words = new Set<string>();
      if (!isSearchQuery(query)) return result(issues, new Int32Array(0), new Float64Array(0), words);
      const terms = queryWords(query);
      const exactAt = exact.get(query.trim().replace(/\/+$/, '').toLowerCase()) ?? [];
      const { order: found, lead } = projects.first(terms.length ? candidates(terms, words) : new Int32Array(0), query);
      const { order, scores } = rank(found, lead, terms, exactAt);
      return result(issues, order, scores, words);
    },
  };
}

function result(issues: readonly Issue[], order: Int32Array, scores: Float64Array, words: ReadonlySet<string>): SearchResult {
  let hits: SearchHit[] | undefined;
  return {
    order,
    get hits() {
      hits ??= Array.from(order, (at, k) => ({ id: issues[at]!.id, index: at, score: scores[k]! }));
      return hits;
    },
    words,
  };
}
