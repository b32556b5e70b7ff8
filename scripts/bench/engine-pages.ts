// The baseline search pages the keystroke and ready figures are compared with, written per dataset next to the
// built site and served by the bench's own static server (they are not part of the product): Pagefind over an index
// built here with its Node API, FlexSearch indexing the same records in the page, and the floor, which inserts the
// same 4 cards on every keystroke without searching: the cost of rendering alone. Each renders simple cards (title,
// reference, labels as text) into the same markup.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';
import type { SnapshotIssue } from '../../src/lib/snapshot';
import { ROOT } from './paths';

/** The engines with a page of their own. */
export const ENGINE_PAGES = ['pagefind', 'flexsearch', 'floor'] as const;
export type EnginePage = (typeof ENGINE_PAGES)[number];

/** How many results a baseline page renders, as our page's first page of cards. */
export const PAGE_CARDS = 25;
/** How many fixed cards the floor inserts on each keystroke. */
export const FLOOR_CARDS = 4;

/** The search input and the container of status and cards, the same on every baseline page. */
export const ENGINE_INPUT = '#q';
export const ENGINE_TARGET = 'main';
export const ENGINE_STATUS = '#status';
export const ENGINE_CARDS = '#results > article';

/** What every baseline searches and shows of an issue. */
export interface EngineRecord {
  id: number;
  title: string;
  reference: string;
  project: string;
  /** Label names, comma-separated: shown as text. */
  labels: string;
  excerpt: string;
  url: string;
}

/** The records of a dataset's issues, in snapshot order. */
export function engineRecords(issues: readonly SnapshotIssue[]): EngineRecord[] {
  return issues.map(({ id, title, reference, project, labels, excerpt, url }) => ({
    id,
    title,
    reference,
    project,
    labels: labels.map((label) => label.name).join(', '),
    excerpt,
    url,
  }));
}

/** An issue as a Pagefind custom record: every searched field in its content, what a card shows in its meta. */
export function pagefindRecord(record: EngineRecord): CustomRecord {
  return {
    url: record.url,
    content: [record.title, record.labels, record.excerpt, record.reference, record.project].filter(Boolean).join('\n'),
    language: 'en',
    meta: { title: record.title, reference: record.reference, labels: record.labels },
  };
}

const HTML = (engine: EnginePage) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${engine} baseline</title>
<style>
body { font: 16px/1.4 system-ui, sans-serif; margin: 1rem auto; max-width: 60rem; padding: 0 1rem; }
input { font: inherit; width: 100%; padding: 0.5rem; }
article { border: 1px solid #ccc; border-radius: 6px; padding: 0.5rem 1rem; margin: 0.5rem 0; }
h2 { font-size: 1.1rem; margin: 0; }
p { margin: 0.25rem 0; }
</style>
</head>
<body>
<input id="q" type="search" aria-label="Search issues" autocomplete="off">
<main><p id="status" role="status"></p><div id="results"></div></main>
<script type="module" src="/${engine}-page.js"></script>
</body>
</html>
`;

// Shared by the pages: renders an answer as cards, drops answers overtaken by a later keystroke, and searches what
// the input already holds when the script starts (typed before it loaded).
const CARDS_JS = `
function card(record) {
  const article = document.createElement('article');
  article.dataset.ref = record.reference;
  const title = document.createElement('h2');
  const link = Object.assign(document.createElement('a'), { href: record.url, textContent: record.title });
  title.append(link);
  const reference = Object.assign(document.createElement('p'), { textContent: record.reference });
  const labels = Object.assign(document.createElement('p'), { textContent: record.labels });
  article.append(title, reference, labels);
  return article;
}

export function bind(search) {
  const input = document.getElementById('q');
  const status = document.getElementById('status');
  const results = document.getElementById('results');
  let latest = 0;
  const run = async () => {
    const mine = ++latest;
    const query = input.value.trim();
    const answer = query ? await search(query) : { total: 0, records: [] };
    if (mine !== latest) return;
    const cards = document.createDocumentFragment();
    for (const record of answer.records) cards.append(card(record));
    results.replaceChildren(cards);
    status.textContent = query ? answer.total + ' results' : '';
  };
  input.addEventListener('input', run);
  if (input.value) run();
  window.__engineReady = true;
}
`;

// The Pagefind page: its default browser API (the search runs in its web worker), the first ${PAGE_CARDS} results' data.
const PAGEFIND_JS = `
import * as pagefind from '/pagefind/pagefind.js';
import { bind } from '/cards.js';
await pagefind.init();
bind(async (query) => {
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, ${PAGE_CARDS}).map((result) => result.data()));
  return { total: search.results.length, records: data.map(({ url, meta }) => ({ url, ...meta })) };
});
`;

// The FlexSearch page: a Document index over the same fields, built in the page from the same records, searching
// by word beginnings as typed ('forward'); results of every field merged, first ${PAGE_CARDS}.
const FLEXSEARCH_JS = `
import { Document } from '/flexsearch.mjs';
import { bind } from '/cards.js';
const records = await (await fetch('/issues.json')).json();
const index = new Document({ tokenize: 'forward', document: { id: 'id', index: ['title', 'labels', 'excerpt', 'reference', 'project'] } });
for (const record of records) index.add(record);
const byId = new Map(records.map((record) => [record.id, record]));
bind((query) => {
  const hits = index.search(query, { limit: ${PAGE_CARDS}, merge: true });
  return { total: hits.length, records: hits.slice(0, ${PAGE_CARDS}).map((hit) => byId.get(hit.id)) };
});
`;

const FLOOR_JS = (cards: readonly EngineRecord[]) => `
import { bind } from '/cards.js';
const records = ${JSON.stringify(cards)};
bind(() => ({ total: records.length, records }));
`;

const FLEXSEARCH_FILE = join(ROOT, 'node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs');

// A gzip -9 copy next to every file not already gzip (Pagefind's index and fragments are), which the static
// server sends as GitLab Pages would.
function precompress(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) precompress(path);
    else {
      const bytes = readFileSync(path);
      if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    }
  }
}

async function writePagefindIndex(records: readonly EngineRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    for (const record of records) {
      const added = await index.addCustomRecord(pagefindRecord(record));
      if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** Writes the baseline pages of `issues` into `dir` (emptied first), Pagefind's index included. */
export async function writeEnginePages(issues: readonly SnapshotIssue[], dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const records = engineRecords(issues);
  await writePagefindIndex(records, join(dir, 'pagefind'));
  const files: Record<string, string> = {
    'issues.json': JSON.stringify(records),
    'cards.js': CARDS_JS,
    'pagefind-page.js': PAGEFIND_JS,
    'flexsearch-page.js': FLEXSEARCH_JS,
    'floor-page.js': FLOOR_JS(records.slice(0, FLOOR_CARDS)),
  };
  for (const engine of ENGINE_PAGES) files[`${engine}.html`] = HTML(engine);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  copyFileSync(FLEXSEARCH_FILE, join(dir, 'flexsearch.mjs'));
  precompress(dir);
}
