// The scripted search session, picked deterministically from a dataset, and the recall truth: which issues a
// query truly matches, independent of any search library.
import type { SnapshotIssue } from '../../src/lib/snapshot';

/** One query of the session and what kind it is. */
export interface Query {
  text: string;
  kind: 'word' | 'words' | 'prefix' | 'typo' | 'label' | 'project' | 'project-name' | 'iid';
}

// Lower-case words of a text: each whitespace- or slash-separated token trimmed of punctuation (so a path like
// gitlab-org/gitlab-runner stays one word) and the alphanumeric runs inside it.
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const token of text.toLowerCase().split(/[\s/]+/)) {
    const trimmed = token.replace(/^[^\p{L}\p{N}#]+|[^\p{L}\p{N}]+$/gu, '');
    if (trimmed) words.push(trimmed);
    for (const part of token.split(/[^\p{L}\p{N}]+/u)) if (part && part !== trimmed) words.push(part);
  }
  return words;
}

/** Every word the truth compares a query word with. */
export function issueWords(issue: SnapshotIssue): Set<string> {
  const texts = [issue.title, issue.project, issue.excerpt, ...issue.labels.map((label) => label.name)];
  return new Set([issue.project.toLowerCase(), ...texts.flatMap(wordsOf)]);
}

/** Whether a and b are at most one insertion, deletion or substitution apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  // After the first difference the rest must agree: skip one character of the longer (insert/delete) or of both.
  return short.length === long.length ? short.slice(i + 1) === long.slice(i + 1) : short.slice(i) === long.slice(i + 1);
}

// Whether a query word matches one of an issue's words: equals it or is one edit away; the last word, which may
// still be being typed, may also begin one, or be one edit from a beginning of one.
function wordMatches(word: string, words: ReadonlySet<string>, typing: boolean): boolean {
  if (words.has(word)) return true;
  for (const w of words) {
    if (withinOneEdit(word, w)) return true;
    if (!typing) continue;
    if (w.startsWith(word)) return true;
    for (const length of [word.length - 1, word.length, word.length + 1]) {
      if (length < w.length && withinOneEdit(word, w.slice(0, length))) return true;
    }
  }
  return false;
}

/**
 * Whether `issue` truly matches `query`: every query word equals or is one edit from one of its words, and the
 * last word as typed may also begin one; `#123` and `123` match the iid.
 */
export function trulyMatches(issue: SnapshotIssue, query: string, words = issueWords(issue)): boolean {
  const q = query.trim().toLowerCase();
  const iid = /^#?(\d+)$/.exec(q);
  if (iid) return issue.iid === Number(iid[1]);
  const parts = q.split(/\s+/);
  return parts.every((word, at) => wordMatches(word, words, at === parts.length - 1));
}

// A project's name without its group, lower case: gitlab-runner for gitlab-org/gitlab-runner.
const lastSegment = (project: string) => project.slice(project.lastIndexOf('/') + 1).toLowerCase();

/**
 * The projects a whole query names: those whose path, or the last segment of it, equals the query, ignoring case
 * and a trailing slash. Written apart from the site's own rule, which this checks.
 */
export function namedProjects(query: string, projects: Iterable<string>): Set<string> {
  const q = query.trim().replace(/\/+$/, '').toLowerCase();
  const named = new Set<string>();
  for (const project of projects) if (q === project.toLowerCase() || q === lastSegment(project)) named.add(project);
  return named;
}

// Title words of five letters or more (shorter ones make one-edit neighbours of nearly everything), by how many
// issues carry them, most first; ties alphabetical.
function titleVocabulary(issues: readonly SnapshotIssue[]): string[] {
  const counts = new Map<string, number>();
  for (const issue of issues) {
    for (const word of new Set(issue.title.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? [])) {
      if (word.length >= 5) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

// A one-edit typo of `word` that is not itself a word of the dataset: delete, insert, substitute a vowel.
function typo(word: string, how: number, vocabulary: Set<string>): string {
  const mid = Math.floor(word.length / 2);
  const candidates = [
    word.slice(0, mid) + word.slice(mid + 1),
    word.slice(0, mid) + word[mid - 1] + word.slice(mid),
    word.replace(/[aeiou](?=[^aeiou]*$)/, (v) => (v === 'a' ? 'e' : 'a')),
    word.slice(0, 2) + word.slice(3),
  ];
  const ordered = [...candidates.slice(how % candidates.length), ...candidates.slice(0, how % candidates.length)];
  return ordered.find((candidate) => candidate !== word && !vocabulary.has(candidate)) ?? ordered[0]!;
}

// Bare project names in the session: what someone who knows the project types instead of its path.
const PROJECT_NAMES = 3;

/** The last path segments of the `count` projects with the most issues, most first; ties alphabetical. */
export function commonProjectNames(issues: readonly SnapshotIssue[], count: number): string[] {
  const counts = new Map<string, number>();
  for (const { project } of issues) counts.set(project, (counts.get(project) ?? 0) + 1);
  const names = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([project]) => lastSegment(project));
  return [...new Set(names)].slice(0, count);
}

const at = <T>(list: readonly T[], index: number): T => list[Math.min(index, list.length - 1)]!;

/** The session's queries: title words, two-word phrases, prefixes, typos, a label, project paths and names, and iids. */
export function pickQueries(issues: readonly SnapshotIssue[]): Query[] {
  const vocabulary = titleVocabulary(issues);
  const known = new Set(vocabulary);
  const long = vocabulary.filter((word) => word.length >= 7);
  const queries: Query[] = [];
  for (const rank of [0, 2, 5, 9, 14, 20]) queries.push({ text: at(vocabulary, rank), kind: 'word' });
  for (const share of [0.2, 0.5]) {
    const title = at(issues, Math.floor(issues.length * share)).title.toLowerCase().match(/[a-z][a-z0-9]{4,}/g) ?? [];
    if (title.length >= 2) queries.push({ text: `${title[0]} ${title[1]}`, kind: 'words' });
  }
  for (const rank of [1, 4, 7, 11]) {
    const word = at(long, rank);
    queries.push({ text: word.slice(0, Math.max(5, Math.ceil(word.length / 2))), kind: 'prefix' });
  }
  [0, 3, 6, 10].forEach((rank, how) => queries.push({ text: typo(at(long, rank), how, known), kind: 'typo' }));
  const labelCounts = new Map<string, number>();
  for (const issue of issues) {
    for (const { name } of issue.labels) if (/^[a-z]{6,}$/i.test(name)) labelCounts.set(name, (labelCounts.get(name) ?? 0) + 1);
  }
  const label = [...labelCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (label) queries.push({ text: label[0].toLowerCase(), kind: 'label' });
  const projects = [...new Set(issues.map((issue) => issue.project))].sort();
  for (const project of ['gitlab-org/gitlab-runner', projects.find((p) => p !== 'gitlab-org/gitlab-runner')!]) {
    if (projects.includes(project)) queries.push({ text: project, kind: 'project' });
  }
  for (const name of commonProjectNames(issues, PROJECT_NAMES)) queries.push({ text: name, kind: 'project-name' });
  queries.push({ text: `#${at(issues, Math.floor(issues.length * 0.37)).iid}`, kind: 'iid' });
  queries.push({ text: String(at(issues, Math.floor(issues.length * 0.71)).iid), kind: 'iid' });
  return queries;
}
