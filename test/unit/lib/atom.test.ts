import { describe, expect, it } from 'vitest';
import { atomFeed, FEED_MAX_ENTRIES, feedSubtitle, feedTagUri, type FeedLocation } from '../../../src/lib/atom';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotIssue } from '../../../src/lib/snapshot';
import { makeSnapshotIssue } from '../make-issue';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const T0 = Date.parse('2026-11-01T00:00:00.000Z');

const item = (id: number, overrides: Partial<SnapshotIssue> = {}) =>
  makeSnapshotIssue(id, {
    excerpt: `About issue ${id}`,
    createdAt: iso(T0 - 30 * DAY),
    updatedAt: iso(T0 - DAY),
    firstSeenAt: iso(T0 - 10 * DAY),
    ...overrides,
  });


const snapshot = (issues: SnapshotIssue[], source: Partial<Snapshot['source']> = {}): Snapshot => ({
  schemaVersion: SNAPSHOT_SCHEMA_VERSION,
  generatedAt: iso(T0),
  previousGeneratedAt: iso(T0 - DAY),
  source: { url: 'https://gitlab.com', group: 'gitlab-org', labels: ['co-create', 'quick win'], ...source },
  groupContacts: [],
  issues,
  departed: [],
});

const location: FeedLocation = {
  id: 'https://group.example.io/project/feed.xml',
  self: 'https://group.example.io/project/feed.xml',
  alternate: 'https://group.example.io/project/',
};

const feed = (issues: SnapshotIssue[], source?: Partial<Snapshot['source']>) => {
  const of = snapshot(issues, source);
  return atomFeed(of, { title: 'Co-Create issues', subtitle: feedSubtitle(of.source), items: issues }, location);
};

