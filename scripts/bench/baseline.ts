// The naive search the keystroke figure is compared with, injected into the real page: fuse.js with default
// options over every issue, no narrowing, and every result rendered as an <li> on each keystroke.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { SnapshotIssue } from '../../src/lib/snapshot';
import { ROOT } from './paths';

/** The baseline's search input. */
export const BASELINE_INPUT = '#bench-search';
/** The baseline's result list, one <li> per result. */
export const BASELINE_RESULTS = '#bench-results';

const FUSE_FILE = join(ROOT, 'node_modules/fuse.js/dist/fuse.mjs');

// Runs in the page as a module script; the routes below serve its imports.
const SCRIPT = `
import Fuse from '/__bench/fuse.mjs';
const issues = await (await fetch('/__bench/issues.json')).json();
const fuse = new Fuse(issues, { keys: ['title', 'labels.name', 'excerpt'] });
const input = Object.assign(document.createElement('input'), { id: 'bench-search', type: 'search' });
const list = Object.assign(document.createElement('ol'), { id: 'bench-results' });
document.body.prepend(input, list);
input.addEventListener('input', () => {
  const items = document.createDocumentFragment();
  for (const { item } of fuse.search(input.value)) {
    const li = document.createElement('li');
    li.textContent = item.title;
    li.dataset.id = String(item.id);
    items.append(li);
  }
  list.replaceChildren(items);
});
window.__baselineReady = true;
`;

/**
 * Adds the baseline to a loaded page of a context made with bypassCSP (the site's CSP rightly refuses injected
 * scripts). Its issues come from the snapshot itself rather than the site's payload, so the baseline does not
 * depend on how src/ encodes the data.
 */
export async function installBaseline(page: Page, issues: readonly SnapshotIssue[]): Promise<void> {
  const plain = issues.map(({ id, title, excerpt, labels }) => ({ id, title, excerpt, labels: labels.map(({ name }) => ({ name })) }));
  await page.route('**/__bench/fuse.mjs', (route) => route.fulfill({ path: FUSE_FILE, contentType: 'text/javascript' }));
  await page.route('**/__bench/issues.json', (route) =>
    route.fulfill({ body: JSON.stringify(plain), contentType: 'application/json' }),
  );
  await page.addScriptTag({ type: 'module', content: SCRIPT });
  await page.waitForFunction(() => (window as unknown as { __baselineReady?: boolean }).__baselineReady === true, undefined, {
    timeout: 60_000,
  });
}

/** The ids of the baseline's first `count` results, as rendered. */
export function baselineTop(page: Page, count: number): Promise<number[]> {
  return page.$$eval(`${BASELINE_RESULTS} > li`, (items, n) => items.slice(0, n).map((li) => Number((li as HTMLElement).dataset.id)), count);
}
