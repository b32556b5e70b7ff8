import { describe, expect, it } from 'vitest';
import { newHistory, serializeHistory, withPoint, type HealthHistory } from '../../../../src/lib/health/history';
import { HISTORY_MAX_GROUPS, HISTORY_MAX_LABELS, parseHistory } from '../../../../src/lib/health/history-schema';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T03:00:00.000Z');
const valid: HealthHistory = [0, 1].reduce(
  (history, night) =>
    withPoint(history, {
      at: T0 + night * DAY,
      labels: [{ key: 'co-create', total: 20, healthy: 5 + night, inProgress: 1 }],
      groups: [
        { key: 'code review', total: 10, healthy: 4, inProgress: 2 },
        { key: null, total: 3, healthy: 0, inProgress: 0 },
      ],
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
    const later = { ...valid, counts: ['total', 'healthy', 'inProgress', 'ready'], points: valid.points.map((p) => ({ ...p, labels: p.labels.map((t) => [...t, 0]), groups: p.groups.map((t) => [...t, 1]) })) };
    expect(parseHistory(JSON.stringify(later)).counts).toEqual(['total', 'healthy', 'inProgress', 'ready']);
  });

  it.each<[string, (history: HealthHistory) => unknown, RegExp | string]>([
    ['not JSON', () => undefined, /^not valid JSON/],
    ['another format', (h) => ({ ...h, version: 2 }), "history format 2 is not this site's format 1"],
    ['no version', (h) => ({ ...h, version: undefined }), /^version: /],
    ['a source that is not http(s)', (h) => ({ ...h, source: { ...h.source, url: 'javascript:alert(1)' } }), 'source.url: must be an http(s) URL'],
    ['counts without healthy', (h) => ({ ...h, counts: ['total'] }), 'counts: must name total and healthy'],
    ['a count named twice', (h) => ({ ...h, counts: ['total', 'healthy', 'total'] }), 'counts: must name each count once'],
    ['a label named twice', (h) => ({ ...h, labels: ['co-create', 'co-create'] }), 'labels: must name each label once'],
    ['a group named twice', (h) => ({ ...h, groups: [null, null] }), 'groups: must name each group once'],
    ['an empty group name', (h) => ({ ...h, groups: ['', null] }), /^groups\.0: /],
    ['a name over 255 characters', (h) => ({ ...h, groups: ['x'.repeat(256), null] }), 'groups.0: must be at most 255 characters'],
    [`more than ${HISTORY_MAX_LABELS} labels`, (h) => ({ ...h, labels: Array.from({ length: HISTORY_MAX_LABELS + 1 }, (_, n) => `l${n}`) }), /^labels: /],
    [`more than ${HISTORY_MAX_GROUPS} groups`, (h) => ({ ...h, groups: Array.from({ length: HISTORY_MAX_GROUPS + 1 }, (_, n) => `g${n}`) }), /^groups: /],
    ['more than 400 points', (h) => ({ ...h, points: Array.from({ length: 401 }, (_, n) => ({ ...h.points[0]!, at: new Date(T0 + n * DAY).toISOString() })) }), /^points: /],
    ['a time that is not one', (h) => ({ ...h, points: [{ ...h.points[0]!, at: 'yesterday' }] }), /^points\.0\.at: /],
    ['two points of one time', (h) => ({ ...h, points: [h.points[0], h.points[0]] }), 'points.1.at: must be later than the point before'],
    ['points out of order', (h) => ({ ...h, points: [h.points[1], h.points[0]] }), 'points.1.at: must be later than the point before'],
    ['a point without a tuple for each group', (h) => ({ ...h, points: [{ ...h.points[0]!, groups: [[10, 4]] }] }), 'points.0.groups: must have one tuple for each of the 2 groups'],
    ['a tuple short of a count', (h) => ({ ...h, points: [{ ...h.points[0]!, labels: [[20]] }] }), 'points.0.labels.0: must have 3 counts, none above total'],
    ['more meeting the bar than there are issues', (h) => ({ ...h, points: [{ ...h.points[0]!, labels: [[20, 21, 0]] }] }), 'points.0.labels.0: must have 3 counts, none above total'],
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
