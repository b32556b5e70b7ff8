import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiIssue, ApiMergeRequest } from '../../tools/gitlab-stand-in/api-types';
import { generateIssues, isListed } from '../../tools/gitlab-stand-in/generator';
import { mergeRequestsOf } from '../../tools/gitlab-stand-in/merge-requests';
import { startGitLab, type StandIn } from '../../tools/gitlab-stand-in/server';

const issues = generateIssues({ count: 400, seed: 13 });
const withMrs = issues.filter((issue) => issue.merge_requests_count > 0 && isListed(issue));

describe('merge requests of an issue (closed_by, related_merge_requests)', () => {
  let gitlab: StandIn;
  beforeAll(async () => {
    gitlab = await startGitLab({ issues, tokens: { staff: { confidential: true } } });
  });
  afterAll(() => gitlab.close());

  const get = (issue: Pick<ApiIssue, 'project_id' | 'iid'>, relation: string, headers: Record<string, string> = {}) =>
    fetch(`${gitlab.url}/api/v4/projects/${issue.project_id}/issues/${issue.iid}/${relation}?per_page=100`, { headers });

  it('makes merge_requests_count the number of closing MRs in any state, with open, closed and merged ones', () => {
    const states = new Set<string>();
    for (const issue of issues) {
      const { closing } = mergeRequestsOf(issue);
      expect(closing).toHaveLength(issue.merge_requests_count);
      for (const mr of closing) states.add(mr.state);
    }
    expect([...states].sort()).toEqual(['closed', 'locked', 'merged', 'opened']);
    // The same issue always gets the same merge requests.
    expect(mergeRequestsOf(withMrs[0]!)).toEqual(mergeRequestsOf(withMrs[0]!));
  });

  it('lists the closing ones from closed_by and the mentioning ones too from related_merge_requests, paginated', async () => {
    const issue = withMrs.find((candidate) => mergeRequestsOf(candidate).mentioning.length > 0)!;
    const { closing, mentioning } = mergeRequestsOf(issue);
    const closedBy = await get(issue, 'closed_by');
    expect(closedBy.status).toBe(200);
    expect(closedBy.headers.get('x-total')).toBe(String(closing.length));
    const body = (await closedBy.json()) as ApiMergeRequest[];
    expect(body.map((mr) => mr.iid)).toEqual(closing.map((mr) => mr.iid));
    expect(body[0]!.references.full).toMatch(/^gitlab-org\/[\w/.-]+![0-9]+$/);
    expect(body[0]!.web_url).toBe(`https://gitlab.com/${body[0]!.references.full.replace('!', '/-/merge_requests/')}`);
    const related = (await (await get(issue, 'related_merge_requests')).json()) as ApiMergeRequest[];
    expect(related.map((mr) => mr.iid)).toEqual([...closing, ...mentioning].map((mr) => mr.iid));
  });

  it('answers 404 for an unknown issue, and for a confidential one unless the token may see it', async () => {
    expect((await get({ project_id: withMrs[0]!.project_id, iid: 999_999_999 }, 'closed_by')).status).toBe(404);
    const secret = issues.find((issue) => issue.confidential)!;
    expect((await get(secret, 'closed_by')).status).toBe(404);
    expect((await get(secret, 'closed_by', { 'PRIVATE-TOKEN': 'staff' })).status).toBe(200);
  });
});

describe('issue_type and header-less 429s', () => {
  let gitlab: StandIn;
  beforeAll(async () => {
    gitlab = await startGitLab({ issues });
  });
  afterAll(() => gitlab.close());
  const list = (query: string) => fetch(`${gitlab.url}/api/v4/groups/gitlab-org/issues?per_page=100&${query}`);

  it('filters on one work item type, lists every type without one, and refuses an unknown type', async () => {
    const count = async (query: string) => Number((await list(query)).headers.get('x-total'));
    expect(await count('')).toBe(issues.filter((issue) => !issue.confidential).length);
    expect(await count('issue_type=incident')).toBe(issues.filter((issue) => !issue.confidential && issue.type === 'INCIDENT').length);
    const refused = await list('issue_type=epic');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'issue_type does not have a valid value' });
  });

  it('sends bare 429s, without Retry-After or RateLimit-*, through a storm', async () => {
    gitlab.inject({ kind: 'rate-limit', retryAfterSeconds: 1, bare: true });
    const refused = await list('');
    expect(refused.status).toBe(429);
    expect([...refused.headers.keys()].filter((name) => /retry-after|^ratelimit-/.test(name))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await list('')).status).toBe(200);
  });
});
