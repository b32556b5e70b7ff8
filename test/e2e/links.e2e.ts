// The links out of a view: to GitLab's own issue list, to the application form, and to the labels page.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { labelSlug } from '../../src/lib/links/site-paths';
import { escapeRegExp, facetOptions, fixture, issues, newPage, open, option, pagePerTest, recommended, url, useBrowser } from './support/browser';

const browser = useBrowser();
let page: Page;
pagePerTest(browser, (fresh) => (page = fresh));

const FORM_URL = 'https://about.gitlab.com/community/co-create/#form';
const { labels: curatedLabels } = fixture.source;

const gitlabLink = (page: Page) => page.getByRole('link', { name: 'Open this view in GitLab' });

/** The GitLab link's target, parsed. */
async function gitlabHref(page: Page): Promise<URL> {
  return new URL((await gitlabLink(page).getAttribute('href'))!);
}

/** The note next to the GitLab link, or '' when there is none. */
const ignoredNote = (page: Page) => gitlabLink(page).locator('xpath=..').innerText();

describe('Open this view in GitLab', () => {
  // A quick-win issue with a type, and a word of its title: a view with results, loaded from its URL.
  const sample = issues.find((issue) => issue.curated.includes('quick win') && issue.type)!;
  const word = sample.title.split(/\s+/).find((w) => /^[a-z]{5,}$/i.test(w))!.toLowerCase();

  it('reproduces a filtered view loaded from its URL', async () => {
    await open(page, `/?label=quick+win&type=${encodeURIComponent(sample.type!)}&q=${word}&sort=newest`);
    await expect.poll(async () => (await gitlabHref(page)).searchParams.get('search')).toBe(word);
    const href = await gitlabHref(page);
    expect(`${href.origin}${href.pathname}`).toBe(`${fixture.source.url}/groups/${fixture.source.group}/-/issues/`);
    expect(href.searchParams.get('state')).toBe('opened');
    expect(href.searchParams.get('sort')).toBe('created_date');
    expect(href.searchParams.getAll('or[label_name][]')).toEqual(['quick win']);
    expect(href.searchParams.getAll('label_name[]')).toEqual([`type::${sample.type}`]);
    expect([...href.searchParams.keys()].sort()).toEqual(['label_name[]', 'or[label_name][]', 'search', 'sort', 'state']);
    expect(await ignoredNote(page)).toBe('Open this view in GitLab');
    expect(await gitlabLink(page).getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('lists what GitLab cannot apply: two types, open MRs, best-match order', async () => {
    const [a, b] = [...new Set(issues.map((issue) => issue.type).filter((type) => type !== null))].sort();
    await open(page, `/?type=${encodeURIComponent(a!)}&type=${encodeURIComponent(b!)}&available=true&q=${word}`);
    await expect.poll(() => ignoredNote(page)).toContain(`GitLab’s list ignores: Type: ${a} or ${b}; without an open MR; best-match order`);
    const href = await gitlabHref(page);
    expect(href.searchParams.getAll('label_name[]')).toEqual([]);
    expect(href.searchParams.getAll('or[label_name][]')).toEqual(curatedLabels);
    expect(href.searchParams.get('assignee_id')).toBe('None');
    expect(href.searchParams.has('sort')).toBe(false);
  });

  it('follows the view as filters change', async () => {
    await open(page, '/');
    // The recommended order is the site's own: GitLab's list keeps its default, and the note says so.
    expect((await gitlabHref(page)).searchParams.get('sort')).toBeNull();
    expect(await page.getByText('GitLab’s list ignores:').textContent()).toContain('recommended order');
    const [project] = await facetOptions(page, 'Project');
    await option(page, 'Project', project!.value).check();
    await expect.poll(async () => (await gitlabHref(page)).pathname).toBe(`/${project!.value}/-/issues/`);
    await page.locator('#sort').selectOption('upvotes');
    await expect.poll(async () => (await gitlabHref(page)).searchParams.get('sort')).toBe('popularity');
    await page.goBack();
    await page.goBack();
    await expect.poll(async () => (await gitlabHref(page)).pathname).toBe(`/groups/${fixture.source.group}/-/issues/`);
  });
});

describe('links that forgive', () => {
  const stage = fixture.issues.find((issue) => issue.stage)!.stage!;
  const group = fixture.issues.find((issue) => issue.group?.includes(' '))!.group!;

  it('match a value as GitLab writes the label, in any case, and rewrite the URL as the page writes it', async () => {
    const loose = `?stage=${encodeURIComponent(`DevOps::${stage.toUpperCase()}`)}&group=${encodeURIComponent(`group::${group.replace(/ /g, '_')}`)}`;
    const exact = `?stage=${encodeURIComponent(stage)}&group=${encodeURIComponent(group)}`;
    await open(page, `/${exact}`);
    const count = await page.locator('main [role=status]').textContent();
    await open(page, `/${loose}`);
    await expect.poll(() => new URL(page.url()).searchParams.getAll('stage')).toEqual([stage]);
    expect(new URL(page.url()).searchParams.getAll('group')).toEqual([group]);
    expect(await page.locator('main [role=status]').textContent()).toBe(count);
    expect(await page.getByText('Ignored, as no issue has it').count()).toBe(0);
    // Rewriting the URL is not a step: Back leaves the page.
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(3);
  });

  it('name the values the page knows no issue has, and write the curated labels and languages as the page does', async () => {
    await open(page, '/?label=Quick-Win&language=cobol&language=GO&weight=9');
    await expect.poll(() => page.getByText('Ignored, as no issue has it:').textContent()).toBe(
      'Ignored, as no issue has it: language “cobol”, weight “9”',
    );
    expect(new URL(page.url()).search).toBe('?label=quick+win&language=go');
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2);
  });

  it('leave out a value no issue has, say so, and name the view in the title', async () => {
    await open(page, `/?label=co-create&stage=${encodeURIComponent(`${stage}x`)}`);
    await expect.poll(() => page.getByText('Ignored, as no issue has it:').textContent()).toBe(`Ignored, as no issue has it: devops stage “${stage}x”`);
    expect(new URL(page.url()).searchParams.getAll('stage')).toEqual([]);
    const title = await page.title();
    expect(title.startsWith('co-create — ')).toBe(true);
    // The note goes with the next change of the view.
    await page.getByRole('checkbox', { name: /^Ready to pick up/ }).check();
    await expect.poll(() => page.getByText('Ignored, as no issue has it').count()).toBe(0);
    expect(await page.title()).toBe(title.replace('co-create — ', 'co-create · ready to pick up — '));
  });
});

describe('what a card tells', () => {
  it('names the milestone with its due date, and links the parent epic', async () => {
    const issue = fixture.issues.find((item) => item.kind === 'issue' && item.milestone?.dueDate && item.parentEpic)!;
    expect(issue, 'the fixture has an issue with a dated milestone and a parent epic').toBeDefined();
    await open(page, `/?q=${encodeURIComponent(issue.reference)}`);
    const details = page.locator('main ol > li article').first().getByRole('list', { name: 'Details' });
    await expect.poll(() => details.textContent()).toContain(`Milestone ${issue.milestone!.title} (due ${issue.milestone!.dueDate})`);
    const epic = details.getByRole('link', { name: issue.parentEpic!.title, exact: true });
    expect(await epic.getAttribute('href')).toBe(issue.parentEpic!.url);
    expect(await epic.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('names each assignee, linked to their profile on the instance', async () => {
    const issue = fixture.issues.find((item) => item.assignees.length >= 2)!;
    expect(issue, 'the fixture has an issue with two assignees').toBeDefined();
    await open(page, `/?q=${encodeURIComponent(issue.reference)}`);
    const details = page.locator('main ol > li article').first().getByRole('list', { name: 'Details' });
    const names = issue.assignees.map((username) => `@${username}`);
    await expect.poll(() => details.textContent()).toContain(`Assigned to ${names.join(', ')}`);
    for (const username of issue.assignees) {
      const profile = details.getByRole('link', { name: `@${username}`, exact: true });
      expect(await profile.getAttribute('href')).toBe(`${fixture.source.url}/${username}`);
    }
  });

  it('says who to talk to: the group’s managers by name, as the stages file publishes them', async () => {
    const byGroup = new Map(fixture.groupContacts.map((entry) => [entry.group, entry]));
    const issue = recommended.find((item) => {
      const entry = item.group === null ? undefined : byGroup.get(item.group);
      return entry && entry.productManagers.length === 1 && entry.engineeringManagers.length === 2;
    })!;
    expect(issue, 'the fixture has an issue of a group with one product and two engineering managers').toBeDefined();
    const { productManagers: [pm], engineeringManagers: [em1, em2] } = byGroup.get(issue.group!)!;
    const line = `Who to talk to: ${pm} (product manager); ${em1}, ${em2} (engineering managers)`;
    await open(page, `/?q=${encodeURIComponent(issue.reference)}`);
    await expect.poll(() => page.locator('main ol > li article').first().locator('[data-part="contacts"]').textContent()).toBe(line);
    // An issue of a group the file does not name says nothing rather than something vague.
    const unnamed = issues.find((item) => item.kind === 'issue' && item.group === null)!;
    await open(page, `/?q=${encodeURIComponent(unnamed.reference)}`);
    await expect.poll(() => page.locator('main ol > li article').first().locator('h3').textContent()).toBe(unnamed.title);
    expect(await page.locator('main ol > li article').first().locator('[data-part="contacts"]').count()).toBe(0);
  });
});

describe('Apply with this issue', () => {
  it('each card links the application form, named after its issue', async () => {
    await open(page, '/?label=co-create');
    const card = page.locator('main ol > li article').first();
    const reference = (await card.locator('.ref').first().textContent())!;
    const apply = card.getByRole('link', { name: `Apply with this issue (${reference})`, exact: true });
    // Without APPLY_URL_TEMPLATE the link is the plain form.
    expect(await apply.getAttribute('href')).toBe(FORM_URL);
    expect(await apply.getAttribute('rel')).toBe('noopener noreferrer');
    const without = await page
      .locator('main ol > li article')
      .evaluateAll((cards) => cards.filter((c) => ![...c.querySelectorAll('a')].some((a) => a.textContent?.startsWith('Apply with this issue'))).length);
    expect(without, 'cards without an Apply link').toBe(0);
  });

  it('is on every issue of the plain pages too', async () => {
    await page.goto(url('/all/'));
    const listed = page.locator('main ol > li');
    expect(await listed.count()).toBeGreaterThan(0);
    const apply = page.getByRole('link', { name: /^Apply with this issue \(.+\)$/ });
    expect(await apply.count()).toBe(await listed.count());
    expect(await apply.first().getAttribute('href')).toBe(FORM_URL);
  });
});

describe('Why is this listed?', () => {
  it('a card\'s label links to that label\'s section of the labels page', async () => {
    await open(page, '/?label=quick+win');
    const card = page.locator('main ol > li article').first();
    await card.getByRole('link', { name: 'quick win: why is this listed?', exact: true }).click();
    await page.waitForURL(/\/labels\/#quick-win$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('quick-win');
    expect(await page.locator('#quick-win h2').textContent()).toBe('quick win');
    expect(await page.locator('#quick-win').innerText()).toMatch(/Implementation/);
  });

  it('the labels page has a section per curated label, each linking its list', async () => {
    await page.goto(url('/labels/'));
    expect(await page.locator('h1').textContent()).toBe('Why is this issue listed?');
    expect(await page.locator('main section').evaluateAll((sections) => sections.map((s) => s.id))).toEqual(curatedLabels.map(labelSlug));
    for (const label of curatedLabels) {
      const count = issues.filter((issue) => issue.curated.includes(label)).length;
      const browse = page.locator(`#${labelSlug(label)}`).getByRole('link', { name: new RegExp(`^Browse the ${count} issues? labelled ${escapeRegExp(label)}$`) });
      expect(new URL(url((await browse.getAttribute('href'))!)).searchParams.getAll('label')).toEqual([label]);
    }
  });

  it.each(['light', 'dark'] as const)('the labels page has no axe violations (%s)', async (colorScheme) => {
    const themed = await newPage(browser(), { colorScheme });
    try {
      await themed.goto(url('/labels/#quick-win'));
      const result = await new AxeBuilder({ page: themed }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    } finally {
      await themed.context().close();
    }
  });
});

/** The focused link's name (its aria-label or text), or '' when focus is not on a link. */
const focusedLink = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.tagName === 'A' ? (el.getAttribute('aria-label') ?? el.textContent ?? '') : '';
  });

describe('keyboard', () => {
  it('Tab from the search box reaches the GitLab link, a label link and an Apply link; Enter follows the label link', async () => {
    await open(page, '/?label=co-create');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    const reached: string[] = [];
    for (let i = 0; i < 30 && !reached.some((name) => name.startsWith('Apply with this issue')); i++) {
      await page.keyboard.press('Tab');
      reached.push(await focusedLink(page));
    }
    expect(reached).toContain('Open this view in GitLab');
    expect(reached).toContain('co-create: why is this listed?');
    expect(reached.some((name) => /^Apply with this issue \(.+\)$/.test(name))).toBe(true);

    // Back to the card's co-create label link (the title link, maybe other label links, lie between).
    for (let i = 0; i < 10 && (await focusedLink(page)) !== 'co-create: why is this listed?'; i++) {
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/labels\/#co-create$/);
  });

  it('removing a chip by keyboard moves the focus to the chip in its place, then to the search box', async () => {
    await open(page, '/?label=co-create&ready=true');
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
    await page.getByRole('button', { name: 'Remove Curated label: co-create' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedName).toBe('Remove Ready to pick up');
    await page.keyboard.press('Enter');
    await expect.poll(focusedName).toBe('search');
    expect(new URL(page.url()).search).toBe('');
  });
});
