import { describe, expect, it } from 'vitest';
import { parseSnapshot, serializeSnapshot, type Snapshot, type SnapshotIssue } from '../../src/lib/snapshot';
import { makeSnapshotIssue } from './make-issue';

const issue = (id: number, overrides: Partial<SnapshotIssue> = {}) =>
  makeSnapshotIssue(id, { labels: [{ name: 'quick win', color: '#009966', textColor: '#ffffff' }], curated: ['quick win'], ...overrides });


const snapshot = (issues: SnapshotIssue[]): Snapshot => ({
  schemaVersion: 3,
  generatedAt: '2026-11-01T00:00:00.000Z',
  previousGeneratedAt: null,
  source: { url: 'https://gitlab.com', group: 'gitlab-org', labels: ['quick win'] },
  issues,
});

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
      "snapshot format 2 is older than this site's format 3; fetch it again",
    );
    expect(() => parseSnapshot(JSON.stringify({ ...snapshot([]), schemaVersion: 4 }))).toThrow(/^schemaVersion: /);
  });

  it('requires at least one curated label per issue', () => {
    expect(() => parseSnapshot(JSON.stringify(snapshot([issue(1, { curated: [] })])))).toThrow(/curated/);
  });
});
