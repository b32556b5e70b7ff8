import { describe, expect, it } from 'vitest';
import { newHistory, serializeHistory, withPoint, type HealthHistory } from '../../../../src/lib/health/history';
import { HISTORY_MAX_GROUPS, HISTORY_MAX_LABELS, parseHistory } from '../../../../src/lib/health/history-schema';
import { makeTally } from '../../make-tally';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T03:00:00.000Z');
const valid: HealthHistory = [0, 1].reduce(
  (history, night) =>
    withPoint(history, {
      at: T0 + night * DAY,
      total: makeTally(null, 20, 5 + night, 1, 3, { stale: 2 }),
      labels: [makeTally('co-create', 20, 5 + night, 1, 3, { stale: 2 })],
      groups: [makeTally('code review', 10, 4, 2, 1), makeTally(null, 3, 0, 0, 0, { 'no-group': 3 })],
      stages: [makeTally('create', 13, 4, 2)],
    }),
  newHistory({ url: 'https://gitlab.com', group: 'gitlab-org' }),
);

/** The reason parseHistory gives for the valid history changed by `change`. */
function reason(change: (history: HealthHistory) => unknown): string {
  try {
    parseHistory(JSON.stringify(change(structuredClone(valid))));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('parseHistory', () => {
  it('reads a history as the build writes it', () => {
    expect(parseHistory(serializeHistory(valid))).toEqual(valid);
    expect(parseHistory(serializeHistory(newHistory(valid.source)))).toEqual(newHistory(valid.source));
  });

  it('reads counts a later build may keep, by name', () => {
    const counts = [...valid.counts, 'later-count'];
    const full = (tuple: number[]) => [...tuple, ...Array<number>(valid.counts.length - tuple.length).fill(0), 1];
    const later = { ...valid, counts, points: valid.points.map((p) => ({ ...p, labels: p.labels.map(full), groups: p.groups.map(full) })) };
    expect(parseHistory(JSON.stringify(later)).counts).toEqual(counts);
  });

  it('reads the first files: format 1 named `version`, without stages or the whole list', () => {
    const { schemaVersion, stages: _stages, ...rest } = structuredClone(valid);
    const first = { version: schemaVersion, ...rest, points: rest.points.map(({ total: _total, stages: _s, ...point }) => point) };
    expect(parseHistory(JSON.stringify(first))).toEqual({ ...valid, stages: [], points: valid.points.map((p) => ({ ...p, total: [], stages: [] })) });
  });

  it.each<[string, (history: HealthHistory) => unknown, RegExp | string]>([
    ['not JSON', () => undefined, /^not valid JSON/],
    ['another format', (h) => ({ ...h, schemaVersion: 2 }), "history schemaVersion 2 is not this site's 1"],
    ['another format, named as the first files named it', ({ schemaVersion: _, ...h }) => ({ ...h, version: 2 }), "history schemaVersion 2 is not this site's 1"],
    ['no format', (h) => ({ ...h, schemaVersion: undefined }), /^schemaVersion: /],
    ['a source that is not http(s)', (h) => ({ ...h, source: { ...h.source, url: 'javascript:alert(1)' } }), 'source.url: must be an http(s) URL'],
    ['counts without healthy', (h) => ({ ...h, counts: ['total'] }), 'counts: must name total and healthy'],
    ['a count named twice', (h) => ({ ...h, counts: ['total', 'healthy', 'total'] }), 'counts: must name each count once'],
    ['a label named twice', (h) => ({ ...h, labels: ['co-create', 'co-create'] }), 'labels: must name each label once'],
    ['a group named twice', (h) => ({ ...h, groups: [null, null] }), 'groups: must name each group once'],
    ['a stage named twice', (h) => ({ ...h, stages: ['create', 'create'] }), 'stages: must name each stage once'],
    ['a count name that is not one', (h) => ({ ...h, counts: [...h.counts, '<b>'] }), /^counts\.11: must be a count name/],
    ['an empty group name', (h) => ({ ...h, groups: ['', null] }), /^groups\.0: /],
    ['a name over 255 characters', (h) => ({ ...h, groups: ['x'.repeat(256), null] }), 'groups.0: must be at most 255 characters'],
    [`more than ${HISTORY_MAX_LABELS} labels`, (h) => ({ ...h, labels: Array.from({ length: HISTORY_MAX_LABELS + 1 }, (_, n) => `l${n}`) }), /^labels: /],
    [`more than ${HISTORY_MAX_GROUPS} groups`, (h) => ({ ...h, groups: Array.from({ length: HISTORY_MAX_GROUPS + 1 }, (_, n) => `g${n}`) }), /^groups: /],
    ['more than 400 points', (h) => ({ ...h, points: Array.from({ length: 401 }, (_, n) => ({ ...h.points[0]!, at: new Date(T0 + n * DAY).toISOString() })) }), /^points: /],
    ['a time that is not one', (h) => ({ ...h, points: [{ ...h.points[0]!, at: 'yesterday' }] }), /^points\.0\.at: /],
    ['two points of one time', (h) => ({ ...h, points: [h.points[0], h.points[0]] }), 'points.1.at: must be later than the point before'],
    ['points out of order', (h) => ({ ...h, points: [h.points[1], h.points[0]] }), 'points.1.at: must be later than the point before'],
    ['a point without a tuple for each group', (h) => ({ ...h, points: [{ ...h.points[0]!, groups: [[10, 4]] }] }), 'points.0.groups: must have one tuple for each of the 2 groups'],
    ['a point without a tuple for each stage', (h) => ({ ...h, points: [{ ...h.points[0]!, stages: [] }] }), 'points.0.stages: must have one tuple for each of the 1 stages'],
    ['a tuple of more counts than named', (h) => ({ ...h, points: [{ ...h.points[0]!, labels: [Array<number>(12).fill(1)] }] }), 'points.0.labels.0: must have at most 11 counts, none above total'],
    ['more meeting the bar than there are issues', (h) => ({ ...h, points: [{ ...h.points[0]!, labels: [[20, 21, 0]] }] }), 'points.0.labels.0: must have at most 11 counts, none above total'],
    ['a count in a tuple without a total', (h) => ({ ...h, points: [{ ...h.points[0]!, groups: [[10, 4], [0, 0, 0, 0, 1]] }] }), 'points.0.groups.1: must have at most 11 counts, none above total'],
    ["the whole list's problem count above its total", (h) => ({ ...h, points: [{ ...h.points[0]!, total: [20, 5, 1, 3, 21] }] }), 'points.0.total: must have at most 11 counts, none above total'],
    ['a negative count', (h) => ({ ...h, points: [{ ...h.points[0]!, labels: [[20, -1]] }] }), /^points\.0\.labels\.0\.1: /],
    ['a fractional count', (h) => ({ ...h, points: [{ ...h.points[0]!, labels: [[20.5, 1]] }] }), /^points\.0\.labels\.0\.0: /],
    ['a count beyond a safe integer', (h) => ({ ...h, points: [{ ...h.points[0]!, labels: [[2 ** 53, 1]] }] }), /^points\.0\.labels\.0\.0: /],
  ])('refuses %s, with a one-line reason', (_, change, expected) => {
    const message = reason(change);
    expect(message).not.toContain('\n');
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });
});
