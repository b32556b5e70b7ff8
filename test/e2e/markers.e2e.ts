// Card markers: new, available or not, blocked, stale. Expectations come from the fixture file and the rules'
// module; the fixture's `firstSeenAt` was carried forward by the fetch's own code from a previous snapshot that
// lacked some issues, so "new" is tested end to end from the carried data to the badge.
import { describe, expect, it } from 'vitest';
import { availability, isBlocked, isStale, type Availability } from '../../src/lib/health/rules';
import { toIssue, type Issue } from '../../src/lib/model';
import { EPIC_TITLE_MARKER } from './fixture';
import { fixture, newPage, open, useBrowser } from './support/browser';

const browser = useBrowser();
const asOf = Date.parse(fixture.generatedAt);
const all: Issue[] = fixture.issues.map((issue) => toIssue(issue, fixture.previousGeneratedAt));
const issues = all.filter((issue) => issue.kind === 'issue');

const FREE_TEXT: Record<Availability, RegExp> = {
  available: /^Available$/,
  taken: /^Someone is on it$/,
  'up-for-grabs': /^Possibly up for grabs: untouched [\d,]+ days$/,
};

// One issue of each kind the markers tell apart, and a few that are not new.
const pick = (test: (issue: Issue) => boolean, what: string) => {
  const found = issues.find(test);
  if (!found) throw new Error(`the fixture has no ${what} issue`);
  return found;
};
const cases: Array<[string, Issue]> = [
  ['new', pick((i) => i.isNew, 'new')],
  ['new and taken', pick((i) => i.isNew && availability(i, asOf) === 'taken', 'new taken')],
  ['available, not new', pick((i) => !i.isNew && availability(i, asOf) === 'available' && !isStale(i, asOf), 'fresh available')],
  ['possibly up for grabs', pick((i) => availability(i, asOf) === 'up-for-grabs', 'up-for-grabs')],
  ['taken', pick((i) => !i.isNew && availability(i, asOf) === 'taken', 'taken')],
  ['blocked', pick(isBlocked, 'blocked')],
  ['stale', pick((i) => isStale(i, asOf), 'stale')],
];

describe('card markers', () => {
  it('the fixture marks some issues new and most not', () => {
    const fresh = all.filter((issue) => issue.isNew).length;
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).toBeLessThan(all.length / 5);
  });

  it.each(cases)('%s: the card shows exactly the markers the rules give', async (_name, issue) => {
    const page = await newPage(browser());
    try {
      await open(page, `/?q=${encodeURIComponent(issue.reference)}`);
      const card = page.locator('main ol > li article').first();
      expect(await card.locator('h3').textContent()).toBe(issue.title);
      const markers = await card.locator('[data-marker]').evaluateAll((items) =>
        items.map((item) => [item.getAttribute('data-marker'), item.textContent] as const),
      );
      const keys = markers.map(([key]) => key);
      expect(keys.includes('new')).toBe(issue.isNew);
      expect(keys.includes('blocked')).toBe(isBlocked(issue));
      expect(keys.includes('stale')).toBe(isStale(issue, asOf));
      expect(markers.find(([key]) => key === 'free')?.[1]).toMatch(FREE_TEXT[availability(issue, asOf)]);
    } finally {
      await page.context().close();
    }
  });

  it('an epic is listed and marked as an epic, beside the issue that shares its id', async () => {
    const epic = all.find((item) => item.kind === 'epic')!;
    const twin = all.find((item) => item.kind === 'issue' && item.id === epic.id)!;
    const page = await newPage(browser());
    try {
      await open(page, `/?q=${EPIC_TITLE_MARKER}`);
      const card = page.locator('main ol > li article').first();
      expect(await card.locator('h3').textContent()).toBe(epic.title);
      expect(await card.locator('h3 a').getAttribute('href')).toBe(epic.url);
      expect(await card.locator('[data-marker]').evaluateAll((items) => items.map((item) => item.getAttribute('data-marker')))).toEqual(
        expect.arrayContaining(['new', 'epic']),
      );
      expect(await card.locator('[data-marker="free"]').count()).toBe(0);
      await open(page, `/?q=${encodeURIComponent(twin.reference)}`);
      expect(await page.locator('main ol > li article h3').first().textContent()).toBe(twin.title);
    } finally {
      await page.context().close();
    }
  });

  it('"only available" lists exactly the available issues', async () => {
    const page = await newPage(browser());
    try {
      await open(page, '/?available=true');
      const expected = all.filter((issue) => issue.kind === 'epic' || availability(issue, asOf) === 'available').length;
      await expect.poll(() => page.locator('main [role=status]').textContent()).toBe(`${expected} issues match`);
    } finally {
      await page.context().close();
    }
  });
});
