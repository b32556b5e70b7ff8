import { describe, expect, it } from 'vitest';
import { allPages, MAX_PAGES, PagingError, type Page } from '../../../scripts/fetch/paging';

const pages = (answers: Record<number, Page<number>>) => {
  const asked: number[] = [];
  const fetchPage = async (n: number) => {
    asked.push(n);
    return answers[n] ?? { items: [], next: null, totalPages: null };
  };
  return { asked, fetchPage };
};

describe('allPages', () => {
  it('asks for the remaining pages at once when the total is known, then follows next pages', async () => {
    const { asked, fetchPage } = pages({
      1: { items: [1], next: 2, totalPages: 3 },
      2: { items: [2], next: 3, totalPages: 3 },
      3: { items: [3], next: 4, totalPages: 3 },
      4: { items: [4], next: null, totalPages: 3 },
    });
    expect(await allPages('L', 100, fetchPage)).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([1, 2, 3, 4]);
  });

  it('refuses a next page behind, at, or below the current one, and one asked for already', async () => {
    await expect(allPages('L', 100, pages({ 1: { items: [], next: 1, totalPages: null } }).fetchPage)).rejects.toThrow('L page 1: the next page is 1, not one ahead of it');
    await expect(allPages('L', 100, pages({ 1: { items: [], next: -2, totalPages: null } }).fetchPage)).rejects.toThrow(PagingError);
    const back = pages({ 1: { items: [], next: 2, totalPages: 2 }, 2: { items: [], next: 3, totalPages: 2 }, 3: { items: [], next: 2, totalPages: 2 } });
    await expect(allPages('L', 100, back.fetchPage)).rejects.toThrow('L page 3: the next page is 2, not one ahead of it');
  });

  it('stops at MAX_PAGES pages, and refuses a total above it or a page over per_page', async () => {
    let asked = 0;
    const endless = async (n: number) => (asked++, { items: [n], next: n + 1, totalPages: null });
    await expect(allPages('L', 100, endless)).rejects.toThrow(`L: more than ${MAX_PAGES} pages`);
    expect(asked).toBe(MAX_PAGES);
    await expect(allPages('L', 100, pages({ 1: { items: [], next: 2, totalPages: 1e9 } }).fetchPage)).rejects.toThrow('GitLab reports 1000000000 pages');
    await expect(allPages('L', 2, pages({ 1: { items: [1, 2, 3], next: null, totalPages: null } }).fetchPage)).rejects.toThrow('L page 1: 3 items on a page of 2');
  });
});
