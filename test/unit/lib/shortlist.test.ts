import { describe, expect, it } from 'vitest';
import { cleanReferences, cleanTitle, isReference, readShortlist, referenceUrl, SHORTLIST_MAX, SHORTLIST_TITLE_MAX, shortlistEntries, writeShortlist } from '../../../src/lib/shortlist';
import { makeIssue } from '../make-issue';

describe('isReference', () => {
  it.each(['gitlab-org/gitlab#31447', 'gitlab-org/gitlab-runner#1', 'gitlab-org&12', 'a/b.c/d_e#9'])('accepts %s', (reference) => {
    expect(isReference(reference)).toBe(true);
  });
  it.each(['', '#1', 'gitlab-org/gitlab', 'gitlab-org/gitlab#0', 'gitlab-org/gitlab#01', 'gitlab org#1', '../x#1', 'a#1#2', 'javascript:alert(1)#1', 'a/b#1 ', 'a\u202E#1'])(
    'refuses %j',
    (text) => {
      expect(isReference(text)).toBe(false);
    },
  );
});

describe('cleanReferences', () => {
  it('keeps valid references trimmed, in order, each once', () => {
    expect(cleanReferences([' a/b#2', 'a/b#1', 'nope', 'a/b#2', 'g&3'])).toEqual(['a/b#2', 'a/b#1', 'g&3']);
  });
  it(`keeps at most ${SHORTLIST_MAX}`, () => {
    expect(cleanReferences(Array.from({ length: 80 }, (_, n) => `a/b#${n + 1}`))).toHaveLength(SHORTLIST_MAX);
  });
});

describe('cleanTitle', () => {
  it('makes one line of plain text, without controls or direction overrides, capped', () => {
    expect(cleanTitle('  For ACME\n— verify\tquick wins ')).toBe('For ACME — verify quick wins');
    expect(cleanTitle('a\u202Eb\u200Bc')).toBe('a b c');
    expect([...cleanTitle('é'.repeat(500))]).toHaveLength(SHORTLIST_TITLE_MAX);
    expect(cleanTitle('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });
});

describe('shortlistEntries', () => {
  const issues = [makeIssue(1, { iid: 31447 }), makeIssue(2, { project: 'gitlab-org/gitlab-runner', iid: 31363 })];
  it('gives the issues in the shortlist’s order, matching a reference in any case, and keeps the place of one gone', () => {
    const entries = shortlistEntries(['gitlab-org/gitlab-runner#31363', 'gitlab-org/gitlab#9', 'GitLab-org/GitLab#31447'], issues);
    expect(entries.map((entry) => [entry.reference, entry.issue?.id ?? null])).toEqual([
      ['gitlab-org/gitlab-runner#31363', 2],
      ['gitlab-org/gitlab#9', null],
      ['GitLab-org/GitLab#31447', 1],
    ]);
  });
});

describe('referenceUrl', () => {
  it('links an issue or an epic on the instance, sub-path included', () => {
    expect(referenceUrl('gitlab-org/gitlab#9', 'https://gitlab.com')).toBe('https://gitlab.com/gitlab-org/gitlab/-/issues/9');
    expect(referenceUrl('gitlab-org&12', 'https://example.com/gitlab/')).toBe('https://example.com/gitlab/groups/gitlab-org/-/epics/12');
  });
});

describe('readShortlist and writeShortlist', () => {
  it('round-trip a shortlist through a link, in order, with its title', () => {
    const params = new URLSearchParams();
    writeShortlist(params, ['gitlab-org/gitlab#31447', 'gitlab-org/gitlab-runner#31363'], 'For ACME — verify quick wins');
    expect(params.toString()).toBe('ref=gitlab-org%2Fgitlab%2331447&ref=gitlab-org%2Fgitlab-runner%2331363&title=For+ACME+%E2%80%94+verify+quick+wins');
    expect(readShortlist(new URLSearchParams(params.toString()))).toEqual({
      references: ['gitlab-org/gitlab#31447', 'gitlab-org/gitlab-runner#31363'],
      title: 'For ACME — verify quick wins',
    });
  });
  it('writes nothing for an empty shortlist, not even its title, and reads a hostile link as plain values', () => {
    const params = new URLSearchParams();
    writeShortlist(params, ['nope'], 'Title');
    expect(params.toString()).toBe('');
    expect(readShortlist(new URLSearchParams('ref=a%2Fb%231&ref=%3Cimg%3E&title=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'))).toEqual({
      references: ['a/b#1'],
      title: '<img src=x onerror=alert(1)>',
    });
  });
});
