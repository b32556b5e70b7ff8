import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemKey } from '../../src/lib/model';
import { BIDI_TITLE_MARKER, FOREIGN_URL, FOREIGN_URL_TITLE_MARKER, HOSTILE_MARKER } from './fixture';
import { facetOptions, issues, open, showAll, url, useBrowser } from './support/browser';

const browser = useBrowser();

// Anything a payload could run ends up here: alert & co. are replaced before any page script, and CSP violations
// are recorded as they happen.
const TRAP = () => {
  const w = window as unknown as Record<string, unknown>;
  const caught = (what: string) => () => {
    w.__trapped = [...((w.__trapped as string[]) ?? []), what];
  };
  window.alert = caught('alert');
  window.confirm = caught('confirm') as unknown as typeof window.confirm;
  window.prompt = caught('prompt') as unknown as typeof window.prompt;
  document.addEventListener('securitypolicyviolation', (event) => {
    w.__csp = [...((w.__csp as string[]) ?? []), `${event.violatedDirective} ${event.blockedURI}`];
  });
};

let context: BrowserContext;
let page: Page;
let dialogs: string[];
let consoleErrors: string[];
beforeEach(async () => {
  context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(TRAP);
  page = await context.newPage();
  dialogs = [];
  consoleErrors = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
});
afterEach(async () => {
  await context.close();
});

const hostile = issues.filter((issue) => issue.title.includes(HOSTILE_MARKER));
const foreignIssue = issues.find((issue) => issue.url === FOREIGN_URL)!;
// The generator's own hostile issues (every 17th) with markup in the title.
const markupTitles = issues.filter((issue) => /<(script|img|svg)/i.test(issue.title));

/** Nothing ran, nothing was injected as markup, and no link goes to javascript:. */
async function expectInert(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const cards = [...document.querySelectorAll('article')];
    return {
      xss: w.__xss ?? null,
      trapped: w.__trapped ?? [],
      csp: w.__csp ?? [],
      scriptsInCards: cards.reduce((n, card) => n + card.querySelectorAll('script').length, 0),
      // Elements that payloads would create; cards draw none of these themselves.
      injected: cards.reduce((n, card) => n + card.querySelectorAll('img, svg, iframe, object, embed').length, 0),
      handlers: [...document.querySelectorAll('*')]
        .filter((el) => [...el.attributes].some((attribute) => /^on/i.test(attribute.name)))
        .map((el) => el.outerHTML.slice(0, 120)),
      jsLinks: [...document.querySelectorAll('a[href], area[href]')]
        .filter((a) => (a as HTMLAnchorElement).protocol === 'javascript:')
        .map((a) => a.getAttribute('href')),
      styleAttrsInCards: cards.flatMap((card) => [...card.querySelectorAll('[style]')].map((el) => el.getAttribute('style'))),
    };
  });
  expect(found).toEqual({ xss: null, trapped: [], csp: [], scriptsInCards: 0, injected: 0, handlers: [], jsLinks: [], styleAttrsInCards: [] });
  expect(dialogs).toEqual([]);
}

/** Every fixture issue with a card on the page shows its title as plain text. */
async function expectTitlesAsText(page: Page, expected: typeof issues): Promise<void> {
  for (const issue of expected) {
    const heading = page.locator(`h3[id="issue-${issue.id}"]`);
    expect(await heading.count(), `card of issue ${issue.id}`).toBe(1);
    expect(await heading.textContent()).toBe(issue.title);
    expect(await heading.isVisible()).toBe(true);
  }
}

