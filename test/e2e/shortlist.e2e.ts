// A shortlist: picked on the cards, kept in the browser, sent as a link that shows exactly those issues, in order, live
// from the data; printed as a handout.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixture, newPage, open, pagePerTest, recommended, url, useBrowser, waitReady } from './support/browser';

const browser = useBrowser();
let page: Page;
pagePerTest(browser, (fresh) => (page = fresh));

const toggle = (page: Page, reference: string) => page.getByRole('button', { name: `Shortlist ${reference}`, exact: true });
const bar = (page: Page) => page.getByRole('region', { name: 'Your shortlist' });
const shortlistTitles = (page: Page) => page.locator('#main ol > li article h3').allTextContents();

// Three issues of the recommended order, picked in another order, and a reference the list does not have.
const [a, b, c] = [recommended[2]!, recommended[0]!, recommended[1]!];
const gone = 'gitlab-org/gitlab#999999999';
const shortlistLink = (title: string) => {
  const params = new URLSearchParams();
  for (const reference of [a.reference, gone, b.reference]) params.append('ref', reference);
  params.append('title', title);
  return `/?${params}`;
};

describe('picking a shortlist', () => {
  it('adds and removes issues with a toggle by keyboard, keeps them across a reload, and copies the link', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, '/');
    expect(await bar(page).count()).toBe(0);
    for (const issue of [a, b, c]) {
      await toggle(page, issue.reference).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => toggle(page, issue.reference).getAttribute('aria-pressed')).toBe('true');
    }
    await expect.poll(() => bar(page).getByText('Shortlist: 3 issues').count()).toBe(1);
    // Taken off again, by Space this time.
    await toggle(page, c.reference).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => bar(page).getByText('Shortlist: 2 issues').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('false');

    await page.reload();
    await waitReady(page);
    await expect.poll(() => toggle(page, a.reference).getAttribute('aria-pressed')).toBe('true');
    await bar(page).getByLabel('Title of the link (optional)').fill('For ACME — verify quick wins');
    await bar(page).getByLabel('Title of the link (optional)').press('Tab');
    await bar(page).getByRole('button', { name: 'Copy shortlist link' }).click();
    await expect.poll(() => bar(page).getByRole('button', { name: 'Link copied' }).count()).toBe(1);
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.searchParams.getAll('ref')).toEqual([a.reference, b.reference]);
    expect(copied.searchParams.get('title')).toBe('For ACME — verify quick wins');
  });

  it("copies a card's reference, says so on the button and through the page's one live region", async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, '/');
    const copy = page.getByRole('button', { name: `Copy reference ${a.reference}`, exact: true });
    await copy.focus();
    await page.keyboard.press('Enter');
    // The name follows the visible text, and still tells this card's button from the others'.
    await expect.poll(() => page.getByRole('button', { name: `Reference copied ${a.reference}`, exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(a.reference);
    await expect.poll(() => page.locator('[data-announcer]').textContent()).toBe(`${a.reference} copied`);
    // Cards carry no live region of their own: one for the page, made on first use.
    expect(await page.locator('#main article [aria-live]').count()).toBe(0);
  });

  it('clears the shortlist', async () => {
    await open(page, '/');
    await toggle(page, a.reference).click();
    await bar(page).getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => bar(page).count()).toBe(0);
    expect(await toggle(page, a.reference).getAttribute('aria-pressed')).toBe('false');
  });
});

describe('a shortlist link', () => {
  it('shows exactly its issues in its order in a fresh browser, keeps a gone one in place, and names itself', async () => {
    const fresh = await newPage(browser());
    try {
      await fresh.goto(url(shortlistLink('For ACME — verify quick wins')));
      await expect.poll(() => fresh.locator('#shortlist-heading').textContent()).toBe('For ACME — verify quick wins');
      expect(await shortlistTitles(fresh)).toEqual([a.title, gone, b.title]);
      expect(await fresh.locator('[data-gone]').textContent()).toContain('Closed or no longer curated');
      expect(await fresh.locator('main [role=status]').textContent()).toMatch(/^3 issues picked, 1 no longer on the list, as of \d{4}-\d\d-\d\d$/);
      expect(await fresh.title()).toMatch(/^For ACME — verify quick wins — /);
      expect(await fresh.locator('meta[property="og:title"]').getAttribute('content')).toBe(await fresh.title());
      // Each card says who is on it now: the same status marker as on the list.
      expect(await fresh.locator('#main ol > li article [data-marker="status"]').count()).toBe(2);
    } finally {
      await fresh.context().close();
    }
  });

  it('renders a hostile title as text', async () => {
    const hostile = '<img src=x onerror="document.title=\'pwned\'"> \u202Eevil';
    await page.goto(url(shortlistLink(hostile)));
    await expect.poll(() => page.locator('#shortlist-heading').textContent()).toBe('<img src=x onerror="document.title=\'pwned\'"> evil');
    expect(await page.locator('#shortlist-heading img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
  });

  it('copies every reference with Apply with these issues, and leads back to the whole list', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(url(shortlistLink('')));
    await expect.poll(() => page.locator('#shortlist-heading').textContent()).toBe('Shortlist');
    await page.getByRole('button', { name: 'Apply with these issues' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe([a.reference, gone, b.reference].join('\n'));
    await page.getByRole('link', { name: 'See every curated issue' }).click();
    await waitReady(page);
    expect(new URL(page.url()).search).toBe('');
    await page.goBack();
    await expect.poll(() => page.locator('#shortlist-heading').count()).toBe(1);
  });

  it('has no axe violations, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const themed = await newPage(browser(), { colorScheme });
      try {
        await themed.goto(url(shortlistLink('For ACME')));
        await expect.poll(() => themed.locator('#shortlist-heading').count()).toBe(1);
        await themed.evaluate(() => localStorage.setItem('shortlist', JSON.stringify(['gitlab-org/gitlab#1'])));
        const results = await new AxeBuilder({ page: themed }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), colorScheme).toEqual([]);
      } finally {
        await themed.context().close();
      }
    }
  });
});

describe('printing', () => {
  it('prints a shortlist of six as a handout of at most two A4 pages, without sidebar or controls, links written out', async () => {
    const six = recommended.slice(0, 6).map((issue) => issue.reference);
    await page.goto(url(`/?${six.map((reference) => `ref=${encodeURIComponent(reference)}`).join('&')}&title=Six`));
    await expect.poll(() => shortlistTitles(page)).toHaveLength(6);
    await page.emulateMedia({ media: 'print' });
    const visible = (selector: string) => page.locator(selector).evaluateAll((all) => all.filter((el) => (el as HTMLElement).offsetParent !== null).length);
    expect(await visible('button')).toBe(0);
    expect(await visible('aside, input, select')).toBe(0);
    const written = await page.locator('#main ol > li article h3 a').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(written).toContain(`${fixture.source.url}/`);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(2);
  });

  it('prints any view with its title on top', async () => {
    const label = fixture.source.labels[0]!;
    await open(page, `/?label=${encodeURIComponent(label)}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('main > p.print\\:block').isVisible()).toBe(true);
    expect(await page.locator('main > p.print\\:block').textContent()).toBe(label);
  });
});
