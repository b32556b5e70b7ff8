// Card markers: new, the kind, one status and what an issue misses to be ready. Expectations come from the fixture
// file and the rules' modules; the fixture's `firstSeenAt` was carried forward by the fetch's own code from a previous
// snapshot that lacked some issues, so "new" is tested end to end from the carried data to the badge.
import { describe, expect, it } from 'vitest';
import { pickUpStatus, readiness, type PickUpStatus } from '../../src/lib/health/ready';
import { availability, isBlocked, isStale } from '../../src/lib/health/rules';
import { toIssue, type Issue } from '../../src/lib/model';
import { EPIC_TITLE_MARKER } from './fixture';
import type { Page } from 'playwright-core';
import { fixture, open, pagePerTest, useBrowser } from './support/browser';

let page: Page;
pagePerTest(useBrowser(), (fresh) => (page = fresh));
const asOf = Date.parse(fixture.generatedAt);
const all: Issue[] = fixture.issues.map((issue) => toIssue(issue, fixture.previousGeneratedAt));
const issues = all.filter((issue) => issue.kind === 'issue');

const STATUS_TEXT: Record<PickUpStatus, RegExp> = {
  blocked: /^Blocked$/,
  taken: /^Someone is on it$/,
  'up-for-grabs': /^Possibly up for grabs: untouched [\d,]+ days$/,
  ready: /^Ready to pick up$/,
  'not-ready': /^Available, not ready$/,
};

// One issue of each kind the markers tell apart, and a few that are not new.
const pick = (test: (issue: Issue) => boolean, what: string) => {
  const found = issues.find(test);
  if (!found) throw new Error(`the fixture has no ${what} issue`);
  return found;
};
const status = (issue: Issue) => pickUpStatus(issue, asOf);
const cases: Array<[string, Issue]> = [
  ['new', pick((i) => i.isNew, 'new')],
  ['new and taken', pick((i) => i.isNew && status(i) === 'taken', 'new taken')],
  ['ready, not new', pick((i) => !i.isNew && status(i) === 'ready', 'ready')],
  ['available, not ready', pick((i) => !i.isNew && status(i) === 'not-ready', 'free but not ready')],
  ['possibly up for grabs', pick((i) => status(i) === 'up-for-grabs', 'up-for-grabs')],
  ['taken', pick((i) => !i.isNew && status(i) === 'taken', 'taken')],
  ['blocked and taken', pick((i) => isBlocked(i) && availability(i, asOf) !== 'available', 'blocked taken')],
  ['stale', pick((i) => isStale(i, asOf), 'stale')],
];

describe('card markers', () => {
  it('the fixture marks some issues new and most not', () => {
    const fresh = all.filter((issue) => issue.isNew).length;
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).toBeLessThan(all.length / 5);
  });

  it.each(cases)('%s: the card shows exactly the markers the rules give', async (_name, issue) => {
    await open(page, `/?q=${encodeURIComponent(issue.reference)}`);
    const card = page.locator('main ol > li article').first();
    expect(await card.locator('h3').textContent()).toBe(issue.title);
    const markers = await card.locator('[data-marker]').evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-marker'), item.textContent] as const),
    );
    const keys = markers.map(([key]) => key);
    const found = readiness(issue, asOf)!;
    expect(keys.includes('new')).toBe(issue.isNew);
    // One status, by precedence; what the issue misses, when it is not ready.
    expect(keys.filter((key) => key === 'status')).toHaveLength(1);
    expect(markers.find(([key]) => key === 'status')?.[1]).toMatch(STATUS_TEXT[status(issue)!]);
    const checks = markers.find(([key]) => key === 'checks')?.[1];
    if (found.ready) expect(checks).toBeUndefined();
    else expect(checks).toMatch(new RegExp(`^${found.passed} of ${found.applicable}( — |$)`));
    // What the status says is not repeated; the rest is named.
    if (isStale(issue, asOf)) expect(checks).toContain('no update in 180 days');
    if (status(issue) === 'blocked') expect(checks ?? '').not.toMatch(/\bblocked\b/);
    if (status(issue) === 'taken') expect(checks ?? '').not.toContain('someone is on it');
  });

  it('reads each card title first, then its reference and status, so heading navigation lands on the title', async () => {
    await open(page, '/');
    const order = await page.locator('main ol > li article').evaluateAll((cards) =>
      cards.map((card) => {
        const text = (card as HTMLElement).innerText.split('\n').map((line) => line.trim()).filter(Boolean);
        const title = card.querySelector('h3')!.textContent!.trim();
        const reference = card.querySelector('.ref')!.textContent!.trim();
        return [card.firstElementChild!.tagName, text.indexOf(title) < text.indexOf(reference)] as const;
      }),
    );
    expect(order.length).toBeGreaterThan(0);
    expect(new Set(order.map(([tag, titleFirst]) => `${tag} ${titleFirst}`))).toEqual(new Set(['H3 true']));
  });

  it('an epic is listed and marked as an epic, beside the issue that shares its id', async () => {
    const epic = all.find((item) => item.kind === 'epic')!;
    const twin = all.find((item) => item.kind === 'issue' && item.id === epic.id)!;
    await open(page, `/?q=${EPIC_TITLE_MARKER}`);
    const card = page.locator('main ol > li article').first();
    expect(await card.locator('h3').textContent()).toBe(epic.title);
    expect(await card.locator('h3 a').getAttribute('href')).toBe(epic.url);
    expect(await card.locator('[data-marker]').evaluateAll((items) => items.map((item) => item.getAttribute('data-marker')))).toEqual(
      expect.arrayContaining(['new', 'epic']),
    );
    expect(await card.locator('[data-marker="status"], [data-marker="checks"]').count()).toBe(0);
    await open(page, `/?q=${encodeURIComponent(twin.reference)}`);
    expect(await page.locator('main ol > li article h3').first().textContent()).toBe(twin.title);
  });

  it('"only available" lists exactly the available issues', async () => {
    await open(page, '/?available=true');
    const expected = all.filter((issue) => issue.kind === 'epic' || availability(issue, asOf) === 'available').length;
    await expect.poll(() => page.locator('main [role=status]').textContent()).toBe(`${expected} issues match`);
  });
});
