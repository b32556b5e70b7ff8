import { describe, expect, it } from 'vitest';
import { describeRequest, rateLimitWaitMs } from '../../../scripts/fetch/requester';

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
