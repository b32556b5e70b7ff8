import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cardTitles, expectStatusCount, issues, open, option, pagePerTest, statusCount, url, useBrowser, waitReady } from './support/browser';

const browser = useBrowser();
let page: Page;
pagePerTest(browser, (fresh) => (page = fresh));

const params = (page: Page) => new URL(page.url()).searchParams;

describe('filters and history', () => {
  it('a filter change updates the URL; Back restores the previous state and Forward re-applies it', async () => {
    await open(page);
    const type = 'bug';
    const ofType = issues.filter((issue) => issue.type === type);
    const both = ofType.filter((issue) => issue.curated.includes('co-create'));
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(ofType.length);

    await option(page, 'Type', type).check();
    await expectStatusCount(page, ofType.length);
    expect(params(page).getAll('type')).toEqual([type]);
    expect(params(page).has('label')).toBe(false);

    await option(page, 'Curated label', 'co-create').check();
    await expectStatusCount(page, both.length);
    expect(params(page).getAll('type')).toEqual([type]);
    expect(params(page).getAll('label')).toEqual(['co-create']);

    await page.goBack();
    await expectStatusCount(page, ofType.length);
    expect(params(page).getAll('type')).toEqual([type]);
    expect(params(page).has('label')).toBe(false);
    expect(await option(page, 'Curated label', 'co-create').isChecked()).toBe(false);
    expect(await option(page, 'Type', type).isChecked()).toBe(true);

    await page.goBack();
    await expectStatusCount(page, issues.length);
    expect(new URL(page.url()).search).toBe('');
    expect(await option(page, 'Type', type).isChecked()).toBe(false);

    await page.goForward();
    await page.goForward();
    await expectStatusCount(page, both.length);
    expect(params(page).getAll('label')).toEqual(['co-create']);
    expect(await option(page, 'Curated label', 'co-create').isChecked()).toBe(true);
    expect(await option(page, 'Type', type).isChecked()).toBe(true);
  });

  it('typing a search amends one history entry instead of adding one per keystroke', async () => {
    await open(page);
    const before = await page.evaluate(() => history.length);
    await page.locator('#search').click();
    await page.keyboard.type('editor', { delay: 80 });
    await expect.poll(() => params(page).get('q'), { timeout: 3000 }).toBe('editor');
    const after = await page.evaluate(() => history.length);
    expect(after - before).toBeLessThanOrEqual(1);
    // Back leaves the search in one step.
    await page.goBack();
    await expectStatusCount(page, issues.length);
    expect(await page.locator('#search').inputValue()).toBe('');
  });
});

describe('Copy link', () => {
  it('copies the current view, and the copied link reproduces it', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url('') });
    const page = await context.newPage();
    try {
      await open(page, '/?sort=upvotes');
      await option(page, 'Type', 'feature').check();
      await page.locator('#search').fill('add');
      await expect.poll(() => params(page).get('q'), { timeout: 3000 }).toBe('add');
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Link copied' }).count()).toBe(1);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(page.url());
      expect(new URL(copied).searchParams.get('sort')).toBe('upvotes');
      expect(new URL(copied).searchParams.getAll('type')).toEqual(['feature']);

      const count = await statusCount(page);
      const titles = (await cardTitles(page)).slice(0, 5);
      expect(titles.length).toBeGreaterThan(0);
      const other = await context.newPage();
      await other.goto(copied);
      await waitReady(other);
      expect(await statusCount(other)).toBe(count);
      expect((await cardTitles(other)).slice(0, 5)).toEqual(titles);
      expect(await other.locator('#search').inputValue()).toBe('add');
      expect(await other.locator('#sort').inputValue()).toBe('upvotes');
    } finally {
      await context.close();
    }
  });
});
