import type { Issue } from './model';

// A shortlist is a hand-picked list of issues by reference, in the order chosen, with an optional title:
// `?ref=gitlab-org%2Fgitlab%2331447&ref=gitlab-org%2Fgitlab-runner%2331363&title=For+ACME`. It is shown live from the
// current data, so a link sent today still says tomorrow who is on each issue, and which have left the list.

/** The most references a shortlist holds: a meeting's worth many times over, and a bound on a crafted link. */
export const SHORTLIST_MAX = 50;
/** The longest title kept. */
export const SHORTLIST_TITLE_MAX = 120;

// A reference as GitLab writes one: a project path and #iid, or a group path and &iid (an epic). No spaces, no
// controls; the path's segments as GitLab allows them.
const REFERENCE = /^[A-Za-z0-9_][\w.-]*(?:\/[A-Za-z0-9_][\w.-]*)*[#&][1-9]\d{0,9}$/;

/** Whether a text is a reference a shortlist may hold. */
export function isReference(text: string): boolean {
  return text.length <= 300 && REFERENCE.test(text);
}

/** The references of a shortlist: trimmed, valid, each once (the first time), at most SHORTLIST_MAX. */
export function cleanReferences(values: Iterable<string>): string[] {
  const kept: string[] = [];
  for (const value of values) {
    const reference = value.trim();
    if (isReference(reference) && !kept.includes(reference)) kept.push(reference);
    if (kept.length === SHORTLIST_MAX) break;
  }
  return kept;
}

/** A shortlist's title as plain text on one line, at most SHORTLIST_TITLE_MAX characters; '' for none. */
export function cleanTitle(title: string): string {
  const line = title.replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ').trim();
  return [...line].slice(0, SHORTLIST_TITLE_MAX).join('');
}

/** One place of a shortlist: the issue it names as the data has it now, or null when the list no longer has it. */
export interface ShortlistEntry {
  reference: string;
  issue: Issue | null;
}

/**
 * The shortlist's issues in its order. A reference is matched as written, else case-insensitively (GitLab's paths
 * are); one the list no longer has (closed, or its curated label removed) keeps its place with no issue.
 */
export function shortlistEntries(references: readonly string[], issues: readonly Issue[]): ShortlistEntry[] {
  const exact = new Map(issues.map((issue) => [issue.reference, issue]));
  let loose: Map<string, Issue> | undefined;
  return references.map((reference) => {
    let issue = exact.get(reference);
    if (!issue) {
      loose ??= new Map(issues.map((each) => [each.reference.toLowerCase(), each]));
      issue = loose.get(reference.toLowerCase());
    }
    return { reference, issue: issue ?? null };
  });
}

/** Where GitLab has the issue (or epic) a reference names, on the instance: for one the list no longer has. */
export function referenceUrl(reference: string, gitlabUrl: string): string {
  const at = Math.max(reference.lastIndexOf('#'), reference.lastIndexOf('&'));
  const path = reference.slice(0, at);
  const iid = reference.slice(at + 1);
  const base = gitlabUrl.replace(/\/+$/, '');
  return reference[at] === '&' ? `${base}/groups/${path}/-/epics/${iid}` : `${base}/${path}/-/issues/${iid}`;
}

/** Reads a shortlist from a link's parameters: `ref` (repeated) and `title`. */
export function readShortlist(params: URLSearchParams): { references: string[]; title: string } {
  return { references: cleanReferences(params.getAll('ref')), title: cleanTitle(params.get('title') ?? '') };
}

/** Writes a shortlist into a link's parameters, as readShortlist reads it; nothing for an empty one. */
export function writeShortlist(params: URLSearchParams, references: readonly string[], title: string): void {
  const kept = cleanReferences(references);
  if (kept.length === 0) return;
  for (const reference of kept) params.append('ref', reference);
  const line = cleanTitle(title);
  if (line) params.append('title', line);
}
