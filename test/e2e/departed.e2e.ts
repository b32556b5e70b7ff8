// /health's "Left the list in the last 30 days": counts per reason, each departure linked, and a group's view showing
// only that group's.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEPARTED_REASON_NAMES, departedCounts, departedInView } from '../../src/lib/departed';
import { facetFeedPath } from '../../src/lib/feeds';
import { HOSTILE_MARKER } from './fixture';
import { fixture, newPage, url, useBrowser } from './support/browser';

const browser = useBrowser();
const section = (page: Page) => page.locator('section[aria-labelledby="departed-heading"]');
const listed = (page: Page) => section(page).locator('#departed-issues > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-reference')));
const countsLine = (entries: typeof fixture.departed) =>
  departedCounts(entries).map(({ reason, count }) => `${DEPARTED_REASON_NAMES[reason]} ${count}`).join(', ');
// A group with departures, and fewer than all of them.
const group = fixture.departed.find((entry) => entry.group !== null)!.group!;
const ofGroup = departedInView(fixture.departed, { label: [], stage: [], group: [group] });

async function openHealth(page: Page, query = ''): Promise<void> {
  await page.goto(url(`/health/${query}`));
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('main [role=status]').textContent()).toMatch(/issues scored/);
}

describe('/health: left the list', () => {
  it('counts each reason, lists the first 50 newest first with links into GitLab, and titles as text', async () => {
    expect(fixture.departed.length).toBeGreaterThan(50);
    expect(new Set(fixture.departed.map((entry) => entry.reason)).size).toBeGreaterThanOrEqual(4);
    const page = await newPage(browser(), { javaScriptEnabled: false });
    try {
      await page.goto(url('/health/'));
      await expect(section(page).getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`Left the list in the last 30 days (${fixture.departed.length})`);
      expect(await page.locator('#departed-counts').textContent()).toBe(countsLine(fixture.departed));
      expect(await listed(page)).toEqual(fixture.departed.slice(0, 50).map((entry) => entry.reference));
      const first = fixture.departed[0]!;
      const link = section(page).locator(`li[data-reference="${first.reference}"] a`);
      expect(await link.getAttribute('href')).toBe(first.url);
      expect(await link.textContent()).toBe(first.reference);
      expect(await section(page).locator('script, img').count()).toBe(0);
      expect(await section(page).textContent()).toContain(HOSTILE_MARKER);
      const hidden = fixture.departed.filter((entry) => entry.reason === 'hidden' && fixture.departed.indexOf(entry) < 50);
      for (const entry of hidden) {
        expect(await section(page).locator(`li[data-reference="${entry.reference}"]`).textContent()).toContain('Title not shown');
      }
    } finally {
      await page.context().close();
    }
  });

  it('shows a group’s departures on the group’s view, chosen with the keyboard, and shows the rest on request', async () => {
    expect(ofGroup.length).toBeGreaterThan(0);
    expect(ofGroup.length).toBeLessThan(fixture.departed.length);
    const page = await newPage(browser());
    try {
      await openHealth(page);
      await section(page).getByRole('button', { name: /^Show more/ }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => listed(page)).toEqual(fixture.departed.map((entry) => entry.reference));
      await page.locator('#health-group').focus();
      await page.locator('#health-group').selectOption(group);
      await expect.poll(() => new URL(page.url()).searchParams.get('group')).toBe(group);
      await expect.poll(() => listed(page)).toEqual(ofGroup.map((entry) => entry.reference));
      expect(await page.locator('#departed-counts').textContent()).toBe(countsLine(ofGroup));
    } finally {
      await page.context().close();
    }
  });

  it('adds nothing to the feeds: they list additions only', async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    try {
      for (const path of ['/feed.xml', `/${facetFeedPath('group', group)}`, `/${facetFeedPath('label', fixture.departed[0]!.curated[0]!)}`]) {
        const response = await page.request.get(url(path));
        expect(response.status(), path).toBe(200);
        const xml = await response.text();
        expect(xml).toContain('<entry>');
        for (const entry of fixture.departed) expect(xml, `${path} lists ${entry.reference}`).not.toContain(entry.url);
      }
    } finally {
      await page.context().close();
    }
  });

  it.each([
    ['light', 1280],
    ['dark', 1280],
    ['dark', 375],
  ] as const)('has no axe violations and the section fits the width (%s, %i px)', async (colorScheme, width) => {
    const page = await newPage(browser(), { colorScheme, viewport: { width, height: 900 } });
    try {
      await openHealth(page);
      const result = await new AxeBuilder({ page }).include('section[aria-labelledby="departed-heading"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(await section(page).evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      expect((await section(page).boundingBox())!.width).toBeLessThanOrEqual(width);
    } finally {
      await page.context().close();
    }
  });
});
