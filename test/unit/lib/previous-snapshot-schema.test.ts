import { describe, expect, it } from 'vitest';
import { parsePreviousSnapshot } from '../../../src/lib/previous-snapshot-schema';
import { serializeSnapshot, type SnapshotIssue } from '../../../src/lib/snapshot';
import { makeSnapshot, makeSnapshotIssue } from '../make-issue';

const issue = (id: number, overrides: Partial<SnapshotIssue> = {}) =>
  makeSnapshotIssue(id, { labels: [{ name: 'quick win', color: '#009966', textColor: '#ffffff' }], curated: ['quick win'], ...overrides });

const snapshot = (issues: SnapshotIssue[]) => makeSnapshot(issues, ['quick win']);

describe('parsePreviousSnapshot', () => {
  // The published snapshot of format 3 counted assignees; its items still say since when they are listed.
  const formatThree = () => {
    const { assignees: _, ...item } = issue(1, { firstSeenAt: '2026-10-01T00:00:00.000Z' });
    return { ...snapshot([]), schemaVersion: 3, issues: [{ ...item, assignees: 2 }] };
  };

  it('reads what carries forward from this format and formats 3 and 4, which list no departures', () => {
    const listed = issue(1, { firstSeenAt: '2026-10-01T00:00:00.000Z' });
    const { kind, id, workItemId, firstSeenAt, iid, project, reference, url, title, curated, stage, group } = listed;
    const carried = { kind, id, workItemId, firstSeenAt, iid, project, reference, url, title, curated, stage, group };
    expect(parsePreviousSnapshot(JSON.stringify(formatThree()))).toMatchObject({ issues: [carried], departed: [] });
    const { departed: _, ...formatFour } = { ...snapshot([listed]), schemaVersion: 4 };
    expect(parsePreviousSnapshot(JSON.stringify(formatFour))).toMatchObject({ issues: [carried], departed: [] });
    const current = snapshot([listed]);
    expect(parsePreviousSnapshot(serializeSnapshot(current))).toMatchObject({ schemaVersion: 5, issues: [carried] });
    expect(Object.keys(parsePreviousSnapshot(serializeSnapshot(current)).issues[0]!).sort()).toEqual(Object.keys(carried).sort());
  });

  it('leaves the rest of the published data unread, and a broken title or link there costs only its departure', () => {
    const published = formatThree();
    published.issues[0]!.title = 'x'.repeat(10_000);
    published.issues[0]!.url = 'javascript:alert(1)';
    const [item] = parsePreviousSnapshot(JSON.stringify(published)).issues;
    expect([...item!.title]).toHaveLength(255);
    expect(item!.url).toBe('javascript:alert(1)');
  });

  it('drops each published departure that is not valid, and keeps the rest', () => {
    const good = { reference: 'gitlab-org/gitlab#9', url: 'https://gitlab.com/gitlab-org/gitlab/-/issues/9', title: 'Gone', reason: 'closed', at: '2026-10-30T00:00:00.000Z', curated: ['co-create'], stage: null, group: null };
    const bad = [{ ...good, url: 'javascript:alert(1)' }, { ...good, reason: 'stolen' }, { ...good, title: 'x'.repeat(300) }, { ...good, reference: 'gitlab-org/\u202Eevil#1' }, 'text'];
    const published = { ...snapshot([]), departed: [...bad, good] };
    expect(parsePreviousSnapshot(JSON.stringify(published)).departed).toEqual([good]);
  });

  it('refuses older formats, broken identities and items seen after the snapshot, in one line', () => {
    expect(() => parsePreviousSnapshot(JSON.stringify({ ...formatThree(), schemaVersion: 2 }))).toThrow(
      "snapshot format 2 is older than this site's format 5; fetch it again",
    );
    const broken = formatThree();
    (broken.issues[0] as { id: unknown }).id = 'one';
    expect(() => parsePreviousSnapshot(JSON.stringify(broken))).toThrow(/^issues\.0\.id: /);
    const late = formatThree();
    late.issues[0]!.firstSeenAt = '2026-12-01T00:00:00.000Z';
    expect(() => parsePreviousSnapshot(JSON.stringify(late))).toThrow(
      /^issues\.0\.firstSeenAt: gitlab-org\/gitlab#1 was first seen after the snapshot's generatedAt$/,
    );
  });
});