describe('hostile data executes nothing', () => {
  it('a search showing the hostile issues renders their markup as text', async () => {
    expect(hostile.length).toBeGreaterThanOrEqual(3);
    await open(page, `/?q=${HOSTILE_MARKER.toLowerCase()}`);
    await showAll(page);
    await expectTitlesAsText(page, hostile);
    await expectInert(page);
    // The issue whose URL lies off the instance is listed, but its title is not a link.
    const foreignHeading = page.locator(`h3[id="issue-${foreignIssue.id}"]`);
    expect(await foreignHeading.textContent()).toContain(FOREIGN_URL_TITLE_MARKER);
    expect(await foreignHeading.locator('a').count()).toBe(0);
    // Other hostile issues are linked, to GitLab.
    for (const issue of hostile.filter((i) => i !== foreignIssue)) {
      expect(await page.locator(`h3[id="issue-${issue.id}"] a`).getAttribute('href')).toBe(issue.url);
    }
    // Label names with markup are shown as text on the cards, and hostile facet values in the filters.
    const labelTexts = await page.locator('article ul[aria-label="Labels"] li').allTextContents();
    for (const name of hostile.flatMap((issue) => issue.labels.map((l) => l.name)).filter((n) => n.includes('<'))) {
      const [scope, value] = name.includes('::') ? [name.slice(0, name.lastIndexOf('::')), name.slice(name.lastIndexOf('::') + 2)] : [name, ''];
      expect(labelTexts).toContain(`${scope}${value}`);
    }
    const groups = await facetOptions(page, 'Group');
    for (const group of hostile.map((issue) => issue.group).filter((g): g is string => !!g?.includes('<'))) {
      expect(groups.map((o) => o.value)).toContain(group);
    }
    // The label whose colour tried to smuggle CSS is drawn neutral (no colour class), and no stylesheet carries it.
    const smuggler = hostile.flatMap((issue) => issue.labels).find((l) => l.name.includes('<img'))!;
    expect(smuggler.color).toBeNull();
    const badgeClass = await page
      .locator('article ul[aria-label="Labels"] > li', { hasText: smuggler.name })
      .first()
      .getAttribute('class');
    expect(badgeClass).not.toMatch(/\blc-/);
    const css = await page.evaluate(() =>
      Promise.all([...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].map((l) => fetch(l.href).then((r) => r.text()))),
    );
    expect(css.length).toBeGreaterThan(0);
    expect(css.join('\n')).not.toMatch(/javascript:|url\(javascript/i);
    expect(consoleErrors).toEqual([]);
  });

  it('compact rows render the hostile issues as text too, and link none off the instance', async () => {
    await open(page, `/?q=${HOSTILE_MARKER.toLowerCase()}&view=compact`);
    await showAll(page);
    expect(await page.locator('main ol[data-density="compact"]').count()).toBe(1);
    await expectTitlesAsText(page, hostile);
    await expectInert(page);
    expect(await page.locator(`h3[id="issue-${foreignIssue.id}"] a`).count()).toBe(0);
    // Label names with markup are text in the rows' label lists as well.
    const labelTexts = await page.locator('article ul[aria-label="Labels"] li').allTextContents();
    expect(labelTexts.some((text) => text.includes('<script>'))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it('the generator\'s hostile titles and a hostile URL are inert too', async () => {
    await open(page, `/?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}&group=${encodeURIComponent('"><svg onload=alert(2)>')}`);
    // No issue has that group: the page names it, as text, and leaves it out.
    await expect.poll(() => page.getByText('Ignored, as no issue has it:').textContent()).toContain('<svg onload=alert(2)>');
    await expectInert(page);
    const sanitize = markupTitles.filter((issue) => /sanitize/i.test(issue.title));
    expect(sanitize.length).toBeGreaterThan(0);
    await open(page, '/?q=sanitize');
    await showAll(page);
    await expectTitlesAsText(page, sanitize);
    await expectInert(page);
    expect(consoleErrors).toEqual([]);
  });

  it('the plain /all/ pages show every hostile issue as text and link no javascript: URL', async () => {
    let path: string | null = '/all/';
    let pages = 0;
    const seen = new Set<number>();
    while (path && pages < 20) {
      await page.goto(url(path));
      pages++;
      await expectInert(page);
      const ids = await page.locator('main ol > li h3[id]').evaluateAll((h3s) => h3s.map((h3) => Number(h3.id.slice(6))));
      ids.forEach((id) => seen.add(id));
      await expectTitlesAsText(page, [...hostile, ...markupTitles].filter((issue) => ids.includes(issue.id)));
      if (ids.includes(foreignIssue.id)) expect(await page.locator(`h3[id="issue-${foreignIssue.id}"] a`).count()).toBe(0);
      path = await page.locator('nav[aria-label="Pages"] a[rel="next"]').getAttribute('href', { timeout: 1000 }).catch(() => null);
    }
    for (const issue of [...hostile, ...markupTitles]) expect(seen.has(issue.id), `issue ${issue.id} on /all/`).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});

describe('a normal page load', () => {
  it('logs no console errors and no CSP violations', async () => {
    for (const path of ['/', '/?label=co-create&type=bug', '/all/', '/label/co-create/']) {
      await page.goto(url(path));
      await page.waitForLoadState('networkidle');
      await expectInert(page);
    }
    expect(consoleErrors).toEqual([]);
  });
});

/**
 * For each text on the page that holds a bidi control, the text of the nearest element isolating it from what
 * surrounds it (<bdi>, dir="auto", unicode-bidi: isolate), or null when nothing does.
 */
function isolatedBidiTexts(page: Page): Promise<Array<string | null>> {
  return page.evaluate(() => {
    const control = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
    const isolating = new Set(['isolate', 'isolate-override', 'plaintext']);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found: Array<string | null> = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!control.test(node.textContent ?? '')) continue;
      let element = node.parentElement;
      while (element && !isolating.has(getComputedStyle(element).unicodeBidi)) element = element.parentElement;
      found.push(element?.textContent ?? null);
    }
    return found;
  });
}

describe('bidi controls cannot reorder the page', () => {
  const spoof = issues.find((issue) => issue.title.includes(BIDI_TITLE_MARKER))!;

  it('a project named gitlab-org/\\u202Eevil shows as gitlab-org/evil, not as gitlab-org/live', async () => {
    // The fetch stripped the override, and the card shows the reference as the snapshot has it.
    expect([spoof.project, spoof.reference]).toEqual(['gitlab-org/evil', 'gitlab-org/evil#90004']);
    await open(page, `/?project=${encodeURIComponent(spoof.project)}`);
    const card = page.locator(`article[aria-labelledby="${itemKey(spoof)}"]`);
    expect(await card.locator('.ref').first().textContent()).toBe('gitlab-org/evil#90004');
    expect((await facetOptions(page, 'Project')).filter((option) => option.checked).map((option) => option.value)).toEqual([
      'gitlab-org/evil',
    ]);
  });

  it('isolates the title, label and milestone that carry one from the page’s own text around them', async () => {
    const carrying = [spoof.title, ...spoof.labels.map((label) => label.name), spoof.milestone!.title].filter((text) =>
      text.includes('\u202E'),
    );
    expect(carrying).toHaveLength(3);
    await open(page, `/?q=${BIDI_TITLE_MARKER.toLowerCase()}`);
    expect((await isolatedBidiTexts(page)).sort()).toEqual([...carrying].sort());
    // A compact row shows the title and the label (no milestone), each isolated as on a card.
    await open(page, `/?q=${BIDI_TITLE_MARKER.toLowerCase()}&view=compact`);
    expect((await isolatedBidiTexts(page)).sort()).toEqual(carrying.filter((text) => text !== spoof.milestone!.title).sort());
    // The plain pages show the title (not the other labels or the milestone): every such text there is isolated as
    // GitLab text of its own (compared without what HTML cannot carry: NUL, lone surrogates, and the U+FFFD they
    // become).
    const plain = (text: string | null | undefined) => text?.replace(/[\u0000\ud800-\udfff\ufffd]/g, '');
    const userTexts = new Set(
      issues.flatMap((issue) => [issue.title, issue.milestone?.title, ...issue.labels.map((label) => label.name)].map(plain)),
    );
    const seen: Array<string | null> = [];
    let path: string | null = '/all/';
    for (let pages = 0; path && pages < 20; pages++) {
      await page.goto(url(path));
      seen.push(...(await isolatedBidiTexts(page)));
      path = await page.locator('nav[aria-label="Pages"] a[rel="next"]').getAttribute('href', { timeout: 1000 }).catch(() => null);
    }
    expect(seen).toEqual(expect.arrayContaining([spoof.title]));
    for (const text of seen) expect(userTexts.has(plain(text)), `isolated text ${JSON.stringify(text)}`).toBe(true);
  });

  it('isolates a crafted link’s search and filter values in the chips, the ignored values and the empty state', async () => {
    const values = ['\u202Ezzz', '\u202Ex', '\u202Ey'];
    await open(page, `/?q=${encodeURIComponent(values[0]!)}&group=${encodeURIComponent(values[1]!)}&group=${encodeURIComponent(values[2]!)}`);
    await expect.poll(() => page.getByText('No issues match').count()).toBe(1);
    // No issue has either group: both are left out of the view and named.
    expect(await page.getByText('Ignored, as no issue has it:').textContent()).toBe(`Ignored, as no issue has it: group “${values[1]}”, group “${values[2]}”`);
    // The chip of the search and the empty state, the two ignored values, and the view's title for print.
    const found = await isolatedBidiTexts(page);
    expect(found.sort()).toEqual([values[0], values[0], values[1], values[2], `“${values[0]}”`].sort());
  });
});

describe('a crafted link', () => {
  it('a 200-character search without spaces wraps at 375 px: nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const q = 'Unmatched'.repeat(23).slice(0, 200);
    await open(page, `/?q=${q}`);
    const empty = page.getByText('No issues match');
    await expect.poll(() => empty.textContent()).toBe(`No issues match “${q}” with these filters.`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });
});

