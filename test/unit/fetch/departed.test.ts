import { describe, expect, it } from 'vitest';
import { departureOf, goneItems, reasonOf, type ApiItemState, type PreviousItem } from '../../../scripts/fetch/departed';
import type { FetchedIssue } from '../../../scripts/fetch/first-seen';
import { makeSnapshotIssue } from '../make-issue';

const context = {
  gitlabUrl: 'https://gitlab.com',
  curatedLabels: ['co-create', 'quick win'],
  previousGeneratedAt: '2026-10-31T00:00:00.000Z',
  generatedAt: '2026-11-01T00:00:00.000Z',
};
const BETWEEN = '2026-10-31T12:00:00.000Z';
const open: ApiItemState = { title: 'Still here', state: 'opened', confidential: false, closed_at: null, updated_at: BETWEEN, labels: ['co-create'] };

const previous = (id: number, patch: Partial<PreviousItem> = {}): PreviousItem => {
  const { kind, workItemId, firstSeenAt, iid, project, reference, url, title, curated, stage, group } = makeSnapshotIssue(id);
  return { kind, id, workItemId, firstSeenAt, iid, project, reference, url, title, curated, stage, group, ...patch };
};
const fetched = (id: number, patch: Partial<FetchedIssue> = {}): FetchedIssue => ({ ...makeSnapshotIssue(id), ...patch });

describe('reasonOf', () => {
  it('reads closed, moved, no longer curated and hidden from GitLab’s answer', () => {
    expect(reasonOf({ ...open, state: 'closed', closed_at: BETWEEN }, context)).toEqual({ reason: 'closed', at: BETWEEN });
    expect(reasonOf({ ...open, state: 'closed', closed_at: BETWEEN, moved_to_id: 7 }, context)).toEqual({ reason: 'moved', at: BETWEEN });
    expect(reasonOf({ ...open, labels: [{ name: 'type::bug' }] }, context)).toEqual({ reason: 'uncurated', at: BETWEEN });
    expect(reasonOf({ ...open, confidential: true, state: 'closed' }, context)).toEqual({ reason: 'hidden', at: context.generatedAt });
    expect(reasonOf('hidden', context)).toEqual({ reason: 'hidden', at: context.generatedAt });
  });

  it('says unknown for an item still open and labelled: listed no more for a reason GitLab does not tell', () => {
    expect(reasonOf(open, context)).toEqual({ reason: 'unknown', at: context.generatedAt });
  });

  it('dates a departure by GitLab only between the two snapshots; otherwise by this one', () => {
    const long = '2020-01-01T00:00:00.000Z';
    const later = '2027-01-01T00:00:00.000Z';
    expect(reasonOf({ ...open, state: 'closed', closed_at: long }, context).at).toBe(context.generatedAt);
    expect(reasonOf({ ...open, state: 'closed', closed_at: later }, context).at).toBe(context.generatedAt);
    expect(reasonOf({ ...open, state: 'closed', closed_at: null, updated_at: BETWEEN }, context).at).toBe(BETWEEN);
  });
});

describe('departureOf', () => {
  it('names the item as the list did, with GitLab’s title tonight, and keeps no title of a hidden one', () => {
    const item = previous(1, { title: 'Published title', curated: ['quick win'], group: 'code review', stage: 'create' });
    expect(departureOf(item, { ...open, title: 'Fresh title', state: 'closed', closed_at: BETWEEN }, context)).toEqual({
      reference: 'gitlab-org/gitlab#1', url: 'https://gitlab.com/gitlab-org/gitlab/-/issues/1', title: 'Fresh title',
      reason: 'closed', at: BETWEEN, curated: ['quick win'], stage: 'create', group: 'code review',
    });
    expect(departureOf(item, { ...open, confidential: true }, context)).toMatchObject({ reason: 'hidden', title: '' });
    expect(departureOf(item, 'hidden', context)).toMatchObject({ reason: 'hidden', title: '' });
    expect(departureOf(item, 'unknown', context)).toMatchObject({ reason: 'unknown', title: 'Published title' });
    expect(departureOf(item, { ...open, title: 'x'.repeat(300), state: 'closed' }, context)!.title).toHaveLength(255);
  });

  it('leaves out an item whose published link is not under the instance', () => {
    for (const url of ['https://evil.example/gitlab-org/gitlab/-/issues/1', 'javascript:alert(1)', 'https://gitlab.com.evil.example/x']) {
      expect(departureOf(previous(1, { url }), 'unknown', context)).toBeNull();
    }
  });
});

describe('goneItems', () => {
  it('finds the previous items of the kinds listed tonight that tonight lacks, an epic by its work item id too', () => {
    const before = [previous(1), previous(2), previous(3, { kind: 'epic', workItemId: 30 }), previous(4, { kind: 'task' })];
    const tonight = [fetched(1), fetched(99, { kind: 'epic', workItemId: 30 })];
    expect(goneItems(before, tonight, new Set(['issue', 'epic'] as const)).map((item) => item.id)).toEqual([2]);
    expect(goneItems(before, tonight, new Set(['issue', 'task', 'epic'] as const)).map((item) => item.id)).toEqual([2, 4]);
    expect(goneItems(before, tonight, new Set(['issue'] as const)).map((item) => item.id)).toEqual([2]);
  });
});
