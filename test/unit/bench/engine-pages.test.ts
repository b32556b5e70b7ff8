import { describe, expect, it } from 'vitest';
import { engineRecords, pagefindRecord } from '../../../scripts/bench/engine-pages';
import { makeSnapshotIssue } from '../make-issue';

const issue = makeSnapshotIssue(7, {
  title: 'Runner hangs on exit',
  project: 'gitlab-org/gitlab-runner',
  iid: 42,
  reference: 'gitlab-org/gitlab-runner#42',
  url: 'https://gitlab.com/gitlab-org/gitlab-runner/-/issues/42',
  excerpt: 'The job never ends.',
  labels: [
    { name: 'co-create', color: null, textColor: null },
    { name: 'type::bug', color: null, textColor: null },
  ],
});

describe('engineRecords', () => {
  it('keeps what the baselines search and show, labels as text', () => {
    expect(engineRecords([issue])).toEqual([
      {
        id: 7,
        title: 'Runner hangs on exit',
        reference: 'gitlab-org/gitlab-runner#42',
        project: 'gitlab-org/gitlab-runner',
        labels: 'co-create, type::bug',
        excerpt: 'The job never ends.',
        url: 'https://gitlab.com/gitlab-org/gitlab-runner/-/issues/42',
      },
    ]);
  });
});

describe('pagefindRecord', () => {
  it('puts every searched field in the content and what a card shows in the meta, at the issue URL', () => {
    const record = pagefindRecord(engineRecords([issue])[0]!);
    expect(record.url).toBe('https://gitlab.com/gitlab-org/gitlab-runner/-/issues/42');
    expect(record.language).toBe('en');
    expect(record.content.split('\n')).toEqual([
      'Runner hangs on exit',
      'co-create, type::bug',
      'The job never ends.',
      'gitlab-org/gitlab-runner#42',
      'gitlab-org/gitlab-runner',
    ]);
    expect(record.meta).toEqual({ title: 'Runner hangs on exit', reference: 'gitlab-org/gitlab-runner#42', labels: 'co-create, type::bug' });
  });

  it('leaves out empty fields', () => {
    const bare = pagefindRecord(engineRecords([makeSnapshotIssue(1, { excerpt: '', labels: [] })])[0]!);
    expect(bare.content.split('\n')).toEqual(['Issue 1', 'gitlab-org/gitlab#1', 'gitlab-org/gitlab']);
  });
});
