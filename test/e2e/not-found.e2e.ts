import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EPIC_TITLE_MARKER } from './fixture';
import { expectStatusCount, issues, pagePerTest, url, useBrowser, waitReady } from './support/browser';

const browser = useBrowser();
let page: Page;
pagePerTest(browser, (fresh) => (page = fresh));

describe('a missing page', () => {
  it('is built as 404.html at the root, where GitLab Pages looks for it', async () => {
    const response = await fetch(url('/404.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Page not found');
  });

  it('answers 404 with the site\'s own page, whatever the path', async () => {
    for (const path of ['/no-such-page', '/all/999/', '/label/no-such-label/', '/data/gone.json']) {
      const response = await fetch(url(path));
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('Page not found');
    }
  });

  it('leads home and to the plain pages, in the site\'s header and footer', async () => {
    const response = await page.goto(url('/no-such-page/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    const home = page.getByRole('link', { name: `Go to the list of ${issues.length.toLocaleString('en')} curated issues` });
    expect(await home.getAttribute('href')).toBe('/');
    expect(await page.locator('main').getByRole('link', { name: 'Browse every issue page by page' }).getAttribute('href')).toBe('/all/');
    expect(await page.locator('footer a', { hasText: /^All issues/ }).count()).toBe(1);
    await home.click();
    await waitReady(page);
    await expectStatusCount(page, issues.length);
  });

  it('searches the list from its search box: a plain form that sends ?q= to the home page', async () => {
    await page.goto(url('/gone/'));
    const box = page.getByRole('searchbox', { name: 'Search the curated issues' });
    await box.fill(EPIC_TITLE_MARKER);
    await box.press('Enter');
    await page.waitForURL((to) => to.pathname === '/' && to.searchParams.get('q') === EPIC_TITLE_MARKER);
    await waitReady(page);
    expect(await page.locator('#search').inputValue()).toBe(EPIC_TITLE_MARKER);
    await expectStatusCount(page, 1);
  });
});
