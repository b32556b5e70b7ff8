import { describe, expect, it } from 'vitest';
import { EXCERPT_MAX_LENGTH, parseSnapshot, serializeSnapshot, type Snapshot, type SnapshotIssue } from '../../../src/lib/snapshot';
import { makeSnapshot, makeSnapshotIssue } from '../make-issue';

const issue = (id: number, overrides: Partial<SnapshotIssue> = {}) =>
  makeSnapshotIssue(id, { labels: [{ name: 'quick win', color: '#009966', textColor: '#ffffff' }], curated: ['quick win'], ...overrides });

const snapshot = (issues: SnapshotIssue[]) => makeSnapshot(issues, ['quick win']);

describe('serializeSnapshot', () => {
  it('round-trips through parseSnapshot', () => {
    const original = snapshot([issue(2), issue(1, { title: '<script>alert(1)</script> ✨ 日本語' })]);
    const parsed = parseSnapshot(serializeSnapshot(original));
    expect(parsed.issues.map((i) => i.id)).toEqual([1, 2]);
    expect(parsed.issues[0]!.title).toBe('<script>alert(1)</script> ✨ 日本語');
  });

  it('is byte-identical whatever the input order and key order', () => {
    const a = serializeSnapshot(snapshot([issue(1), issue(2), issue(3)]));
    const shuffled = snapshot([issue(3), issue(1), issue(2)]);
    const reordered = { ...shuffled, issues: shuffled.issues.map((i) => Object.fromEntries(Object.entries(i).reverse())) };
    expect(serializeSnapshot(reordered as Snapshot)).toBe(a);
  });

  it('writes one issue per line and valid JSON when empty', () => {
    expect(serializeSnapshot(snapshot([issue(1), issue(2)])).split('\n')).toHaveLength(5);
    expect(parseSnapshot(serializeSnapshot(snapshot([]))).issues).toEqual([]);
  });

  it('drops fields that are not part of the schema', () => {
    const text = serializeSnapshot(snapshot([{ ...issue(1), description: 'secret' } as SnapshotIssue]));
    expect(text).not.toContain('secret');
  });
});

describe('parseSnapshot', () => {
  it('names the field that is wrong', () => {
    const bad = JSON.parse(serializeSnapshot(snapshot([issue(1)])));
    bad.issues[0].labels[0].color = 'red';
    expect(() => parseSnapshot(JSON.stringify(bad))).toThrow(/^issues\.0\.labels\.0\.color: /);
  });

  it('rejects text that is not JSON, and other schema versions', () => {
    expect(() => parseSnapshot('{"schemaVersion": 1, "issu')).toThrow(/^not valid JSON/);
    expect(() => parseSnapshot(JSON.stringify({ ...snapshot([]), schemaVersion: 2 }))).toThrow(
      "snapshot format 2 is older than this site's format 5; fetch it again",
    );
    expect(() => parseSnapshot(JSON.stringify({ ...snapshot([]), schemaVersion: 4 }))).toThrow(/format 4 is older/);
    expect(() => parseSnapshot(JSON.stringify({ ...snapshot([]), schemaVersion: 6 }))).toThrow(/^schemaVersion: /);
  });

  it('requires at least one curated label per issue', () => {
    expect(() => parseSnapshot(JSON.stringify(snapshot([issue(1, { curated: [] })])))).toThrow(/curated/);
  });
});

describe('assignees', () => {
  const parses = (assignees: string[]) => () => parseSnapshot(JSON.stringify(snapshot([issue(1, { assignees })])));
  it.each(['alice', 'a', '_', 'first.last', 'dash-ed_under', 'a.b-'])('accepts the username %s', (username) => {
    expect(parses([username])).not.toThrow();
  });
  // Each would make `<instance>/<username>` leave the profile path, or is not one GitLab gives.
  it.each(['', '.', '..', '-lead', 'trail.', 'a/b', 'a b', '../admin', 'a?x=1', 'é', 'x'.repeat(256)])(
    'refuses the username %j',
    (username) => {
      expect(parses([username])).toThrow(/^issues\.0\.assignees\.0: must be a GitLab username$/);
    },
  );
});

