import { describe, expect, it } from 'vitest';
import { labelSlug, pathWithBase } from '../../../../src/lib/links/site-paths';

describe('site paths', () => {
  it('slugs labels for URLs', () => {
    expect(labelSlug('quick win::first-time contributor')).toBe('quick-win-first-time-contributor');
    expect(labelSlug('co-create')).toBe('co-create');
    expect(labelSlug('<script>')).toBe('script');
    expect(labelSlug('日本')).toBe('label');
  });
  it('joins base paths', () => {
    expect(pathWithBase('all/', '/')).toBe('/all/');
    expect(pathWithBase('/all/', '/project/')).toBe('/project/all/');
    expect(pathWithBase('', '/project')).toBe('/project/');
    expect(pathWithBase('?label=co-create', '/project/')).toBe('/project/?label=co-create');
  });
  it("takes the build's base path by default", () => {
    expect(pathWithBase('feed.xml')).toBe(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/feed.xml`);
  });
});
