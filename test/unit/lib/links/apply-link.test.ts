import { describe, expect, it } from 'vitest';
import { applyUrl, unknownPlaceholders } from '../../../../src/lib/links/apply-link';
import { makeIssue } from '../../make-issue';

const FORM = 'https://about.gitlab.com/community/co-create/#form';
const issue = makeIssue(42, {
  project: 'gitlab-org/gitlab',
  iid: 123,
  title: 'Pipeline editor: validate "include" rules & more #1',
});

describe('applyUrl', () => {
  it('is the plain form URL without a template', () => {
    expect(applyUrl(null, FORM, issue)).toBe(FORM);
  });

  it('fills in every placeholder, URL-encoding all but {formUrl}', () => {
    expect(applyUrl('{formUrl}?issue={url}', 'https://example.com/apply', issue)).toBe(
      'https://example.com/apply?issue=https%3A%2F%2Fgitlab.com%2Fgitlab-org%2Fgitlab%2F-%2Fissues%2F123',
    );
    expect(applyUrl('https://forms.example.com/co-create?ref={reference}&title={title}#form', FORM, issue)).toBe(
      'https://forms.example.com/co-create?ref=gitlab-org%2Fgitlab%23123' +
        '&title=Pipeline%20editor%3A%20validate%20%22include%22%20rules%20%26%20more%20%231#form',
    );
  });

  it('puts the issue wherever the template says, even after a form URL with a fragment', () => {
    // The template decides: after {formUrl} the parameter lands in the fragment, as written.
    expect(applyUrl('{formUrl}?issue={reference}', FORM, issue)).toBe(`${FORM}?issue=gitlab-org%2Fgitlab%23123`);
  });

  it('replaces a placeholder each time it appears and leaves unknown braces as written', () => {
    expect(applyUrl('https://x.example/{reference}/{reference}?a={other}', FORM, issue)).toBe(
      'https://x.example/gitlab-org%2Fgitlab%23123/gitlab-org%2Fgitlab%23123?a={other}',
    );
  });

  it('cannot be turned into another link by the issue text', () => {
    const hostile = makeIssue(1, { title: 'x&redirect=https://evil.example/#', url: 'javascript:alert(1)' });
    const href = new URL(applyUrl('https://forms.example.com/?t={title}&u={url}', FORM, hostile));
    expect([...href.searchParams.keys()]).toEqual(['t', 'u']);
    expect(href.searchParams.get('t')).toBe(hostile.title);
    expect(href.searchParams.get('u')).toBe(hostile.url);
    expect(href.hash).toBe('');
  });
});

describe('unknownPlaceholders', () => {
  it('is empty for the known placeholders', () => {
    expect(unknownPlaceholders('{formUrl}?issue={url}&ref={reference}&t={title}')).toEqual([]);
    expect(unknownPlaceholders('https://example.com/')).toEqual([]);
  });

  it('names the others, in order', () => {
    expect(unknownPlaceholders('{formUrl}?a={URL}&b={}&c={issue url}')).toEqual(['URL', '', 'issue url']);
  });
});
