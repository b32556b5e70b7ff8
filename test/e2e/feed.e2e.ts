import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FEED_MAX_ENTRIES } from '../../src/lib/atom';
import { facetFeedPath } from '../../src/lib/feeds';
import { parseSnapshot, type SnapshotIssue } from '../../src/lib/snapshot';
import { XML_FORBIDDEN_TITLE_MARKER } from './fixture';
import { fixture, issues, newPage, url, useBrowser } from './support/browser';

const ATOM = 'http://www.w3.org/2005/Atom';

const browser = useBrowser();
let page: Page;
beforeAll(async () => {
  page = await newPage(browser());
  await page.goto(url('/'));
});
afterAll(async () => {
  await page.context().close();
});

interface ParsedEntry {
  id: string | null;
  title: string | null;
  published: string | null;
  updated: string | null;
  summary: string | null;
  content: string | null;
  links: Array<{ rel: string | null; href: string | null }>;
  categories: Array<string | null>;
  authors: Array<string | null>;
}

/** Fetches a path of the site from the page and parses it with the browser's own XML parser. */
async function fetchFeed(page: Page, path: string) {
  return page.evaluate(
    async ({ path, ns }) => {
      const response = await fetch(path);
      const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
      const children = (parent: Element, name: string) => [...parent.children].filter((el) => el.namespaceURI === ns && el.localName === name);
      const textOf = (parent: Element, name: string) => children(parent, name)[0]?.textContent ?? null;
      const links = (parent: Element) => children(parent, 'link').map((link) => ({ rel: link.getAttribute('rel'), href: link.getAttribute('href') }));
      const authors = (parent: Element) => children(parent, 'author').map((author) => textOf(author, 'name'));
      const root = doc.documentElement;
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        parseErrors: doc.getElementsByTagName('parsererror').length,
        root: { localName: root.localName, namespaceURI: root.namespaceURI },
        feed: {
          id: textOf(root, 'id'),
          title: textOf(root, 'title'),
          updated: textOf(root, 'updated'),
          links: links(root),
          authors: authors(root),
        },
        entries: children(root, 'entry').map(
          (entry): ParsedEntry => ({
            id: textOf(entry, 'id'),
            title: textOf(entry, 'title'),
            published: textOf(entry, 'published'),
            updated: textOf(entry, 'updated'),
            summary: textOf(entry, 'summary'),
            content: textOf(entry, 'content'),
            links: links(entry),
            categories: children(entry, 'category').map((category) => category.getAttribute('term')),
            authors: authors(entry),
          }),
        ),
      };
    },
    { path, ns: ATOM },
  );
}

// What XML 1.0 cannot carry (controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF): the feed drops it.
const xmlOnly = (text: string) => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
const time = (iso: string | null) => (iso === null ? NaN : Date.parse(iso));
const absoluteIri = /^[a-z][a-z0-9+.-]*:/i;
// The feed links an item only under the GitLab instance its data came from, as the page does.
const linkable = (issue: SnapshotIssue) => /^https?:/.test(issue.url) && issue.url.startsWith(`${fixture.source.url}/`);

// The fixture's newest items, worked out from the file: latest first seen, then latest created, then issues before
// epics by id.
const kindOrder = (issue: SnapshotIssue) => (issue.kind === 'issue' ? 0 : 1);
const expected = [...issues]
  .sort(
    (a, b) =>
      time(b.firstSeenAt) - time(a.firstSeenAt) ||
      time(b.createdAt) - time(a.createdAt) ||
      kindOrder(a) - kindOrder(b) ||
      a.id - b.id,
  )
  .slice(0, FEED_MAX_ENTRIES);
const newItems = issues.filter(
  (issue) => fixture.previousGeneratedAt !== null && time(issue.firstSeenAt) > time(fixture.previousGeneratedAt),
);

