import { describe, expect, it } from 'vitest';
import { profileUrl, safeGitlabUrl } from '../../../../src/lib/links/safe-url';

describe('safeGitlabUrl', () => {
  const gitlab = 'https://gitlab.com';
  it.each([
    ['https://gitlab.com/gitlab-org/gitlab/-/issues/1', 'https://gitlab.com/gitlab-org/gitlab/-/issues/1'],
    ['javascript:alert(1)', null],
    ['https://evil.example/gitlab-org/gitlab/-/issues/1', null],
    ['https://gitlab.com.evil.example/x', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(safeGitlabUrl(url, gitlab)).toBe(expected);
  });
  it('requires the instance sub-path', () => {
    expect(safeGitlabUrl('https://example.com/gitlab/a/b/-/issues/1', 'https://example.com/gitlab')).not.toBeNull();
    expect(safeGitlabUrl('https://example.com/other/a/-/issues/1', 'https://example.com/gitlab')).toBeNull();
  });
});

describe('profileUrl', () => {
  it('puts the username under the instance, sub-path included, and the result passes safeGitlabUrl', () => {
    expect(profileUrl('first.last', 'https://gitlab.com')).toBe('https://gitlab.com/first.last');
    const url = profileUrl('a-b_c', 'https://example.com/gitlab/');
    expect(url).toBe('https://example.com/gitlab/a-b_c');
    expect(safeGitlabUrl(url, 'https://example.com/gitlab')).toBe(url);
  });
});
