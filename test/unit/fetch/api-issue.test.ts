import { describe, expect, it } from 'vitest';
import { parseIssuePage } from '../../../scripts/fetch/api-issue';

describe('parseIssuePage', () => {
  const valid = {
    id: 10,
    iid: 1,
    project_id: 2,
    title: 't',
    description: null,
    state: 'opened',
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    labels: ['quick win'],
    web_url: 'https://gitlab.com/gitlab-org/gitlab/-/issues/1',
  };
  it('accepts the minimal shape with nulls and missing optional fields', () => {
    expect(parseIssuePage([valid], 'here').items).toHaveLength(1);
  });
  it('leaves out an item that fails, naming its id and the field', () => {
    const page = parseIssuePage([valid, { ...valid, id: 11, created_at: 12345 }], 'GET x page 1');
    expect(page.items).toHaveLength(1);
    expect(page.invalid).toEqual(['GET x page 1: issue id 11: field created_at: Invalid input: expected string, received number']);
  });
  it('names the position of an item whose id itself is broken', () => {
    const page = parseIssuePage([valid, { ...valid, id: -3 }, { ...valid, id: '12' }], 'p');
    expect(page.invalid).toEqual([
      'p: issue 2 of the page (no valid id): field id: Too small: expected number to be >0',
      'p: issue 3 of the page (no valid id): field id: Invalid input: expected number, received string',
    ]);
  });
  it('accepts what GitLab sends inconsistently: #RGB colours, empty descriptions, archived labels, project milestones', () => {
    const odd = {
      ...valid,
      description: '',
      labels: [{ name: 'UX', color: '#03C', text_color: '#FFFFFF', archived: true }],
      milestone: { id: 1, iid: 1, project_id: 2, title: '18.0', due_date: null, state: 'active' },
      confidential: 'false',
    };
    const page = parseIssuePage([odd], 'p');
    expect(page.invalid).toEqual([]);
    expect(page.items[0]!.confidential).toBe(false);
  });
  it('leaves out an item whose id or iid is past the safe integers, which the snapshot could not hold', () => {
    const page = parseIssuePage([valid, { ...valid, id: 2 ** 53 }, { ...valid, id: 12, iid: 2 ** 60 }], 'p');
    expect(page.items.map((item) => item.id)).toEqual([10]);
    expect(page.invalid).toEqual([
      'p: issue 2 of the page (no valid id): field id: Too big: expected int to be <=9007199254740991',
      'p: issue id 12: field iid: Too big: expected int to be <=9007199254740991',
    ]);
  });
  it('leaves out an item whose assignee has no username a profile link can be made of', () => {
    const user = (username: unknown) => ({ id: 1, username, name: 'N', state: 'active', web_url: 'https://gitlab.com/x' });
    const page = parseIssuePage([
      { ...valid, assignees: [user('alice')] },
      { ...valid, id: 11, assignees: [user('../admin')] },
      { ...valid, id: 12, assignee: user(null) },
    ], 'p');
    expect(page.items.map((item) => item.id)).toEqual([10]);
    expect(page.invalid).toEqual([
      'p: issue id 11: field assignees.0.username: must be a GitLab username',
      'p: issue id 12: field assignee.username: Invalid input: expected string, received null',
    ]);
  });
  it('rejects a javascript: web_url', () => {
    expect(parseIssuePage([{ ...valid, web_url: 'javascript:alert(1)' }], 'p').invalid[0]).toMatch(/field web_url/);
  });
  it('says what came instead of a list', () => {
    expect(() => parseIssuePage({ message: 'x' }, 'p')).toThrow('p: expected a list of issues, got object');
  });
});