describe('the Atom feed', () => {
  it('is served at /feed.xml and parses as an Atom document', async () => {
    const feed = await fetchFeed(page, '/feed.xml');
    expect(feed.status).toBe(200);
    expect(feed.contentType).toMatch(/xml/);
    expect(feed.parseErrors).toBe(0);
    expect(feed.root).toEqual({ localName: 'feed', namespaceURI: ATOM });
    expect(feed.feed.title).toBeTruthy();
    expect(feed.feed.id).toMatch(absoluteIri);
    expect(time(feed.feed.updated)).toBe(time(fixture.generatedAt));
    expect(feed.feed.authors).toEqual([fixture.source.group]);
    const link = (rel: string) => feed.feed.links.find((l) => l.rel === rel)?.href;
    expect(new URL(link('self')!, url('/feed.xml')).pathname).toBe('/feed.xml');
    expect(new URL(link('alternate')!, url('/feed.xml')).pathname).toBe('/');
  });

  it('lists the newest items of the fixture, new ones first', async () => {
    const { entries } = await fetchFeed(page, '/feed.xml');
    expect(newItems.length).toBeGreaterThan(0);
    expect(newItems.length).toBeLessThanOrEqual(FEED_MAX_ENTRIES);
    expect(entries).toHaveLength(Math.min(FEED_MAX_ENTRIES, issues.length));
    expect(entries.map((entry) => entry.title)).toEqual(expected.map((issue) => xmlOnly(issue.title) || issue.reference));
    // Every new item is there, ahead of every other.
    expect(new Set(expected.slice(0, newItems.length))).toEqual(new Set(newItems));
  });

  it('gives every entry what Atom requires, from its item', async () => {
    const { entries } = await fetchFeed(page, '/feed.xml');
    entries.forEach((entry, n) => {
      const issue = expected[n]!;
      const what = `entry ${n} (${issue.kind} ${issue.id})`;
      expect(entry.id, what).toMatch(absoluteIri);
      expect(time(entry.published), what).toBe(time(issue.firstSeenAt));
      // Never before it joined the list: a reader would show a new item as months old.
      expect(time(entry.updated), what).toBe(Math.max(time(issue.updatedAt), time(issue.firstSeenAt)));
      expect(entry.authors, what).toEqual([fixture.source.group]);
      expect(entry.categories, what).toEqual(issue.kind === 'epic' ? [...issue.curated, 'epic'] : issue.curated);
      const alternates = entry.links.filter((link) => link.rel === 'alternate').map((link) => link.href);
      if (linkable(issue)) {
        expect(entry.id, what).toBe(issue.url);
        expect(alternates, what).toEqual([issue.url]);
        expect(entry.summary ?? '', what).toBe(xmlOnly(issue.excerpt));
      } else {
        // Not linked; Atom then requires content, which carries the excerpt.
        expect(entry.links, what).toEqual([]);
        expect(entry.content, what).toBe(xmlOnly(issue.excerpt));
      }
      for (const href of entry.links.map((link) => link.href)) expect(href, what).toMatch(/^https?:\/\//);
    });
  });

  it('drops characters XML forbids from hostile titles and excerpts, and keeps the rest', async () => {
    const hostile = issues.find((issue) => issue.title.startsWith(XML_FORBIDDEN_TITLE_MARKER))!;
    expect(xmlOnly(hostile.title)).not.toBe(hostile.title);
    const { entries } = await fetchFeed(page, '/feed.xml');
    const entry = entries.find((e) => e.id === hostile.url);
    expect(entry, 'the hostile item is new, so listed').toBeDefined();
    expect(entry!.title).toBe(xmlOnly(hostile.title));
    expect(entry!.summary).toBe(xmlOnly(hostile.excerpt));
  });

  it('is linked from the page head', async () => {
    const feeds = await page
      .locator('head link[rel="alternate"][type="application/atom+xml"]')
      .evaluateAll((links) => links.map((link) => ({ href: (link as HTMLLinkElement).href, title: link.getAttribute('title') })));
    expect(feeds).toHaveLength(1);
    expect(new URL(feeds[0]!.href).pathname).toBe('/feed.xml');
    expect(feeds[0]!.title).toBeTruthy();
  });
});

describe('a feed per curated label, stage, group and language', () => {
  const feedsOf = (facet: 'label' | 'stage' | 'group', values: (issue: SnapshotIssue) => readonly (string | null)[]) => {
    const byValue = new Map<string, SnapshotIssue[]>();
    for (const issue of issues) for (const value of values(issue)) if (value !== null) byValue.set(value, [...(byValue.get(value) ?? []), issue]);
    return [...byValue].map(([value, members]) => ({ path: `/${facetFeedPath(facet, value)}`, value, members }));
  };
  const cases = [
    ...feedsOf('label', (issue) => issue.curated),
    ...feedsOf('stage', (issue) => [issue.stage]).slice(0, 3),
    ...feedsOf('group', (issue) => [issue.group]).filter((feed) => feed.value.includes(' ')).slice(0, 2),
  ];

  it('serves each as Atom, holding only the newest of its own issues, with its own self and alternate links', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
    for (const { path, value, members } of cases) {
      const feed = await fetchFeed(page, path);
      expect([feed.status, feed.parseErrors, feed.root.localName], path).toEqual([200, 0, 'feed']);
      expect(feed.feed.title, path).toContain(value);
      const ids = new Set(members.map((issue) => (linkable(issue) ? issue.url : null)));
      expect(feed.entries.length, path).toBe(Math.min(FEED_MAX_ENTRIES, members.length));
      for (const entry of feed.entries) if (entry.id?.startsWith('http')) expect(ids.has(entry.id), `${path}: ${entry.id}`).toBe(true);
      const link = (rel: string) => new URL(feed.feed.links.find((l) => l.rel === rel)!.href!, url(path));
      expect(link('self').pathname).toBe(path);
      expect(link('alternate').pathname).toBe('/');
      expect(link('alternate').search).not.toBe('');
    }
  });

  it('has one for each language the language map gives an issue', async () => {
    const feed = await fetchFeed(page, '/feeds/language/go.xml');
    expect([feed.status, feed.parseErrors]).toEqual([200, 0]);
    expect(feed.entries.length).toBeGreaterThan(0);
    expect(feed.feed.title).toContain('language Go');
  });
});

