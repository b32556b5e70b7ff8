import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConfidential } from '../../tools/gitlab-stand-in/catalog';
import { generateEpics, type ApiEpic } from '../../tools/gitlab-stand-in/epics';
import { generateIssues } from '../../tools/gitlab-stand-in/generator';
import { startGitLab, type StandIn } from '../../tools/gitlab-stand-in/server';

const epics = generateEpics({ count: 90, seed: 3 });
const issues = generateIssues({ count: 50, seed: 3 });
const TOKENS = { staff: { confidential: true } };
const names = (epic: ApiEpic): string[] => epic.labels.map((label) => label.name);
const ids = (list: readonly { id: number }[]): number[] => list.map((item) => item.id).sort((a, b) => a - b);
const HEADERS = ['x-page', 'x-per-page', 'x-next-page', 'x-prev-page', 'x-total', 'x-total-pages', 'link'];

describe('epic listing (GET /groups/:id/epics)', () => {
  let gitlab: StandIn;
  let api: string;
  beforeAll(async () => {
    gitlab = await startGitLab({ issues, epics, tokens: TOKENS });
    api = `${gitlab.url}/api/v4`;
  });
  afterAll(() => gitlab.close());

  const list = async (query: string, headers: Record<string, string> = {}): Promise<ApiEpic[]> => {
    const response = await fetch(`${api}/groups/gitlab-org/epics?per_page=100&${query}`, { headers });
    expect(response.status).toBe(200);
    return (await response.json()) as ApiEpic[];
  };

  it('filters labels (AND) and state (default all); confidential epics only for those who may see them', async () => {
    const open = (e: ApiEpic) => !isConfidential(e);
    expect(epics.some((e) => isConfidential(e)) && epics.some((e) => typeof e.confidential === 'string') && epics.some((e) => e.state === 'closed')).toBe(true);
    expect(ids(await list(''))).toEqual(ids(epics.filter(open)));
    expect(ids(await list('state=opened'))).toEqual(ids(epics.filter((e) => open(e) && e.state === 'opened')));
    const both = epics.filter((e) => open(e) && names(e).includes('co-create') && names(e).includes('quick win'));
    expect(both.length).toBeGreaterThan(0);
    expect(ids(await list('labels=co-create,quick%20win'))).toEqual(ids(both));
    expect(ids(await list('', { 'PRIVATE-TOKEN': 'staff' }))).toEqual(ids(epics));
    expect(ids(await list('confidential=false', { 'PRIVATE-TOKEN': 'staff' }))).toEqual(ids(epics.filter(open)));
  });

  it('lists a subgroup’s epics by its id, with label names unless details are asked for', async () => {
    const charts = epics.filter((e) => !isConfidential(e) && e.references.full.startsWith('gitlab-org/charts&'));
    expect(charts.length).toBeGreaterThan(0);
    const response = await fetch(`${api}/groups/${charts[0]!.group_id}/epics?per_page=100`);
    const byId = (await response.json()) as { id: number; labels: unknown[] }[];
    expect(ids(byId)).toEqual(ids(charts));
    expect(byId[0]!.labels.every((label) => typeof label === 'string')).toBe(true);
    const [detailed] = await list('with_labels_details=true');
    expect(detailed!.labels[0]).toEqual(expect.objectContaining({ color: expect.any(String) }));
  });

  it('pages with the same headers as the issue endpoint', async () => {
    const epicPage = await fetch(`${api}/groups/gitlab-org/epics?state=all&per_page=7&page=2`);
    const issuePage = await fetch(`${api}/groups/gitlab-org/issues?state=all&per_page=7&page=2`);
    expect(HEADERS.filter((name) => epicPage.headers.has(name))).toEqual(HEADERS);
    expect(HEADERS.filter((name) => issuePage.headers.has(name))).toEqual(HEADERS);
    expect(epicPage.headers.get('x-total')).toBe(String(epics.filter((e) => !isConfidential(e)).length));
    const next = `<${api}/groups/gitlab-org/epics?state=all&per_page=7&page=3>; rel="next"`;
    expect(epicPage.headers.get('link')).toContain(next);
    expect(await epicPage.json()).toHaveLength(7);
  });

  it('404s epics of projects and unknown groups', async () => {
    expect((await fetch(`${api}/projects/gitlab-org%2Fgitlab/epics`)).status).toBe(404);
    expect(await (await fetch(`${api}/groups/gitlab-com/epics`)).json()).toEqual({ message: '404 Group Not Found' });
  });
});

describe('a stand-in without epics', () => {
  it('answers 404 by default, or the status it is told', async () => {
    const cases = [
      [{}, 404],
      [{ epics, epicsStatus: 403 }, 403],
      [{ epics, epicsStatus: 404 }, 404],
    ] as const;
    for (const [options, status] of cases) {
      const gitlab = await startGitLab({ issues, ...options });
      try {
        const response = await fetch(`${gitlab.url}/api/v4/groups/gitlab-org/epics`);
        expect(response.status).toBe(status);
        expect((await fetch(`${gitlab.url}/api/v4/groups/gitlab-org/issues`)).status).toBe(200);
      } finally {
        await gitlab.close();
      }
    }
  });
});