describe('snapshot caps', () => {
  // Each cap keeps one crafted item from costing every visitor: a 1 MB title made /all/ take 30 s to load.
  const parses = (item: SnapshotIssue, patch: Partial<Snapshot> = {}) => () =>
    parseSnapshot(JSON.stringify({ ...snapshot([item]), ...patch }));
  const label = (name: string) => ({ name, color: null, textColor: null });

  it('caps titles at 255 characters, as GitLab does, counting an emoji as one', () => {
    expect(parses(issue(1, { title: 'x'.repeat(255) }))).not.toThrow();
    expect(parses(issue(1, { title: '😀'.repeat(255) }))).not.toThrow();
    expect(parses(issue(1, { title: 'x'.repeat(256) }))).toThrow(/^issues\.0\.title: must be at most 255 characters$/);
    expect(parses(issue(1, { title: 'x'.repeat(1_000_000) }))).toThrow(/^issues\.0\.title: /);
  });

  it('caps excerpts at the excerpt maker’s length', () => {
    expect(parses(issue(1, { excerpt: 'x'.repeat(EXCERPT_MAX_LENGTH) }))).not.toThrow();
    expect(parses(issue(1, { excerpt: 'x'.repeat(EXCERPT_MAX_LENGTH + 1) }))).toThrow(/^issues\.0\.excerpt: /);
  });

  it('caps labels at 200 per item and label names at 255 characters', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => label(`label ${i}`));
    expect(parses(issue(1, { labels: many(200) }))).not.toThrow();
    expect(parses(issue(1, { labels: many(201) }))).toThrow(/^issues\.0\.labels: /);
    expect(parses(issue(1, { labels: [label('x'.repeat(255))] }))).not.toThrow();
    expect(parses(issue(1, { labels: [label('x'.repeat(256))] }))).toThrow(/^issues\.0\.labels\.0\.name: /);
  });

  it('caps curated label names at 255 characters, on items and in the source', () => {
    const long = 'x'.repeat(256);
    expect(parses(issue(1, { curated: [long] }))).toThrow(/^issues\.0\.curated\.0: /);
    const source = { url: 'https://gitlab.com', group: 'gitlab-org', labels: [long] };
    expect(parses(issue(1), { source })).toThrow(/^source\.labels\.0: /);
  });

  it.each(['id', 'iid', 'workItemId'] as const)('requires %s to be a safe integer', (field) => {
    expect(parses(issue(1, { [field]: Number.MAX_SAFE_INTEGER }))).not.toThrow();
    expect(parses(issue(1, { [field]: 2 ** 53 }))).toThrow(new RegExp(`^issues\\.0\\.${field}: `));
    expect(parses(issue(1, { [field]: 1.5 }))).toThrow(new RegExp(`^issues\\.0\\.${field}: `));
  });

  it('accepts only http(s) URLs for items and the source', () => {
    expect(parses(issue(1, { url: 'javascript:alert(1)' }))).toThrow(/^issues\.0\.url: must be an http\(s\) URL$/);
    expect(parses(issue(1, { url: 'data:text/html,x' }))).toThrow(/^issues\.0\.url: /);
    const source = { url: 'javascript:alert(document.domain)', group: 'gitlab-org', labels: ['quick win'] };
    expect(parses(issue(1), { source })).toThrow(/^source\.url: must be an http\(s\) URL$/);
  });

  it('refuses an item first seen after the snapshot was made, naming it in one line', () => {
    const late = issue(1, { firstSeenAt: '2026-11-01T00:00:00.001Z' });
    expect(parses(issue(1, { firstSeenAt: '2026-11-01T00:00:00.000Z' }))).not.toThrow();
    expect(parses(late)).toThrow(
      /^issues\.0\.firstSeenAt: gitlab-org\/gitlab#1 was first seen after the snapshot's generatedAt$/,
    );
    // Compared as times, not as text: the same instant with an offset is not later.
    expect(parses(issue(1, { firstSeenAt: '2026-11-01T01:00:00.000+01:00' }))).not.toThrow();
  });
});

describe('names that identify an item', () => {
  it.each(['project', 'reference'] as const)('refuses bidi controls and zero-width characters in %s', (field) => {
    const text = (value: string) => JSON.stringify(snapshot([issue(1, { [field]: value })]));
    expect(() => parseSnapshot(text('gitlab-org/\u202Eevil'))).toThrow(
      new RegExp(`^issues\\.0\\.${field}: must not contain bidi controls or zero-width characters$`),
    );
    expect(() => parseSnapshot(text('gitlab-org/\uFEFFgitlab'))).toThrow(new RegExp(`^issues\\.0\\.${field}: `));
  });

  it('refuses them in a merge request’s reference too', () => {
    const mr = { reference: 'gitlab-org/\u202Eevil!1', url: 'https://gitlab.com/gitlab-org/evil/-/merge_requests/1' };
    expect(() => parseSnapshot(JSON.stringify(snapshot([issue(1, { mergeRequests: 1, openMergeRequests: [mr] })])))).toThrow(
      /^issues\.0\.openMergeRequests\.0\.reference: must not contain bidi controls or zero-width characters$/,
    );
  });
});
