import { describe, expect, it } from 'vitest';
import { fieldTexts, FUSE_OPTIONS, SEARCH_FIELDS } from '../../../../src/lib/search/fields';
import { makeIssue } from '../../make-issue';

describe('search fields', () => {
  it("gives an issue's texts in field order", () => {
    const issue = makeIssue(12, {
      title: 'Fix it',
      excerpt: 'Steps',
      labels: [{ name: 'backend', color: null, textColor: null }],
    });
    expect(fieldTexts(issue)).toEqual([['Fix it'], ['gitlab-org/gitlab#12', '#12'], ['gitlab-org/gitlab'], ['backend'], ['Steps']]);
  });

  it('scores Fuse over the same fields with the same weights, title first', () => {
    const keys = FUSE_OPTIONS.keys as Array<{ name: string; weight: number }>;
    expect(keys.map(({ name, weight }) => [name, weight])).toEqual(SEARCH_FIELDS.map(({ name, weight }) => [name, weight]));
    expect(Math.max(...SEARCH_FIELDS.map((field) => field.weight))).toBe(SEARCH_FIELDS[0].weight);
    // A posting keeps the fields an issue matched in 5 bits.
    expect(SEARCH_FIELDS.length).toBeLessThanOrEqual(5);
  });
});
