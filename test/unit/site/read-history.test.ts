import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newHistory, serializeHistory, withPoint, type HistoryPoint } from '../../../src/lib/health/history';
import { HISTORY_MAX_BYTES } from '../../../src/lib/health/history-schema';
import { historyForBuild, historyNote, readHistoryFile } from '../../../src/site/read-history';
import { makeTally } from '../make-tally';

const SOURCE = { url: 'https://gitlab.com', group: 'gitlab-org' };
const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T06:00:00.000Z');
const point = (night: number): HistoryPoint => ({
  at: T0 + night * DAY,
  total: makeTally(null, 10, night, 1),
  labels: [makeTally('co-create', 10, night, 1)],
  groups: [],
  stages: [],
});
const published = serializeHistory(withPoint(withPoint(newHistory(SOURCE), point(0)), point(1)));

/** A HISTORY_FILE with `text` in a fresh folder. */
function file(text: string | null): string {
  const path = join(mkdtempSync(join(tmpdir(), 'read-history-')), 'history.json');
  if (text !== null) writeFileSync(path, text);
  return path;
}

describe('readHistoryFile', () => {
  it('reads a history of the same instance and group', () => {
    expect(readHistoryFile(file(published), SOURCE).history?.points).toHaveLength(2);
  });

  it.each<[string, () => string, RegExp]>([
    ['missing', () => file(null), /^no history at \S+history\.json$/],
    ['not JSON', () => file('{"version":1,'), /^invalid history at \S+ \(not valid JSON/],
    ['of another group', () => file(published.replace('"gitlab-org"', '"gitlab-com"')), /is of "gitlab-com" of "https:\/\/gitlab\.com", not gitlab-org of https:\/\/gitlab\.com$/],
    ['a folder', () => mkdtempSync(join(tmpdir(), 'read-history-')), /^cannot read the history at \S+ \(EISDIR\)$/],
    [
      'over the size limit, without reading it',
      () => {
        const path = file('');
        truncateSync(path, HISTORY_MAX_BYTES + 1);
        return path;
      },
      new RegExp(`is over the limit of ${HISTORY_MAX_BYTES} bytes$`),
    ],
  ])('says in one line why it cannot use a history that is %s', (_, path, reason) => {
    const read = readHistoryFile(path(), SOURCE);
    expect(read.history).toBeUndefined();
    expect(read.problem).toMatch(reason);
    expect(read.problem).not.toContain('\n');
  });
});

describe('historyForBuild', () => {
  it('adds the snapshot to the history it read', () => {
    const history = historyForBuild(file(published), SOURCE, point(2));
    expect(history.points.map((each) => each.labels[0])).toEqual([[10, 0, 1], [10, 1, 1], [10, 2, 1]]);
  });

  it('starts anew, with the snapshot alone, from a history it cannot use', () => {
    for (const path of [file(null), file('not json'), file(published.replace('"gitlab-org"', '"gitlab-com"'))]) {
      expect(historyForBuild(path, SOURCE, point(2))).toEqual(withPoint(newHistory(SOURCE), point(2)));
    }
    expect(historyNote('no history at x')).toBe('no history at x: the /health trend starts with this snapshot');
  });
});
