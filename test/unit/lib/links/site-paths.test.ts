import { describe, expect, it } from 'vitest';
import { labelSlug, withBase } from '../../../../src/lib/links/site-paths';

describe('site paths', () => {
  it('slugs labels for URLs', () => {
    expect(labelSlug('quick win::first-time contributor')).toBe('quick-win-first-time-contributor');
    expect(labelSlug('co-create')).toBe('co-create');
    expect(labelSlug('<script>')).toBe('script');
    expect(labelSlug('日本')).toBe('label');
  });
  it('joins base paths', () => {
    expect(withBase('/', 'all/')).toBe('/all/');
    expect(withBase('/project/', '/all/')).toBe('/project/all/');
  });
});
