import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CURATED_LABELS, generateIssues, isListed, type ApiIssue } from '../../tools/gitlab-stand-in/generator';
import { STAGES_FILE, STAGES_FILE_TEXT } from '../../tools/gitlab-stand-in/files';
import { startGitLab, type StandIn, type StandInOptions } from '../../tools/gitlab-stand-in/server';

const issues = generateIssues({ count: 400, seed: 42 });
const TOKENS = { staff: { confidential: true }, guest: { confidential: false } };
const names = (issue: ApiIssue): string[] => issue.labels.map((label) => label.name);
const inGroup = (issue: ApiIssue): boolean => issue.references.full.startsWith('gitlab-org/');
const ids = (list: readonly { id: number }[]): number[] => list.map((issue) => issue.id).sort((a, b) => a - b);

function links(response: Response): Record<string, string> {
  const header = response.headers.get('link') ?? '';
  return Object.fromEntries([...header.matchAll(/<([^>]+)>; rel="([^"]+)"/g)].map((m) => [m[2], m[1]]));
}

/** Follows rel="next" like gitbeaker does, returning every issue. */
async function fetchAll(url: string, headers: Record<string, string> = {}): Promise<{ id: number }[]> {
  const all: { id: number }[] = [];
  for (let next: string | undefined = url; next;) {
    const response: Response = await fetch(next, { headers });
    expect(response.status).toBe(200);
    all.push(...((await response.json()) as { id: number }[]));
    next = links(response).next;
  }
  return all;
}

describe('issue listing', () => {
  let gitlab: StandIn;
  let api: string;
  beforeAll(async () => {
    gitlab = await startGitLab({ issues, tokens: TOKENS });
    api = `${gitlab.url}/api/v4`;
  });
  afterAll(() => gitlab.close());

  it('treats labels=a,b as AND and not[labels] as exclusion', async () => {
    const both = await fetchAll(`${api}/groups/gitlab-org/issues?labels=co-create,quick%20win&per_page=100`);
    const expected = issues.filter(
      (i) => !i.confidential && names(i).includes('co-create') && names(i).includes('quick win'),
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(ids(both)).toEqual(ids(expected));
    const without = await fetchAll(
      `${api}/groups/gitlab-org/issues?labels=co-create&not%5Blabels%5D=quick%20win&per_page=100`,
    );
    expect(ids(without)).toEqual(
      ids(issues.filter((i) => !i.confidential && names(i).includes('co-create') && !names(i).includes('quick win'))),
    );
  });

  it('defaults state to all and filters opened and closed', async () => {
    const all = await fetchAll(`${api}/groups/gitlab-org/issues?per_page=100`);
    expect(ids(all)).toEqual(ids(issues.filter((i) => !i.confidential && inGroup(i))));
    expect(issues.some((i) => !i.confidential && i.state === 'closed')).toBe(true);
    const opened = await fetchAll(`${api}/groups/gitlab-org/issues?state=opened&per_page=100`);
    expect(ids(opened)).toEqual(ids(issues.filter((i) => !i.confidential && i.state === 'opened')));
    expect((await fetch(`${api}/groups/gitlab-org/issues?state=bogus`)).status).toBe(400);
  });

  it('shows confidential issues only to tokens allowed to see them, unless confidential=false', async () => {
    const url = `${api}/groups/gitlab-org/issues?per_page=100`;
    const confidential = ids(issues.filter((i) => i.confidential));
    expect(confidential.length).toBeGreaterThan(0);
    const staff = ids(await fetchAll(url, { 'PRIVATE-TOKEN': 'staff' }));
    expect(staff).toEqual(ids(issues));
    const guest = ids(await fetchAll(url, { Authorization: 'Bearer guest' }));
    expect(guest.filter((id) => confidential.includes(id))).toEqual([]);
    expect(ids(await fetchAll(`${url}&confidential=false`, { 'PRIVATE-TOKEN': 'staff' }))).toEqual(
      ids(issues.filter((i) => !i.confidential)),
    );
    expect(ids(await fetchAll(`${url}&confidential=true`, { 'PRIVATE-TOKEN': 'staff' }))).toEqual(confidential);
  });

  it('refuses unknown tokens with 401', async () => {
    const attempts: Record<string, string>[] = [{ 'PRIVATE-TOKEN': 'nope' }, { Authorization: 'Bearer constructor' }];
    for (const headers of attempts) {
      const response = await fetch(`${api}/groups/gitlab-org/issues`, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: '401 Unauthorized' });
    }
  });

  it('caps per_page at 100 and falls back to 20 for junk', async () => {
    const capped = await fetch(`${api}/groups/gitlab-org/issues?per_page=1000`);
    expect(capped.headers.get('x-per-page')).toBe('100');
    expect(await capped.json()).toHaveLength(100);
    for (const junk of ['0', '-5', 'abc']) {
      const response = await fetch(`${api}/groups/gitlab-org/issues?per_page=${junk}`);
      expect(response.headers.get('x-per-page')).toBe('20');
      expect(await response.json()).toHaveLength(20);
    }
  });

  it('sends GitLab offset-pagination headers and an absolute Link that repeats the query', async () => {
    const total = issues.filter((i) => !i.confidential && names(i).includes('co-create')).length;
    const pages = Math.ceil(total / 7);
    const response = await fetch(`${api}/groups/gitlab-org/issues?labels=co-create&state=all&per_page=7&page=2`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(
      Object.fromEntries(
        ['x-page', 'x-per-page', 'x-next-page', 'x-prev-page', 'x-total', 'x-total-pages'].map((h) => [
          h,
          response.headers.get(h),
        ]),
      ),
    ).toEqual({
      'x-page': '2',
      'x-per-page': '7',
      'x-next-page': '3',
      'x-prev-page': '1',
      'x-total': String(total),
      'x-total-pages': String(pages),
    });
    const rel = links(response);
    expect(Object.keys(rel)).toEqual(['prev', 'next', 'first', 'last']);
    const last = new URL(rel.last ?? '');
    expect(last.origin).toBe(new URL(gitlab.url).origin);
    expect(Object.fromEntries(last.searchParams)).toEqual({
      labels: 'co-create',
      state: 'all',
      per_page: '7',
      page: String(pages),
    });
    const beyond = await fetch(`${api}/groups/gitlab-org/issues?labels=co-create&per_page=7&page=${pages + 1}`);
    expect(beyond.status).toBe(200);
    expect(await beyond.json()).toEqual([]);
    expect([beyond.headers.get('x-next-page'), beyond.headers.get('x-prev-page')]).toEqual(['', '']);
  });

  it('returns label names unless with_labels_details=true, and orders by created_at or updated_at', async () => {
    const [plain] = (await (await fetch(`${api}/groups/gitlab-org/issues?per_page=1`)).json()) as {
      labels: unknown[];
    }[];
    expect(plain?.labels.every((l) => typeof l === 'string')).toBe(true);
    expect(plain?.labels).toEqual([...(plain?.labels as string[])].sort());
    const detailed = (await (
      await fetch(`${api}/groups/gitlab-org/issues?with_labels_details=true`)
    ).json()) as ApiIssue[];
    expect(detailed[0]?.labels[0]).toEqual(
      expect.objectContaining({ name: expect.any(String), color: expect.any(String) }),
    );
    expect(detailed.map((i) => i.created_at)).toEqual(
      detailed
        .map((i) => i.created_at)
        .sort()
        .reverse(),
    );
    const byUpdate = (await (
      await fetch(
        `${api}/groups/gitlab-org/issues?order_by=updated_at&sort=asc&updated_after=2026-06-01T00:00:00Z&per_page=100`,
      )
    ).json()) as ApiIssue[];
    expect(byUpdate.map((i) => i.updated_at)).toEqual(byUpdate.map((i) => i.updated_at).sort());
    expect(byUpdate.every((i) => i.updated_at >= '2026-06-01')).toBe(true);
  });

  it('resolves groups and projects by path or id and 404s the rest', async () => {
    const charts = await fetchAll(`${api}/groups/gitlab-org%2Fcharts/issues?per_page=100`);
    expect(ids(charts)).toEqual(
      ids(issues.filter((i) => !i.confidential && i.references.full.startsWith('gitlab-org/charts/'))),
    );
    expect(ids(await fetchAll(`${api}/groups/9970/issues?per_page=100`))).toHaveLength(
      issues.filter((i) => !i.confidential).length,
    );
    const runner = issues.filter((i) => !i.confidential && i.references.full.startsWith('gitlab-org/gitlab-runner#'));
    expect(ids(await fetchAll(`${api}/projects/gitlab-org%2Fgitlab-runner/issues?per_page=100`))).toEqual(ids(runner));
    expect(ids(await fetchAll(`${api}/projects/${runner[0]?.project_id}/issues?per_page=100`))).toEqual(ids(runner));
    const group404 = await fetch(`${api}/groups/gitlab-com/issues`);
    expect([group404.status, await group404.json()]).toEqual([404, { message: '404 Group Not Found' }]);
    const project404 = await fetch(`${api}/projects/gitlab-org%2Fnope/issues`);
    expect([project404.status, await project404.json()]).toEqual([404, { message: '404 Project Not Found' }]);
    expect((await fetch(`${api}/issues`)).status).toBe(404);
  });

  it('records every request', () => {
    const unauthorized = gitlab.requests.find((r) => r.status === 401);
    expect(unauthorized).toMatchObject({
      method: 'GET',
      authenticated: true,
      fault: null,
      path: '/api/v4/groups/gitlab-org/issues',
    });
    const withLabels = gitlab.requests.find((r) => r.query.labels === 'co-create,quick win');
    expect(withLabels).toMatchObject({
      status: 200,
      authenticated: false,
      query: { labels: 'co-create,quick win', per_page: '100' },
    });
    expect(withLabels?.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('over 10,000 results', () => {
  it('omits x-total, x-total-pages and rel="last" like GitLab', async () => {
    const many = generateIssues({ count: 10_050, seed: 3, curatedShare: 1, curatedLabels: ['co-create'] });
    const gitlab = await startGitLab({ issues: many, tokens: TOKENS });
    try {
      const url = `${gitlab.url}/api/v4/groups/gitlab-org/issues?labels=co-create&per_page=100`;
      const first = await fetch(url, { headers: { 'PRIVATE-TOKEN': 'staff' } });
      expect([
        first.headers.get('x-total'),
        first.headers.get('x-total-pages'),
        first.headers.get('x-next-page'),
      ]).toEqual([null, null, '2']);
      expect(Object.keys(links(first))).toEqual(['next', 'first']);
      const last = await fetch(`${url}&page=101`, { headers: { 'PRIVATE-TOKEN': 'staff' } });
      expect(await last.json()).toHaveLength(50);
      expect(last.headers.get('x-next-page')).toBe('');
      const counted = await fetch(url); // anonymous: confidential ones drop out, under 10,000
      expect(Number(counted.headers.get('x-total'))).toBe(many.filter((i) => !i.confidential).length);
    } finally {
      await gitlab.close();
    }
  });
});

describe('sub-path instance', () => {
  it('serves the API under basePath only', async () => {
    const gitlab = await startGitLab({ issues, basePath: '/gitlab/' });
    try {
      expect(gitlab.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/gitlab$/);
      expect((await fetch(`${gitlab.url}/api/v4/groups/gitlab-org/issues`)).status).toBe(200);
      const root = await fetch(`${new URL(gitlab.url).origin}/api/v4/groups/gitlab-org/issues`);
      expect([root.status, await root.json()]).toEqual([404, { error: '404 Not Found' }]);
    } finally {
      await gitlab.close();
    }
  });
});

describe('repository files', () => {
  let gitlab: StandIn;
  beforeAll(async () => {
    gitlab = await startGitLab({ issues, tokens: TOKENS });
  });
  afterAll(() => gitlab.close());
  const raw = (project: string, file: string, query = '') =>
    fetch(`${gitlab.url}/api/v4/projects/${encodeURIComponent(project)}/repository/files/${encodeURIComponent(file)}/raw${query}`);

  it('serves the stages file as GitLab serves a text blob, at HEAD or the default branch, to anyone', async () => {
    for (const query of ['', '?ref=HEAD', '?ref=master']) {
      const response = await raw(STAGES_FILE.project, STAGES_FILE.file, query);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toBe(STAGES_FILE_TEXT);
    }
  });

  it('answers 404 with GitLab’s messages for an unknown project, file or ref', async () => {
    const answers = await Promise.all([
      raw('acme/none', STAGES_FILE.file),
      raw(STAGES_FILE.project, 'data/other.yml'),
      raw(STAGES_FILE.project, STAGES_FILE.file, '?ref=feature'),
    ]);
    expect(await Promise.all(answers.map(async (response) => [response.status, await response.json()]))).toEqual([
      [404, { message: '404 Project Not Found' }],
      [404, { message: '404 File Not Found' }],
      [404, { message: '404 Commit Not Found' }],
    ]);
  });
});

describe('faults and limits', () => {
  let gitlab: StandIn | undefined;
  let api = '';
  const start = async (options: Partial<StandInOptions> = {}): Promise<StandIn> => {
    gitlab = await startGitLab({ issues, ...options });
    api = `${gitlab.url}/api/v4/groups/gitlab-org/issues`;
    return gitlab;
  };
  afterEach(() => gitlab?.close());

  it('answers matching requests with a JSON error status, `times` times', async () => {
    const standIn = await start();
    standIn.inject({ kind: 'status', status: 503, times: 2, match: { label: 'quick win', page: 2 } });
    expect((await fetch(`${api}?labels=quick%20win`)).status).toBe(200);
    const failed = await fetch(`${api}?labels=quick%20win&page=2`);
    expect([failed.status, await failed.json()]).toEqual([503, { message: '503 Service Unavailable' }]);
    expect((await fetch(`${api}?labels=quick%20win&page=2`)).status).toBe(503);
    expect((await fetch(`${api}?labels=quick%20win&page=2`)).status).toBe(200);
    expect(standIn.requests.map((r) => r.fault)).toEqual([null, 'status', 'status', null]);
  });

  it('resets the connection', async () => {
    const standIn = await start();
    standIn.inject({ kind: 'reset', match: { path: 'groups/gitlab-org/issues' } });
    await expect(fetch(api)).rejects.toThrow();
    expect(standIn.requests[0]).toMatchObject({ fault: 'reset', status: null });
    expect((await fetch(api)).status).toBe(200);
  });

  it('hangs until the client gives up, and still closes at once', async () => {
    const standIn = await start();
    standIn.inject({ kind: 'hang', times: Infinity });
    await expect(fetch(api, { signal: AbortSignal.timeout(200) })).rejects.toThrow(/timeout|aborted/i);
    const closing = performance.now();
    await standIn.close();
    expect(performance.now() - closing).toBeLessThan(1000);
  });

  it('truncates the body after sending 200 and a full Content-Length', async () => {
    const standIn = await start();
    standIn.inject({ kind: 'truncate' });
    const response = await fetch(`${api}?per_page=50`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('breaks the first issue of a page for wrong-shape', async () => {
    const standIn = await start();
    standIn.inject({ kind: 'wrong-shape' });
    const page = (await (await fetch(api)).json()) as Record<string, unknown>[];
    expect(page).toHaveLength(20);
    expect(page[0]).not.toHaveProperty('title');
    expect(page[0]?.created_at).toBe(12345);
    expect(typeof page[1]?.title).toBe('string');
  });

  it('refuses everything during a rate-limit storm, then recovers', async () => {
    const standIn = await start();
    standIn.inject({ kind: 'rate-limit', retryAfterSeconds: 1, match: { page: 2 } });
    expect((await fetch(api)).status).toBe(200);
    const refused = await fetch(`${api}?page=2`);
    expect([refused.status, refused.headers.get('retry-after'), await refused.json()]).toEqual([
      429,
      '1',
      { message: 'Retry later' },
    ]);
    expect((await fetch(`${gitlab?.url}/api/v4/projects/gitlab-org%2Fgitaly/issues`)).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await fetch(`${api}?page=2`)).status).toBe(200);
    expect((await fetch(`${api}?page=2`)).status).toBe(200); // one storm per inject
  });

  it('rate-limits per caller with RateLimit headers, and adds latency', async () => {
    await start({ rateLimit: { perMinute: 2 }, latencyMs: 60, tokens: TOKENS });
    const before = performance.now();
    const first = await fetch(api);
    expect(performance.now() - before).toBeGreaterThanOrEqual(55);
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect(first.headers.get('ratelimit-name')).toBe('throttle_unauthenticated_api');
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    await fetch(api);
    const limited = await fetch(api);
    expect(limited.status).toBe(429);
    expect([limited.headers.get('ratelimit-observed'), limited.headers.get('ratelimit-remaining')]).toEqual(['3', '0']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await fetch(api, { headers: { 'PRIVATE-TOKEN': 'staff' } })).status).toBe(200);
  });
});

describe('generateIssues', () => {
  it('is deterministic from the seed', () => {
    expect(generateIssues({ count: 400, seed: 42 })).toEqual(issues);
    expect(generateIssues({ count: 400, seed: 43 })).not.toEqual(issues);
  });

  it('keeps GitLab invariants and a realistic mix', () => {
    const byId = ids(issues);
    expect(issues.map((i) => i.id)).toEqual(byId);
    expect(new Set(issues.map((i) => i.references.full)).size).toBe(issues.length);
    for (const issue of issues) {
      expect(issue.updated_at >= issue.created_at).toBe(true);
      expect(issue.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const page = { TASK: '/-/work_items/', INCIDENT: '/-/issues/incident/' }[issue.type as string] ?? '/-/issues/';
      expect(issue.web_url).toBe(`https://gitlab.com/${issue.references.full.replace('#', page)}`);
      expect(issue.issue_type).toBe(issue.type.toLowerCase());
    }
    // About a third of what the curated labels find are other work item types than issues, as on gitlab-org.
    const curated = issues.filter((i) => isListed(i, CURATED_LABELS, ['ISSUE', 'INCIDENT', 'TASK', 'TEST_CASE', 'TICKET', 'REQUIREMENT']));
    expect(curated.length / issues.length).toBeGreaterThan(0.4);
    expect(curated.length / issues.length).toBeLessThan(0.65);
    const otherTypes = curated.filter((i) => i.type !== 'ISSUE').length / curated.length;
    expect(otherTypes).toBeGreaterThan(0.25);
    expect(otherTypes).toBeLessThan(0.45);
    expect(new Set(issues.map((i) => i.type)).size).toBe(6);
    // Group and project milestones, parent epics, archived labels and #RGB colours all occur.
    expect(issues.some((i) => i.milestone && 'project_id' in i.milestone)).toBe(true);
    expect(issues.some((i) => i.milestone && 'group_id' in i.milestone)).toBe(true);
    expect(issues.some((i) => i.epic !== null)).toBe(true);
    expect(issues.some((i) => i.labels.some((l) => l.archived))).toBe(true);
    expect(issues.some((i) => i.labels.some((l) => /^#[0-9a-f]{3}$/i.test(l.color)))).toBe(true);
    expect(issues.some((i) => i.title.includes('<script>'))).toBe(true);
    expect(issues.some((i) => i.labels.some((l) => l.color === '#GGGGGG'))).toBe(true);
    const all = generateIssues({ count: 200, seed: 5, curatedShare: 1 });
    expect(all.every((i) => names(i).some((n) => CURATED_LABELS.includes(n)))).toBe(true);
  });
});
