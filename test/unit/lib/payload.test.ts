import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePayload, decodeSteps, encodePayload, ROWS_PER_CHUNK, splitPayload } from '../../../src/lib/payload';
import { runNow } from '../../../src/lib/slices';
import { sortIssues } from '../../../src/lib/view/sort';
import { labelColorClass, labelColorsCss } from '../../../src/lib/labels/color-classes';
import { toIssue } from '../../../src/lib/model';
import { labelSlug, withBase } from '../../../src/lib/links/site-paths';
import { safeGitlabUrl } from '../../../src/lib/links/safe-url';
import { parseSnapshot } from '../../../src/lib/snapshot';
import { relativeTime } from '../../../src/lib/text/time';

const sample = parseSnapshot(readFileSync('src/data/sample/issues.json', 'utf8'));

describe('client payload', () => {
  it('decodes to the same issues the build renders (dates to the second)', () => {
    const decoded = decodePayload(JSON.parse(JSON.stringify(encodePayload(sample))));
    const expected = sample.issues.map((issue) => toIssue(issue, sample.previousGeneratedAt)).map((issue) => ({
      ...issue,
      createdAt: Math.round(issue.createdAt / 1000) * 1000,
      updatedAt: Math.round(issue.updatedAt / 1000) * 1000,
      firstSeenAt: Math.round(issue.firstSeenAt / 1000) * 1000,
    }));
    // The sample marks some issues new: the comparison covers the flag, not just its absence.
    expect(expected.some((issue) => issue.isNew)).toBe(true);
    const byId = (issues: readonly { id: number }[]) => [...issues].sort((a, b) => a.id - b.id);
    expect(byId(decoded)).toEqual(byId(expected));
  });

  it("sends the rows in the page's default order, most recently updated first", () => {
    const decoded = decodePayload(encodePayload(sample));
    expect(decoded.map((issue) => issue.id)).toEqual(sortIssues(sample.issues.map((issue) => toIssue(issue, null)), 'updated').map((issue) => issue.id));
  });

  it('keeps an unusual URL, and leaves out the usual ones', () => {
    const odd = { ...sample, issues: [{ ...sample.issues[0]!, url: 'https://gitlab.com/gitlab-org/gitlab/-/work_items/1' }] };
    const payload = encodePayload(odd);
    expect(payload.issues[0]).toHaveLength(18);
    expect(decodePayload(payload)[0]!.url).toBe('https://gitlab.com/gitlab-org/gitlab/-/work_items/1');
    expect(encodePayload(sample).issues.every((row) => row.length === 17)).toBe(true);
  });

  it('round-trips an epic: its group path, & reference and epic URL', () => {
    const epic = {
      ...sample.issues[0]!,
      kind: 'epic' as const,
      project: 'gitlab-org',
      iid: 12,
      reference: 'gitlab-org&12',
      url: 'https://gitlab.com/groups/gitlab-org/-/epics/12',
    };
    const payload = encodePayload({ ...sample, issues: [epic] });
    expect(payload.issues[0]).toHaveLength(17);
    expect(decodePayload(payload)[0]).toMatchObject({ kind: 'epic', reference: 'gitlab-org&12', url: epic.url });
  });

  it('splits into files of rows that decode to the same issues', () => {
    const many = { ...sample, issues: Array.from({ length: 5 }, () => sample.issues).flat().map((issue, n) => ({ ...issue, id: n + 1 })) };
    const payload = encodePayload(many);
    const { index, chunks } = splitPayload(payload);
    expect(index.chunks).toBe(Math.ceil(many.issues.length / ROWS_PER_CHUNK));
    expect(chunks.map((rows) => rows.length).every((n) => n <= ROWS_PER_CHUNK)).toBe(true);
    expect(chunks.flatMap((rows) => runNow(decodeSteps(index, rows)))).toEqual(decodePayload(payload));
    expect(splitPayload(encodePayload({ ...sample, issues: [] }))).toMatchObject({ index: { chunks: 1 }, chunks: [[]] });
  });

  it('lists each label once', () => {
    const payload = encodePayload(sample);
    expect(new Set(payload.labels.map((label) => JSON.stringify(label))).size).toBe(payload.labels.length);
  });
});

describe('label colour classes', () => {
  it('are built from validated hex only', () => {
    expect(labelColorClass({ color: '#DC143C', textColor: '#fff' })).toBe('lc-dc143c-fff');
    expect(labelColorClass({ color: 'red;x', textColor: '#fff' })).toBeNull();
    expect(labelColorClass({ color: null, textColor: null })).toBeNull();
  });

  it('make one rule per colour pair, in a stable order', () => {
    const css = labelColorsCss([
      { color: '#ffffff', textColor: '#000000' },
      { color: '#dc143c', textColor: '#ffffff' },
      { color: '#ffffff', textColor: '#000000' },
      { color: 'url(x)', textColor: '#000000' },
    ]);
    expect(css).toBe(
      '.lc-dc143c-ffffff{background-color:#dc143c;color:#ffffff}\n.lc-ffffff-000000{background-color:#ffffff;color:#000000}',
    );
  });
});

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

describe('paths and time', () => {
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
  it('says how long ago', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    expect(relativeTime(now - 5 * 3_600_000, now)).toBe('5 hours ago');
    expect(relativeTime(now - 86_400_000, now)).toBe('yesterday');
    expect(relativeTime(now - 3 * 365 * 86_400_000, now)).toBe('3 years ago');
    expect(relativeTime(now - 10_000, now)).toBe('just now');
  });
});
