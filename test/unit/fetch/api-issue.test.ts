import { describe, expect, it } from 'vitest';
import { parseIssuePage } from '../../../scripts/fetch/api-issue';
import { redactor } from '../../../scripts/fetch/output';
import { describeRequest, rateLimitWaitMs } from '../../../scripts/fetch/requester';
import { shrinkRefusal } from '../../../scripts/fetch/write-snapshot';

describe('rateLimitWaitMs', () => {
  const now = Date.parse('2026-11-01T00:00:00Z');
  it('prefers Retry-After in seconds', () => {
    expect(rateLimitWaitMs(new Headers({ 'retry-after': '7', 'ratelimit-reset': String(now / 1000 + 60) }), now)).toBe(7000);
  });
  it('reads Retry-After as an HTTP date', () => {
    expect(rateLimitWaitMs(new Headers({ 'retry-after': 'Sun, 01 Nov 2026 00:00:30 GMT' }), now)).toBe(30_000);
  });
  it('falls back to RateLimit-Reset', () => {
    expect(rateLimitWaitMs(new Headers({ 'ratelimit-reset': String(now / 1000 + 12) }), now)).toBe(12_000);
  });
  it('is undefined when GitLab says nothing (some 429s carry no headers)', () => {
    expect(rateLimitWaitMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });
});

describe('describeRequest', () => {
  it('names path, label and page, decoded, with the instance sub-path stripped', () => {
    const url = new URL('http://h/gitlab/api/v4/groups/gitlab-org%2Fcharts/issues?labels=quick%20win&page=3&per_page=100');
    expect(describeRequest('GET', url)).toBe('GET /groups/gitlab-org/charts/issues?labels=quick win page 3');
  });
});

describe('redactor', () => {
  it('removes the secret and its URL-encoded form', () => {
    const redact = redactor(['glpat-a/b+c', undefined]);
    expect(redact('token glpat-a/b+c and glpat-a%2Fb%2Bc')).toBe('token [redacted] and [redacted]');
  });
});

describe('shrinkRefusal', () => {
  it('refuses fewer than half of the previous issues, and only then', () => {
    expect(shrinkRefusal(100, 49)).toMatch(/49 issues, fewer than half of the previous 100/);
    expect(shrinkRefusal(100, 50)).toBeUndefined();
    expect(shrinkRefusal(0, 0)).toBeUndefined();
  });
});

describe('parseIssuePage', () => {
  const valid = {
    id: 10,
    iid: 1,
    project_id: 2,
    title: 't',
    description: null,
    state: 'opened',
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    labels: ['quick win'],
    web_url: 'https://gitlab.com/gitlab-org/gitlab/-/issues/1',
  };
  it('accepts the minimal shape with nulls and missing optional fields', () => {
    expect(parseIssuePage([valid], 'here').items).toHaveLength(1);
  });
  it('leaves out an item that fails, naming its id and the field', () => {
    const page = parseIssuePage([valid, { ...valid, id: 11, created_at: 12345 }], 'GET x page 1');
    expect(page.items).toHaveLength(1);
    expect(page.invalid).toEqual(['GET x page 1: issue id 11: field created_at: Invalid input: expected string, received number']);
  });
  it('names the position of an item whose id itself is broken', () => {
    const page = parseIssuePage([valid, { ...valid, id: -3 }, { ...valid, id: '12' }], 'p');
    expect(page.invalid).toEqual([
      'p: issue 2 of the page (no valid id): field id: Too small: expected number to be >0',
      'p: issue 3 of the page (no valid id): field id: Invalid input: expected number, received string',
    ]);
  });
  it('accepts what GitLab sends inconsistently: #RGB colours, empty descriptions, archived labels, project milestones', () => {
    const odd = {
      ...valid,
      description: '',
      labels: [{ name: 'UX', color: '#03C', text_color: '#FFFFFF', archived: true }],
      milestone: { id: 1, iid: 1, project_id: 2, title: '18.0', due_date: null, state: 'active' },
      confidential: 'false',
    };
    const page = parseIssuePage([odd], 'p');
    expect(page.invalid).toEqual([]);
    expect(page.items[0]!.confidential).toBe(false);
  });
  it('leaves out an item whose id or iid is past the safe integers, which the snapshot could not hold', () => {
    const page = parseIssuePage([valid, { ...valid, id: 2 ** 53 }, { ...valid, id: 12, iid: 2 ** 60 }], 'p');
    expect(page.items.map((item) => item.id)).toEqual([10]);
    expect(page.invalid).toEqual([
      'p: issue 2 of the page (no valid id): field id: Too big: expected int to be <=9007199254740991',
      'p: issue id 12: field iid: Too big: expected int to be <=9007199254740991',
    ]);
  });
  it('rejects a javascript: web_url', () => {
    expect(parseIssuePage([{ ...valid, web_url: 'javascript:alert(1)' }], 'p').invalid[0]).toMatch(/field web_url/);
  });
  it('says what came instead of a list', () => {
    expect(() => parseIssuePage({ message: 'x' }, 'p')).toThrow('p: expected a list of issues, got object');
  });
});
