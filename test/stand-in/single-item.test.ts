import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEpics } from '../../tools/gitlab-stand-in/epics';
import { generateIssues, type ApiIssue } from '../../tools/gitlab-stand-in/generator';
import { startGitLab, type StandIn } from '../../tools/gitlab-stand-in/server';

// GET /projects/:id/issues/:iid and GET /groups/:id/epics/:iid: one item in any state, as GitLab's entities have it.
const generated = generateIssues({ count: 120, seed: 3 });
const open = generated.find((issue) => issue.state === 'opened' && !issue.confidential)!;
const closed = generated.find((issue) => issue.state === 'closed' && !issue.confidential)!;
const moved: ApiIssue = { ...open, id: open.id + 1_000_000, iid: open.iid + 100_000, references: { ...open.references, full: `${open.references.full.replace(/#\d+$/, '')}#${open.iid + 100_000}` }, state: 'closed', closed_at: open.updated_at, moved_to_id: 42 };
const secret = generated.find((issue) => issue.confidential)!;
const epics = generateEpics({ count: 5, seed: 3 });
const TOKENS = { staff: { confidential: true } };

describe('the single issue and epic endpoints', () => {
  let gitlab: StandIn;
  beforeAll(async () => {
    gitlab = await startGitLab({ issues: [...generated, moved], epics, tokens: TOKENS });
  });
  afterAll(() => gitlab.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${gitlab.url}/api/v4/${path}`, { headers });
  const issuePath = (issue: ApiIssue, id: string | number = encodeURIComponent(issue.references.full.replace(/#\d+$/, ''))) => `projects/${id}/issues/${issue.iid}`;

  it('answers an open or closed issue, by project path or id, with the list entity’s fields, label names and subscribed', async () => {
    for (const issue of [open, closed]) {
      for (const id of [undefined, issue.project_id]) {
        const response = await get(issuePath(issue, id));
        expect(response.status).toBe(200);
        const body = await response.json();
        expect(body).toEqual({ ...issue, labels: issue.labels.map((label) => label.name).sort(), subscribed: false });
      }
    }
    expect((await (await get(issuePath(closed))).json()).closed_at).toBe(closed.closed_at);
  });

  it('tells a moved issue by moved_to_id, closed', async () => {
    expect(await (await get(issuePath(moved))).json()).toMatchObject({ state: 'closed', moved_to_id: 42 });
  });

  it('answers 404 for a confidential issue to whoever may not see it, as for one that does not exist', async () => {
    expect((await get(issuePath(secret))).status).toBe(404);
    expect((await get(issuePath(secret), { 'private-token': 'staff' })).status).toBe(200);
    expect(await (await get(issuePath(secret), { 'private-token': 'staff' })).json()).toMatchObject({ confidential: true });
    expect(await (await get(issuePath({ ...open, iid: 9_999_999 }))).json()).toEqual({ message: '404 Not found' });
    expect(await (await get('projects/nobody%2Fnothing/issues/1')).json()).toEqual({ message: '404 Project Not Found' });
  });

  it('answers a group’s epic, and 404 for one it does not have', async () => {
    const epic = epics[0]!;
    const group = encodeURIComponent(epic.references.full.replace(/&\d+$/, ''));
    const response = await get(`groups/${group}/epics/${epic.iid}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...epic, labels: epic.labels.map((label) => label.name).sort() });
    expect((await get(`groups/${group}/epics/9999999`)).status).toBe(404);
  });
});
