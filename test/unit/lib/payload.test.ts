import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSteps, encodePayload, ROWS_PER_CHUNK, splitPayload, type ClientPayload } from '../../../src/lib/payload';
import { runNow } from '../../../src/lib/slices';
import { sortIssues } from '../../../src/lib/view/sort';
import { contactsByGroup, toIssue } from '../../../src/lib/model';
import { parseSnapshot } from '../../../src/lib/snapshot';

// All rows at once, as the page decodes them file by file.
const decodePayload = (payload: ClientPayload) => runNow(decodeSteps(payload, payload.issues));

const sample = parseSnapshot(readFileSync('src/data/sample/issues.json', 'utf8'));

describe('client payload', () => {
  it('decodes to the same issues the build renders (dates to the second)', () => {
    const decoded = decodePayload(JSON.parse(JSON.stringify(encodePayload(sample))));
    const contacts = contactsByGroup(sample.groupContacts);
    const expected = sample.issues.map((issue) => toIssue(issue, sample.previousGeneratedAt, [], contacts)).map((issue) => ({
      ...issue,
      createdAt: Math.round(issue.createdAt / 1000) * 1000,
      updatedAt: Math.round(issue.updatedAt / 1000) * 1000,
      firstSeenAt: Math.round(issue.firstSeenAt / 1000) * 1000,
    }));
    // The sample marks some issues new and names some groups' contacts: the comparison covers both, not just their absence.
    expect(expected.some((issue) => issue.isNew)).toBe(true);
    expect(expected.some((issue) => issue.contacts !== null)).toBe(true);
    const byId = (issues: readonly { id: number }[]) => [...issues].sort((a, b) => a.id - b.id);
    expect(byId(decoded)).toEqual(byId(expected));
  });

  it("sends the rows in the page's default order, most recently updated first", () => {
    const decoded = decodePayload(encodePayload(sample));
    const byRecency = sortIssues(sample.issues.map((issue) => toIssue(issue, null)), 'updated', Date.parse(sample.generatedAt));
    expect(decoded.map((issue) => issue.id)).toEqual(byRecency.map((issue) => issue.id));
  });

  it('keeps an unusual URL, and leaves out the usual ones', () => {
    const odd = { ...sample, issues: [{ ...sample.issues[0]!, url: 'https://gitlab.com/gitlab-org/gitlab/-/work_items/1' }] };
    const payload = encodePayload(odd);
    expect(payload.issues[0]).toHaveLength(20);
    expect(decodePayload(payload)[0]!.url).toBe('https://gitlab.com/gitlab-org/gitlab/-/work_items/1');
    expect(encodePayload(sample).issues.every((row) => row.length === 19)).toBe(true);
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
    expect(payload.issues[0]).toHaveLength(19);
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