/** The text of XML character data or an attribute value, with the references this module writes resolved. */
const unescape = (value: string) =>
  value.replace(/&(amp|lt|gt|quot|#9|#10|#13);/g, (_, name: string) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', '#9': '\t', '#10': '\n', '#13': '\r' })[name]!,
  );

const entries = (xml: string) => [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((match) => match[1]!);
const child = (xml: string, name: string) => {
  const match = new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(xml);
  return match ? unescape(match[1]!) : undefined;
};
const entryIds = (xml: string) => entries(xml).map((entry) => child(entry, 'id'));

// Characters XML 1.0 allows (its Char production); anything else makes a parser reject the document.
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('the entries a feed lists', () => {
  // Which items, in which order: the entries' ids are the items' URLs.
  const listed = (items: SnapshotIssue[]) => entryIds(feed(items)).map((id) => items.find((i) => i.url === id)!);

  it('lists the latest first seen first, then the latest created, then issues before epics by id', () => {
    const items = [
      item(1, { firstSeenAt: iso(T0 - 5 * DAY) }),
      item(2, { firstSeenAt: iso(T0), createdAt: iso(T0 - 3 * DAY) }),
      item(3, { firstSeenAt: iso(T0), createdAt: iso(T0 - 2 * DAY) }),
      item(5, { kind: 'epic', url: 'https://gitlab.com/groups/gitlab-org/-/epics/5', firstSeenAt: iso(T0), createdAt: iso(T0 - 3 * DAY) }),
      item(4, { firstSeenAt: iso(T0), createdAt: iso(T0 - 3 * DAY) }),
      item(2, { kind: 'epic', url: 'https://gitlab.com/groups/gitlab-org/-/epics/2', firstSeenAt: iso(T0), createdAt: iso(T0 - 3 * DAY) }),
      item(6, { firstSeenAt: iso(T0 - DAY) }),
    ];
    expect(listed(items).map((i) => `${i.kind}-${i.id}`)).toEqual([
      'issue-3',
      'issue-2',
      'issue-4',
      'epic-2',
      'epic-5',
      'issue-6',
      'issue-1',
    ]);
  });

  it('compares times, not their text, so offsets order correctly', () => {
    const items = [item(1, { firstSeenAt: '2026-11-01T10:00:00+02:00' }), item(2, { firstSeenAt: '2026-11-01T09:00:00Z' })];
    expect(listed(items).map((i) => i.id)).toEqual([2, 1]);
  });

  it('keeps at most FEED_MAX_ENTRIES, the newest', () => {
    const items = Array.from({ length: FEED_MAX_ENTRIES + 20 }, (_, n) => item(n + 1, { firstSeenAt: iso(T0 - n * 60_000) }));
    const newest = listed([...items].reverse());
    expect(newest).toHaveLength(FEED_MAX_ENTRIES);
    expect(newest.map((i) => i.id)).toEqual(items.slice(0, FEED_MAX_ENTRIES).map((i) => i.id));
  });
});

describe('atomFeed', () => {
  it('has the feed elements Atom requires, with the given location and the snapshot time', () => {
    const xml = feed([item(1)]);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n')).toBe(true);
    expect(xml.endsWith('</feed>\n')).toBe(true);
    const head = xml.slice(0, xml.indexOf('<entry>'));
    expect(child(head, 'title')).toBe('Co-Create issues');
    expect(child(head, 'subtitle')).toContain('gitlab-org');
    expect(child(head, 'id')).toBe(location.id);
    expect(child(head, 'updated')).toBe(iso(T0));
    expect(head).toContain('<author><name>gitlab-org</name></author>');
    expect(head).toContain(`<link rel="self" type="application/atom+xml" href="${location.self}"/>`);
    expect(head).toContain(`<link rel="alternate" type="text/html" href="${location.alternate}"/>`);
  });

  it('writes each entry from its item', () => {
    const epic = item(7, {
      kind: 'epic',
      url: 'https://gitlab.com/groups/gitlab-org/-/epics/7',
      curated: ['co-create', 'quick win'],
      firstSeenAt: '2026-10-31T08:00:00+02:00',
      updatedAt: '2026-10-30T12:00:00.000Z',
      excerpt: 'Plan & do',
    });
    const [entry] = entries(feed([epic]));
    expect(child(entry!, 'id')).toBe(epic.url);
    expect(child(entry!, 'title')).toBe('Issue 7');
    expect(entry).toContain('<title type="text">');
    expect(entry).toContain(`<link rel="alternate" type="text/html" href="${epic.url}"/>`);
    // RFC 3339 in UTC whatever offset the snapshot used.
    expect(child(entry!, 'published')).toBe('2026-10-31T06:00:00.000Z');
    // Updated before it was listed: a reader shows it as changed when it joined the list, not months ago.
    expect(child(entry!, 'updated')).toBe('2026-10-31T06:00:00.000Z');
    expect(entry).toContain('<summary type="text">Plan &amp; do</summary>');
    expect([...entry!.matchAll(/<category term="([^"]*)"\/>/g)].map((m) => m[1])).toEqual(['co-create', 'quick win', 'epic']);
    expect(entry).toContain('<author><name>gitlab-org</name></author>');
  });

  it('says an entry was updated when its item last changed after joining the list', () => {
    const [entry] = entries(feed([item(1, { firstSeenAt: iso(T0 - 5 * DAY), updatedAt: '2026-10-31T10:00:00+01:00' })]));
    expect(child(entry!, 'published')).toBe(iso(T0 - 5 * DAY));
    expect(child(entry!, 'updated')).toBe('2026-10-31T09:00:00.000Z');
  });

  it('lists only the items it is given, under its own title and subtitle', () => {
    const items = [item(1), item(2), item(3)];
    const of = snapshot(items);
    const xml = atomFeed(of, { title: 'Verify', subtitle: feedSubtitle(of.source, 'in devops stage verify'), items: items.slice(1) }, location);
    expect(entryIds(xml).sort()).toEqual([items[1]!.url, items[2]!.url].sort());
    const head = xml.slice(0, xml.indexOf('<entry>'));
    expect(child(head, 'title')).toBe('Verify');
    expect(child(head, 'subtitle')).toBe('Open items of gitlab-org labelled co-create or quick win, in devops stage verify, newest on the list first.');
  });

  it('tags issues with their curated labels only, and leaves out an empty summary', () => {
    const [entry] = entries(feed([item(1, { curated: ['quick win'], excerpt: '' })]));
    expect([...entry!.matchAll(/<category term="([^"]*)"\/>/g)].map((m) => m[1])).toEqual(['quick win']);
    expect(entry).not.toContain('<summary');
  });

  it('lists the newest FEED_MAX_ENTRIES items in feed order', () => {
    const items = Array.from({ length: FEED_MAX_ENTRIES + 5 }, (_, n) => item(n + 1, { firstSeenAt: iso(T0 - n * DAY) }));
    expect(entryIds(feed(items))).toEqual(items.slice(0, FEED_MAX_ENTRIES).map((i) => i.url));
    expect(entries(feed(items))).toHaveLength(FEED_MAX_ENTRIES);
  });

  it('is a feed without entries for an empty snapshot', () => {
    const xml = feed([]);
    expect(entries(xml)).toEqual([]);
    expect(xml).toContain('<id>');
  });

  it('never links a URL that is not http(s) under the GitLab instance, and still gives the entry a body', () => {
    const xml = feed([
      item(1, { url: 'javascript:alert(document.domain)' }),
      item(2, { url: 'https://evil.example/gitlab-org/gitlab/-/issues/2', kind: 'epic' }),
    ]);
    expect(xml).not.toContain('javascript:');
    expect(xml).not.toContain('evil.example');
    const [first, second] = entries(xml);
    expect(child(first!, 'id')).toBe('tag:gitlab.com,2026:issue/1');
    expect(child(second!, 'id')).toBe('tag:gitlab.com,2026:epic/2');
    for (const entry of [first!, second!]) {
      expect(entry).not.toContain('<link');
      // An entry without an alternate link must have content (RFC 4287, 4.1.1).
      expect(entry).toMatch(/<content type="text">About issue \d<\/content>/);
      expect(entry).not.toContain('<summary');
    }
  });

  it('makes hostile text inert and XML-valid', () => {
    const hostile = '<script>alert("x")</script> & ]]> \u0000\u0001\u0008\u000b\u000c\u001f\udfff\ud800\uFFFE\uFFFF \u202eevil\u202c 😀 tab\there\r\nline';
    const xml = feed([item(1, { title: hostile, excerpt: hostile, curated: ['quick "win"\n<b>'] })], {
      labels: ['co-create', '\u0007bell'],
    });
    expect(xml).toMatch(XML_CHARS);
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain(']]>');
    const [entry] = entries(xml);
    const cleaned = '<script>alert("x")</script> & ]]>  \u202eevil\u202c 😀 tab\there\r\nline';
    expect(child(entry!, 'title')).toBe(cleaned);
    expect(child(entry!, 'summary')).toBe(cleaned);
    // Attribute values keep quotes and line breaks as references, so a parser gives back the label's name.
    expect(entry).toContain('<category term="quick &quot;win&quot;&#10;&lt;b&gt;"/>');
    expect(xml).not.toContain('\u0007');
  });

  it('falls back to the reference when nothing of the title is left', () => {
    const [entry] = entries(feed([item(1, { title: '\u0000\u0001' })]));
    expect(child(entry!, 'title')).toBe('gitlab-org/gitlab#1');
  });

  it('clips very long text, never leaving half of a surrogate pair', () => {
    const long = `${'a'.repeat(999)}😀${'b'.repeat(100_000)}`;
    const xml = feed([item(1, { title: long, excerpt: long })]);
    expect(xml).toMatch(XML_CHARS);
    expect(child(entries(xml)[0]!, 'title')).toBe(`${'a'.repeat(999)}…`);
    expect(xml.length).toBeLessThan(5000);
  });
});

describe('feedTagUri', () => {
  it('names the feed after the GitLab host, its path and the group', () => {
    expect(feedTagUri(snapshot([]).source)).toBe('tag:gitlab.com,2026:gitlab-org/feed');
    expect(feedTagUri({ url: 'https://example.com:8443/gitlab', group: 'team/sub', labels: ['x'] })).toBe(
      'tag:example.com,2026:gitlab/team/sub/feed',
    );
    expect(feedTagUri(snapshot([]).source, 'feeds/stage/verify')).toBe('tag:gitlab.com,2026:gitlab-org/feeds/stage/verify');
  });
});
