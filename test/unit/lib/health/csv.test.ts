import { describe, expect, it } from 'vitest';
import { healthCsv } from '../../../../src/lib/health/csv';
import { healthReport } from '../../../../src/lib/health/report';
import { makeIssue } from '../../make-issue';

describe('healthCsv', () => {
  it('writes one row per failing issue under a header', () => {
    const asOf = Date.parse('2026-11-01T06:00:00.000Z');
    const issue = makeIssue(7, {
      updatedAt: asOf - 86_400_000,
      group: 'code review',
      stage: 'create',
      type: 'bug',
      title: 'Fix, then "test"',
      weight: 5,
      curated: ['quick win'],
    });
    const csv = healthCsv(healthReport([issue], ['co-create', 'quick win'], asOf).failing);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('reference,url,title,curated labels,group,stage,type,weight,updated,problems');
    expect(lines[1]).toBe(
      'gitlab-org/gitlab#7,https://gitlab.com/gitlab-org/gitlab/-/issues/7,"Fix, then ""test""",quick win,code review,create,bug,5,2026-10-31,Quick win without an implementation plan; Quick win with no weight or weight over 3',
    );
  });
});
