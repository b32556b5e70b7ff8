import { describe, expect, it } from 'vitest';
import { carryDeparted, DEPARTED_DAYS, departedCounts, departedInView } from '../../../src/lib/departed';
import { parseSnapshot, serializeSnapshot, type SnapshotDeparted } from '../../../src/lib/snapshot';
import { makeSnapshot } from '../make-issue';

const NOW = '2026-11-01T00:00:00.000Z';
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();
const GITLAB = 'https://gitlab.com';

function departed(iid: number, patch: Partial<SnapshotDeparted> = {}): SnapshotDeparted {
  return {
    reference: `gitlab-org/gitlab#${iid}`,
    url: `${GITLAB}/gitlab-org/gitlab/-/issues/${iid}`,
    title: `Issue ${iid}`,
    reason: 'closed',
    at: daysAgo(1),
    curated: ['co-create'],
    stage: 'create',
    group: 'source code',
    ...patch,
  };
}

describe('carryDeparted', () => {
  it('keeps tonight’s and the previous departures, one per reference (tonight’s wins), newest first', () => {
    const previous = [departed(1, { at: daysAgo(3) }), departed(2, { reason: 'unknown', at: daysAgo(2) })];
    const tonight = [departed(2, { reason: 'closed', at: daysAgo(0) })];
    expect(carryDeparted(tonight, previous, new Set(), NOW, GITLAB)).toEqual([tonight[0], previous[0]]);
  });

  it(`forgets a departure after ${DEPARTED_DAYS} days (exactly ${DEPARTED_DAYS} is still listed) and one dated after now`, () => {
    const kept = departed(1, { at: daysAgo(DEPARTED_DAYS) });
    const old = departed(2, { at: new Date(Date.parse(daysAgo(DEPARTED_DAYS)) - 1).toISOString() });
    const future = departed(3, { at: new Date(Date.parse(NOW) + 1).toISOString() });
    expect(carryDeparted([], [kept, old, future], new Set(), NOW, GITLAB)).toEqual([kept]);
  });

  it('drops an item that is listed again: it came back', () => {
    expect(carryDeparted([departed(1)], [departed(2)], new Set(['gitlab-org/gitlab#2', 'gitlab-org/gitlab#1']), NOW, GITLAB)).toEqual([]);
  });

  it('keeps no link off the instance, whatever the previous snapshot said', () => {
    const off = [departed(1, { url: 'https://evil.example/gitlab-org/gitlab/-/issues/1' }), departed(2, { url: `${GITLAB}.evil.example/x` })];
    expect(carryDeparted([], off, new Set(), NOW, GITLAB)).toEqual([]);
  });
});

describe('departedInView and departedCounts', () => {
  const all = [
    departed(1),
    departed(2, { reason: 'uncurated', curated: ['quick win'], group: 'code review' }),
    departed(3, { reason: 'hidden', title: '', stage: null, group: null }),
    departed(4, { reason: 'closed', curated: ['co-create', 'quick win'], group: 'code review', stage: 'create' }),
  ];

  it('narrows by label, stage and group as the list does (values of a facet ORed, facets ANDed)', () => {
    const refs = (list: SnapshotDeparted[]) => list.map((entry) => entry.reference.split('#')[1]);
    expect(refs(departedInView(all, { label: [], stage: [], group: [] }))).toEqual(['1', '2', '3', '4']);
    expect(refs(departedInView(all, { label: ['quick win'], stage: [], group: [] }))).toEqual(['2', '4']);
    expect(refs(departedInView(all, { label: [], stage: [], group: ['code review', 'source code'] }))).toEqual(['1', '2', '4']);
    expect(refs(departedInView(all, { label: ['co-create'], stage: ['create'], group: ['code review'] }))).toEqual(['4']);
  });

  it('counts per reason that has any, in the reasons’ order', () => {
    expect(departedCounts(all)).toEqual([
      { reason: 'closed', count: 2 },
      { reason: 'uncurated', count: 1 },
      { reason: 'hidden', count: 1 },
    ]);
    expect(departedCounts([])).toEqual([]);
  });
});

describe('the snapshot’s departed list', () => {
  it('is written one entry a line and read back', () => {
    const snapshot = { ...makeSnapshot([]), departed: [departed(1), departed(2)] };
    const text = serializeSnapshot(snapshot);
    expect(text).toContain(`"departed":[\n${JSON.stringify(departed(1))},\n${JSON.stringify(departed(2))}\n]}\n`);
    expect(parseSnapshot(text).departed).toEqual(snapshot.departed);
  });

  it('refuses a link off the instance, a reason it does not know and an overlong title', () => {
    const bad = (patch: Partial<SnapshotDeparted> | Record<string, unknown>) => JSON.stringify({ ...makeSnapshot([]), departed: [departed(1, patch as Partial<SnapshotDeparted>)] });
    expect(() => parseSnapshot(bad({ url: 'https://evil.example/x' }))).toThrow(/^departed\.0\.url: must be under source\.url$/);
    expect(() => parseSnapshot(bad({ url: 'javascript:alert(1)' }))).toThrow(/^departed\.0\.url: /);
    expect(() => parseSnapshot(bad({ reason: 'stolen' }))).toThrow(/^departed\.0\.reason: /);
    expect(() => parseSnapshot(bad({ title: 'x'.repeat(256) }))).toThrow(/^departed\.0\.title: must be at most 255 characters$/);
  });
});
