import { xmlText } from './text/xml';
import { safeGitlabUrl } from './links/safe-url';
import { compareItems } from './items';
import type { Snapshot, SnapshotIssue } from './snapshot';

/** The most entries the feed lists. */
export const FEED_MAX_ENTRIES = 50;

/** Where the feed and the site it belongs to live, as Atom needs them. */
export interface FeedLocation {
  /** The feed's permanent, non-relative id. */
  id: string;
  /** The feed's own URL (rel=self). */
  self: string;
  /** The site's home page (rel=alternate). */
  alternate: string;
}

// GitLab caps titles at 255 characters and the fetch excerpts at 280; this only stops a hand-made or hostile
// snapshot from bloating every reader's copy of the feed.
const MAX_TEXT_LENGTH = 1000;

// Clipping may split a surrogate pair; xmlText then drops the lone half.
function text(value: string): string {
  return xmlText(value.length > MAX_TEXT_LENGTH ? `${value.slice(0, MAX_TEXT_LENGTH)}…` : value);
}

// Snapshot times may carry offsets like +0200 that RFC 3339 (Atom's date format) does not allow.
const date = (iso: string) => new Date(iso).toISOString();

// Minted under the GitLab host with a fixed date (RFC 4151), so an id never changes between builds.
function tagUri(gitlabUrl: string, specific: string): string {
  const { hostname, pathname } = new URL(gitlabUrl);
  const prefix = pathname.replace(/^\/+|\/+$/g, '');
  return `tag:${hostname},2026:${prefix ? `${prefix}/` : ''}${specific}`;
}

/**
 * A stable id for a feed of a GitLab group's items when the site has no absolute URL to name it by: `path` is the
 * feed's path in the site without `.xml` (`feed`, `feeds/stage/verify`).
 */
export function feedTagUri(source: Snapshot['source'], path = 'feed'): string {
  return tagUri(source.url, `${source.group}/${path}`);
}

/** The items the feed lists, at most FEED_MAX_ENTRIES: latest first seen, then latest created, then file order. */
function feedItems(items: readonly SnapshotIssue[]): SnapshotIssue[] {
  // Each time parsed once, not in every comparison: a build sorts the whole list for each of its dozens of feeds.
  return items
    .map((item) => ({ item, seen: Date.parse(item.firstSeenAt), created: Date.parse(item.createdAt) }))
    .sort((a, b) => b.seen - a.seen || b.created - a.created || compareItems(a.item, b.item))
    .slice(0, FEED_MAX_ENTRIES)
    .map(({ item }) => item);
}

// One child element per line, indented under its parent; null or empty lines are elements left out.
const children = (lines: Array<string | null>, indent: string) =>
  lines.filter(Boolean).map((line) => `${indent}${line}\n`).join('');

// When an item last changed, as a feed reader should show it: never before it joined the list, which is the entry's
// `published` (an issue updated a year ago and listed today is new today).
const updated = (item: SnapshotIssue) => date(Date.parse(item.updatedAt) > Date.parse(item.firstSeenAt) ? item.updatedAt : item.firstSeenAt);

function entry(item: SnapshotIssue, source: Snapshot['source']): string {
  const link = safeGitlabUrl(item.url, source.url);
  const terms = item.kind === 'epic' ? [...item.curated, item.kind] : item.curated;
  return `  <entry>\n${children(
    [
      `<id>${xmlText(link ?? tagUri(source.url, `${item.kind}/${item.id}`))}</id>`,
      `<title type="text">${text(item.title) || xmlText(item.reference)}</title>`,
      link && `<link rel="alternate" type="text/html" href="${xmlText(link)}"/>`,
      `<published>${date(item.firstSeenAt)}</published>`,
      `<updated>${updated(item)}</updated>`,
      `<author><name>${text(source.group)}</name></author>`,
      ...terms.map((term) => `<category term="${text(term)}"/>`),
      // Atom requires an entry without content to link to its page; an item whose URL is not safe to link
      // carries its excerpt as content instead of as a summary.
      link
        ? item.excerpt && `<summary type="text">${text(item.excerpt)}</summary>`
        : `<content type="text">${text(item.excerpt)}</content>`,
    ],
    '    ',
  )}  </entry>\n`;
}

/** What one feed lists: its title, what it is (the subtitle), and the items it picks its newest from. */
export interface FeedContent {
  title: string;
  subtitle: string;
  items: readonly SnapshotIssue[];
}

/** What a feed lists, in words: "Open items of gitlab-org labelled co-create or quick win[, scope], newest …". */
export function feedSubtitle(source: Snapshot['source'], scope?: string): string {
  return `Open items of ${source.group} labelled ${source.labels.join(' or ')}${scope ? `, ${scope}` : ''}, newest on the list first.`;
}

/** The Atom 1.0 feed (RFC 4287) of the newest of a snapshot's items; every string from the data is made XML-safe. */
export function atomFeed(snapshot: Pick<Snapshot, 'source' | 'generatedAt'>, feed: FeedContent, location: FeedLocation): string {
  const { source } = snapshot;
  const { title, subtitle } = feed;
  const head = children(
    [
      `<title type="text">${text(title)}</title>`,
      `<subtitle type="text">${text(subtitle)}</subtitle>`,
      `<id>${xmlText(location.id)}</id>`,
      `<updated>${date(snapshot.generatedAt)}</updated>`,
      `<author><name>${text(source.group)}</name></author>`,
      `<link rel="self" type="application/atom+xml" href="${xmlText(location.self)}"/>`,
      `<link rel="alternate" type="text/html" href="${xmlText(location.alternate)}"/>`,
    ],
    '  ',
  );
  const entries = feedItems(feed.items).map((item) => entry(item, source));
  const root = '<feed xmlns="http://www.w3.org/2005/Atom">';
  return `<?xml version="1.0" encoding="utf-8"?>\n${root}\n${head}${entries.join('')}</feed>\n`;
}