describe('Subscribe', () => {
  const headFeed = (page: Page) =>
    page.locator('head link[rel="alternate"][type="application/atom+xml"]').evaluate((link) => ({
      path: new URL((link as HTMLLinkElement).href).pathname,
      title: link.getAttribute('title'),
    }));
  const subscribe = (page: Page) => page.getByRole('link', { name: /^Subscribe to new issues/ });

  it('names the feed of the one facet value a view selects, and the page head’s feed link follows it', async () => {
    const viewer = await newPage(browser());
    try {
      const stage = issues.find((issue) => issue.stage)!.stage!;
      await viewer.goto(url(`/?stage=${encodeURIComponent(stage)}&q=a`));
      await viewer.waitForLoadState('networkidle');
      await expect.poll(() => subscribe(viewer).textContent()).toBe(`Subscribe to new issues in devops stage ${stage}`);
      expect(new URL((await subscribe(viewer).getAttribute('href'))!, url()).pathname).toBe(`/${facetFeedPath('stage', stage)}`);
      expect(await headFeed(viewer)).toEqual({ path: `/${facetFeedPath('stage', stage)}`, title: expect.stringMatching(new RegExp(`: devops stage ${stage}$`)) });
      // Two values: no one feed matches, so the feed of every issue.
      const other = issues.find((issue) => issue.stage && issue.stage !== stage)!.stage!;
      await viewer.goto(url(`/?stage=${encodeURIComponent(stage)}&stage=${encodeURIComponent(other)}`));
      await viewer.waitForLoadState('networkidle');
      await expect.poll(() => subscribe(viewer).textContent()).toBe('Subscribe to new issues');
      expect((await headFeed(viewer)).path).toBe('/feed.xml');
    } finally {
      await viewer.context().close();
    }
  });
});

describe('the JSON export', () => {
  it('is the snapshot the site was built from, byte for byte', async () => {
    const response = await fetch(url('/issues.json'));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(parseSnapshot(text)).toEqual(fixture);
    expect(text).toBe(readFileSync(inject('fixtureFile'), 'utf8'));
  });
});
