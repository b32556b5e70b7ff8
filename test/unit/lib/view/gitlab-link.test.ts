import { describe, expect, it } from 'vitest';
import { gitlabViewLink } from '../../../../src/lib/view/gitlab-link';
import { emptyView, type ViewState } from '../../../../src/lib/model';

const LABELS = ['co-create', 'quick win', 'quick win::first-time contributor'];
const GITLAB = 'https://gitlab.com';

// Last updated, which GitLab's list can sort by, unless a test says otherwise: the default order is the site's own.
function view(patch: Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<ViewState['filters']> }): ViewState {
  const base: ViewState = { ...emptyView(), sort: 'updated' };
  return { ...base, ...patch, filters: { ...base.filters, ...patch.filters } };
}

/** The link for a view on gitlab.com's gitlab-org group, parsed: where it goes, its parameters, what it ignores. */
function link(v: ViewState, gitlabUrl = GITLAB, group = 'gitlab-org') {
  const { href, ignored } = gitlabViewLink(v, gitlabUrl, group, LABELS);
  const url = new URL(href);
  return { href, url, path: `${url.origin}${url.pathname}`, params: url.searchParams, ignored };
}

describe('gitlabViewLink', () => {
  it('links the default view to the group list: open issues with any curated label, in its own order', () => {
    const { path, params, ignored } = link(emptyView());
    expect(path).toBe('https://gitlab.com/groups/gitlab-org/-/issues/');
    expect(params.get('state')).toBe('opened');
    // Recommended is the site's judgement: GitLab's list keeps its default order, and the page says so.
    expect(params.get('sort')).toBeNull();
    expect(ignored).toEqual([{ kind: 'sort', sort: 'recommended' }]);
  });

  it('links the compact view as the same list: density is how the site shows it, not what it lists', () => {
    const cards = view({ filters: { label: ['co-create'], type: ['bug'] } });
    expect(gitlabViewLink({ ...cards, density: 'compact' }, GITLAB, 'gitlab-org', LABELS)).toEqual(gitlabViewLink(cards, GITLAB, 'gitlab-org', LABELS));
  });

  it('links a view sorted by last update with its sort and encodes like GitLab', () => {
    const { href, params, ignored } = link(view({}));
    expect(params.get('sort')).toBe('updated_desc');
    expect(params.getAll('or[label_name][]')).toEqual(LABELS);
    expect(params.getAll('label_name[]')).toEqual([]);
    expect(ignored).toEqual([]);
    // Brackets and spaces percent-encoded, as GitLab's own links write them.
    expect(href).toBe(
      'https://gitlab.com/groups/gitlab-org/-/issues/?state=opened&sort=updated_desc' +
        '&or%5Blabel_name%5D%5B%5D=co-create&or%5Blabel_name%5D%5B%5D=quick%20win' +
        '&or%5Blabel_name%5D%5B%5D=quick%20win%3A%3Afirst-time%20contributor',
    );
  });

  it('ORs only the selected curated labels', () => {
    const { params, ignored } = link(view({ filters: { label: ['quick win', 'quick win::first-time contributor'] } }));
    expect(params.getAll('or[label_name][]')).toEqual(['quick win', 'quick win::first-time contributor']);
    expect(ignored).toEqual([]);
  });

  it.each([
    ['type', 'bug', 'type::bug'],
    ['stage', 'verify', 'devops::verify'],
    ['group', 'pipeline authoring', 'group::pipeline authoring'],
    ['area', 'frontend', 'frontend'],
  ] as const)('filters one selected %s value as the label %s → %s', (facet, value, label) => {
    const { params, ignored } = link(view({ filters: { [facet]: [value] } }));
    expect(params.getAll('label_name[]')).toEqual([label]);
    expect(ignored).toEqual([]);
  });

  it('ANDs one value of each facet', () => {
    const { params } = link(view({ filters: { type: ['feature'], stage: ['create'], group: ['source code'], area: ['backend'] } }));
    expect(params.getAll('label_name[]')).toEqual(['type::feature', 'devops::create', 'group::source code', 'backend']);
  });

  it.each([
    ['type', ['bug', 'feature']],
    ['stage', ['create', 'plan']],
    ['group', ['a', 'b']],
    ['area', ['frontend', 'documentation']],
  ] as const)('reports two %s values, which GitLab cannot OR, and filters by none of them', (facet, values) => {
    const { params, ignored } = link(view({ filters: { [facet]: [...values] } }));
    expect(params.getAll('label_name[]')).toEqual([]);
    expect(ignored).toEqual([{ kind: 'values', facet, values }]);
  });

  it('links the project list when exactly one project is selected', () => {
    const { path, params, ignored } = link(view({ filters: { project: ['gitlab-org/gitlab-runner'], type: ['bug'] } }));
    expect(path).toBe('https://gitlab.com/gitlab-org/gitlab-runner/-/issues/');
    expect(params.getAll('label_name[]')).toEqual(['type::bug']);
    expect(params.getAll('or[label_name][]')).toEqual(LABELS);
    expect(ignored).toEqual([]);
  });

  it('keeps the group list and reports several projects', () => {
    const projects = ['gitlab-org/gitlab', 'gitlab-org/gitlab-runner'];
    const { path, ignored } = link(view({ filters: { project: projects } }));
    expect(path).toBe('https://gitlab.com/groups/gitlab-org/-/issues/');
    expect(ignored).toEqual([{ kind: 'values', facet: 'project', values: projects }]);
  });

  it.each(['other-org/x', 'gitlab-org/../evil', 'gitlab-org', '//evil.example/x', 'gitlab-org/a?b=c', 'gitlab-org-fork/x'])(
    'does not link the project list of %j, which is not a project of the group',
    (project) => {
      const { path, ignored } = link(view({ filters: { project: [project] } }));
      expect(path).toBe('https://gitlab.com/groups/gitlab-org/-/issues/');
      expect(ignored).toEqual([{ kind: 'values', facet: 'project', values: [project] }]);
    },
  );

  it('links a project in a subgroup', () => {
    const { path } = link(view({ filters: { project: ['gitlab-org/charts/gitlab'] } }), GITLAB, 'gitlab-org/charts');
    expect(path).toBe('https://gitlab.com/gitlab-org/charts/gitlab/-/issues/');
    expect(link(emptyView(), GITLAB, 'gitlab-org/charts').path).toBe('https://gitlab.com/groups/gitlab-org/charts/-/issues/');
  });

  it('keeps the sub-path of an instance served under one', () => {
    const sub = 'https://example.com/gitlab';
    expect(link(emptyView(), sub).path).toBe('https://example.com/gitlab/groups/gitlab-org/-/issues/');
    expect(link(emptyView(), `${sub}/`).path).toBe('https://example.com/gitlab/groups/gitlab-org/-/issues/');
    expect(link(view({ filters: { project: ['gitlab-org/gitlab'] } }), sub).path).toBe(
      'https://example.com/gitlab/gitlab-org/gitlab/-/issues/',
    );
  });

  it('passes the search text, trimmed, as search=', () => {
    const { href, params } = link(view({ q: '  merge train & pipeline  ', sort: 'updated' }));
    expect(params.get('search')).toBe('merge train & pipeline');
    expect(href).toContain('search=merge%20train%20%26%20pipeline');
    expect(link(view({ q: '   ' })).params.has('search')).toBe(false);
  });

  it('applies "only available" as no assignee and reports the linked-MR part', () => {
    const { params, ignored } = link(view({ available: true }));
    expect(params.get('assignee_id')).toBe('None');
    expect(ignored).toEqual([{ kind: 'without-mr' }]);
  });

  it('filters the "none" weight bucket as weight=None', () => {
    const { params, ignored } = link(view({ filters: { weight: ['none'] } }));
    expect(params.get('weight')).toBe('None');
    expect(ignored).toEqual([]);
  });

  it.each([[['0-1']], [['2-3']], [['4+']], [['0-1', 'none']]])('reports the weight buckets %j as not expressible', (weights) => {
    const { params, ignored } = link(view({ filters: { weight: weights } }));
    expect(params.has('weight')).toBe(false);
    expect(ignored).toEqual([{ kind: 'values', facet: 'weight', values: weights }]);
  });

  it.each([
    ['updated', 'updated_desc'],
    ['newest', 'created_date'],
    ['upvotes', 'popularity'],
    ['weight', 'weight'],
  ] as const)('sorts %s as %s', (sort, gitlabSort) => {
    const { params, ignored } = link(view({ sort }));
    expect(params.get('sort')).toBe(gitlabSort);
    expect(ignored).toEqual([]);
  });

  it.each(['relevance', 'recommended', 'comments'] as const)('leaves GitLab its default order for %s, and reports it', (sort) => {
    const { params, ignored } = link(view({ q: 'pipeline', sort }));
    expect(params.has('sort')).toBe(false);
    expect(ignored).toEqual([{ kind: 'sort', sort }]);
  });

  it('encodes label names with spaces, :: and URL syntax so they come back intact', () => {
    const odd = 'group::source code & more?#x';
    const { href, params } = link(view({ filters: { label: ['quick win::first-time contributor'], group: ['source code & more?#x'] } }));
    expect(params.getAll('label_name[]')).toEqual([odd]);
    expect(params.getAll('or[label_name][]')).toEqual(['quick win::first-time contributor']);
    expect(href).not.toMatch(/[[\] +]/);
    expect(new URL(href).hash).toBe('');
  });

  it('reports "ready to pick up", which GitLab cannot filter by, and applies nothing for it', () => {
    const { href, ignored } = link(view({ ready: true }));
    expect(ignored).toEqual([{ kind: 'ready' }]);
    expect(href).toBe(link(view({})).href);
  });

  it('lists every ignored part of a busy view, in facet order, then availability, then the order', () => {
    const { ignored } = link(
      view({
        q: 'pipeline',
        sort: 'relevance',
        available: true,
        ready: true,
        filters: { type: ['bug', 'feature'], project: ['gitlab-org/a', 'gitlab-org/b'], weight: ['2-3'] },
      }),
    );
    expect(ignored).toEqual([
      { kind: 'values', facet: 'type', values: ['bug', 'feature'] },
      { kind: 'values', facet: 'project', values: ['gitlab-org/a', 'gitlab-org/b'] },
      { kind: 'values', facet: 'weight', values: ['2-3'] },
      { kind: 'without-mr' },
      { kind: 'ready' },
      { kind: 'sort', sort: 'relevance' },
    ]);
  });
});
