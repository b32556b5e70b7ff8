// Recall against the baseline: the baseline's top results that truly match a query must all be among ours.
import type { Page } from 'playwright-core';
import type { SnapshotIssue } from '../../src/lib/snapshot';
import { settle } from './instrument';
import { issueWords, namedProjects, trulyMatches } from './queries';
import { QUIET_MS } from './session';

// Clicking "Show more" stops after this many rounds; a broad query at 10,000 issues needs far fewer.
const MAX_ROUNDS = 250;
// The page renders the first cards in the keystroke and the rest of the page when the browser is idle (within
// 200 ms): wait longer than that before reading which cards are there.
const FILLED_MS = 400;

/** Finds issues by id or reference, and caches each issue's words for the truth. */
export class IssueLookup {
  private byId: Map<number, SnapshotIssue>;
  private byReference: Map<string, SnapshotIssue>;
  private projects: Set<string>;
  private words = new Map<number, Set<string>>();

  constructor(issues: readonly SnapshotIssue[]) {
    this.byId = new Map(issues.map((issue) => [issue.id, issue]));
    this.byReference = new Map(issues.map((issue) => [issue.reference.toLowerCase(), issue]));
    this.projects = new Set(issues.map((issue) => issue.project));
  }

  /** Of `ids`, those that truly match `query`: a query that names a project is matched by that project's issues. */
  trulyMatching(ids: readonly number[], query: string): number[] {
    const named = namedProjects(query, this.projects);
    return ids.filter((id) => {
      const issue = this.byId.get(id);
      if (!issue) return false;
      if (named.size) return named.has(issue.project);
      if (!this.words.has(id)) this.words.set(id, issueWords(issue));
      return trulyMatches(issue, query, this.words.get(id));
    });
  }

  /** The issue a rendered card shows: by its `issue-<id>` title id, else by the reference in its text. */
  cardId(card: { labelledBy: string; text: string }): number | undefined {
    const id = /issue-(\d+)$/.exec(card.labelledBy);
    if (id && this.byId.has(Number(id[1]))) return Number(id[1]);
    const reference = /[\w.-]+(?:\/[\w.-]+)+#\d+/.exec(card.text);
    return reference ? this.byReference.get(reference[0].toLowerCase())?.id : undefined;
  }
}

async function cardIds(page: Page, lookup: IssueLookup): Promise<number[]> {
  const cards = await page.$$eval('main#main article', (articles) =>
    articles.map((article) => ({ labelledBy: article.getAttribute('aria-labelledby') ?? '', text: (article.textContent ?? '').slice(0, 300) })),
  );
  return cards.map((card) => lookup.cardId(card)).filter((id): id is number => id !== undefined);
}

/** Of `wanted`, the ids not among our results, revealing more cards with "Show more" until all are found. */
export async function missingFromOurs(page: Page, lookup: IssueLookup, wanted: readonly number[]): Promise<number[]> {
  const found = new Set<number>();
  const missing = () => wanted.filter((id) => !found.has(id));
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    await settle(page, FILLED_MS);
    for (const id of await cardIds(page, lookup)) found.add(id);
    const more = page.getByRole('button', { name: /^Show more/ });
    if (missing().length === 0 || (await more.count()) === 0) break;
    await more.first().click();
    await settle(page, QUIET_MS);
  }
  return missing();
}
