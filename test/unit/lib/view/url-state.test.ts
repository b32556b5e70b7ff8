import { describe, expect, it } from 'vitest';
import { emptyView, type ViewState } from '../../../../src/lib/model';
import { defaultSort, droppedValues, parseView, saysDensity, serializeView } from '../../../../src/lib/view/url-state';

const LABELS = ['co-create', 'quick win', 'quick win::first-time contributor'];

function view(patch: Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<ViewState['filters']> }): ViewState {
  const base = emptyView();
  return { ...base, ...patch, filters: { ...base.filters, ...patch.filters } };
}

describe('parseView', () => {
  it('reads the handbook link', () => {
    expect(parseView('?label=co-create', LABELS)).toEqual(view({ filters: { label: ['co-create'] } }));
    expect(parseView('label=co-create', LABELS).filters.label).toEqual(['co-create']);
    expect(parseView(new URLSearchParams('label=co-create'), LABELS).filters.label).toEqual(['co-create']);
  });

  it('reads a readable multi-param link', () => {
    expect(parseView('?label=quick+win&type=bug&q=pipeline&sort=upvotes', LABELS)).toEqual(
      view({ q: 'pipeline', sort: 'upvotes', filters: { label: ['quick win'], type: ['bug'] } }),
    );
  });

  it('accepts repeated and comma-separated values, in canonical order', () => {
    const expected = ['co-create', 'quick win'];
    expect(parseView('label=quick+win&label=co-create', LABELS).filters.label).toEqual(expected);
    expect(parseView('label=quick win,co-create', LABELS).filters.label).toEqual(expected);
    expect(parseView('label=co-create,,co-create&label=quick%20win', LABELS).filters.label).toEqual(expected);
    expect(parseView('group=b,a&group=b', LABELS).filters.group).toEqual(['b', 'a']);
  });

  it.each([
    ['quick-win', 'quick win'],
    ['Quick_Win', 'quick win'],
    ['QUICK+WIN', 'quick win'],
    ['quick%20%20%20win', 'quick win'],
    ['%20quick%20win%20', 'quick win'],
    ['Co_Create', 'co-create'],
    ['co+create', 'co-create'],
    ['quick-win::first-time-contributor', 'quick win::first-time contributor'],
    ['Quick_Win::First_Time_Contributor', 'quick win::first-time contributor'],
  ])('maps the lenient label %j onto %j', (raw, label) => {
    expect(parseView(`label=${raw}`, LABELS).filters.label).toEqual([label]);
  });

  it('drops labels that are not configured', () => {
    expect(parseView('label=bug&label=quick&label=co-create::x&label=cocreate', LABELS).filters.label).toEqual([]);
  });

  it('prefers an exact label over a lenient one when two configured labels differ only in spelling', () => {
    expect(parseView('label=quick-win', ['quick win', 'quick-win']).filters.label).toEqual(['quick-win']);
    expect(parseView('label=Quick_Win', ['quick win', 'quick-win']).filters.label).toEqual(['quick win']);
  });

  it('reads areas and weights from their closed sets', () => {
    expect(parseView('area=Backend&area=frontend&area=devops', LABELS).filters.area).toEqual(['frontend', 'backend']);
    expect(parseView('weight=none&weight=4%2B&weight=0-1&weight=5', LABELS).filters.weight).toEqual([
      '0-1',
      '4+',
      'none',
    ]);
    expect(parseView('weight=4+', LABELS).filters.weight).toEqual(['4+']);
    expect(parseView('weight=4', LABELS).filters.weight).toEqual(['4+']);
    expect(parseView('weight=NONE,2-3', LABELS).filters.weight).toEqual(['2-3', 'none']);
  });

  it('keeps free-text facet values even when no issue has them, trimmed and de-duplicated', () => {
    const parsed = parseView('type=+bug+&stage=plan&group=no+such+group&group=no%20such%20group&project=a/b', LABELS);
    expect(parsed.filters).toMatchObject({
      type: ['bug'],
      stage: ['plan'],
      group: ['no such group'],
      project: ['a/b'],
    });
  });

  it('drops empty and overlong free-text values', () => {
    const long = 'x'.repeat(201);
    expect(parseView(`group=&group=%20&group=${long}&group=${'y'.repeat(200)}`, LABELS).filters.group).toEqual([
      'y'.repeat(200),
    ]);
  });

  it('keeps at most 20 values per facet, the first valid ones given', () => {
    const groups = Array.from({ length: 25 }, (_, i) => `group=g${i}`);
    expect(parseView(['group=', 'group=g0', ...groups].join('&'), LABELS).filters.group).toEqual(
      Array.from({ length: 20 }, (_, i) => `g${i}`),
    );
    const projects = Array.from({ length: 300 }, (_, i) => `p${i}`).join(',');
    expect(parseView(`project=${projects}`, LABELS).filters.project).toHaveLength(20);
  });

  it('ignores whatever lies past 2,000 characters of query string, and the parameter that line cuts', () => {
    const filler = Array.from({ length: 10 }, (_, i) => `utm_${i}=${'x'.repeat(191)}`).join('&'); // 1,979 characters
    const head = `${filler}&label=co-create`; // 1,995
    expect(head).toHaveLength(1995);
    const search = `${head}&type=bug&sort=upvotes`; // type=bug straddles the line
    expect(parseView(search, LABELS)).toEqual(view({ filters: { label: ['co-create'] } }));
    expect(parseView(`?${search}`, LABELS)).toEqual(view({ filters: { label: ['co-create'] } }));
    expect(parseView(`${head}&t=1&type=bug`, LABELS).filters.type).toEqual([]);
    expect(parseView(`q=${'a'.repeat(1_000_000)}&label=co-create`, LABELS)).toEqual(emptyView());
  });

  it.each(['true', 'TRUE', '1', 'yes', 'On', ' on '])('reads available=%j as true', (value) => {
    expect(parseView(`available=${encodeURIComponent(value)}`, LABELS).available).toBe(true);
  });

  it.each(['false', '0', 'no', '', 'y', 'truthy'])('reads available=%j as false', (value) => {
    expect(parseView(`available=${value}`, LABELS).available).toBe(false);
  });

  it.each(['true', 'on', '1'])('reads ready=%j as true, and anything else as false', (value) => {
    expect(parseView(`ready=${value}`, LABELS).ready).toBe(true);
    expect(parseView(`ready=${value}x`, LABELS).ready).toBe(false);
    expect(parseView('', LABELS).ready).toBe(false);
  });

  it('reads languages by slug or by a word of their name, in any case, in the filter order', () => {
    expect(parseView('language=Vue&language=go&language=GO&language=cobol', LABELS).filters.language).toEqual(['go', 'javascript']);
    expect(serializeView(parseView('language=ruby,docs', LABELS), LABELS)).toBe('language=ruby&language=docs');
  });

  it('defaults the sort to relevance with a query and to recommended without', () => {
    expect(parseView('', LABELS).sort).toBe('recommended');
    expect(parseView('q=pipeline', LABELS).sort).toBe('relevance');
    expect(parseView('q=+++', LABELS).sort).toBe('recommended');
    expect(parseView('sort=relevance', LABELS).sort).toBe('recommended');
    expect(parseView('q=x&sort=bogus', LABELS).sort).toBe('relevance');
    expect(parseView('sort=bogus', LABELS).sort).toBe('recommended');
    expect(parseView('sort=updated', LABELS).sort).toBe('updated');
    expect(parseView('q=x&sort=recommended', LABELS).sort).toBe('recommended');
    expect(parseView('q=x&sort=Weight', LABELS).sort).toBe('weight');
  });

  it('keeps q as typed but empties whitespace-only and caps its length', () => {
    expect(parseView('q=++merge++request+', LABELS).q).toBe('  merge  request ');
    expect(parseView('q=%20%09%0A', LABELS).q).toBe('');
    expect(parseView(`q=${'a'.repeat(300)}`, LABELS).q).toHaveLength(200);
    // A cut inside a surrogate pair would not survive encoding, so the half pair goes.
    expect(parseView(`q=${'a'.repeat(199)}${encodeURIComponent('😀')}`, LABELS).q).toBe('a'.repeat(199));
  });

  it('takes the first q, available and sort when repeated', () => {
    expect(parseView('q=one&q=two&sort=newest&sort=upvotes&available=1&available=0', LABELS)).toMatchObject({
      q: 'one',
      sort: 'newest',
      available: true,
    });
  });

  it('ignores unknown params', () => {
    const parsed = parseView('utm_source=handbook&fbclid=abc&label=co-create&Label=quick+win&x=1&=&&&', LABELS);
    expect(parsed).toEqual(view({ filters: { label: ['co-create'] } }));
  });

  it.each(['%E0%A4%A', '%', 'q=%', 'q=%E0%A4%A&label=%ZZ', 'label=co-create%', '?&=%%%', 'q=%F0%9F%98'])(
    'does not throw on the malformed query string %j',
    (search) => {
      expect(() => parseView(search, LABELS)).not.toThrow();
    },
  );

  it('still reads the valid parts of a malformed query string', () => {
    expect(parseView('q=%E0%A4%A&label=co-create', LABELS).filters.label).toEqual(['co-create']);
  });

  it.each([
    ['view=compact', 'compact'],
    ['view=Compact', 'compact'],
    ['view=%20compact%20', 'compact'],
    ['view=COMPACT&view=cards', 'compact'],
    ['view=cards', 'cards'],
    ['view=Cards', 'cards'],
    ['', 'cards'],
    ['view=', 'cards'],
    ['view=list', 'cards'],
    ['view=compactx', 'cards'],
  ] as const)('reads the density of %j as %j', (search, density) => {
    expect(parseView(search, LABELS).density).toBe(density);
  });

  it('gives a URL that names no density, or an unknown one, the remembered density; a named one wins', () => {
    expect(parseView('label=co-create', LABELS, 'compact')).toEqual(view({ density: 'compact', filters: { label: ['co-create'] } }));
    expect(parseView('view=table', LABELS, 'compact').density).toBe('compact');
    expect(parseView('view=cards', LABELS, 'compact').density).toBe('cards');
    expect(parseView('view=compact', LABELS, 'cards').density).toBe('compact');
  });

  it('reads the density as no filter: a compact view of everything is still the default list', () => {
    expect(parseView('view=compact', LABELS)).toEqual(view({ density: 'compact' }));
  });
});

describe('serializeView', () => {
  it('is empty for the default view', () => {
    expect(serializeView(emptyView(), LABELS)).toBe('');
    expect(serializeView(view({ q: '   ' }), LABELS)).toBe('');
    expect(serializeView(view({ sort: 'relevance' }), LABELS)).toBe('');
  });

  it('writes readable values in canonical param and value order', () => {
    const written = serializeView(
      view({
        q: 'pipeline',
        sort: 'upvotes',
        available: true,
        filters: {
          weight: ['none', '4+'],
          area: ['documentation', 'frontend'],
          label: ['quick win', 'co-create'],
          type: ['bug'],
          group: ['pipeline authoring'],
        },
      }),
      LABELS,
    );
    expect(written).toBe(
      'q=pipeline&label=co-create&label=quick+win&type=bug&group=pipeline+authoring&area=frontend&area=documentation' +
        '&weight=4%2B&weight=none&available=true&sort=upvotes',
    );
  });

  it('writes the handbook link as the handbook writes it', () => {
    expect(serializeView(view({ filters: { label: ['co-create'] } }), LABELS)).toBe('label=co-create');
  });

  it('omits the sort when it is the default for the query', () => {
    expect(serializeView(view({ q: 'x', sort: 'relevance' }), LABELS)).toBe('q=x');
    expect(serializeView(view({ q: 'x', sort: 'updated' }), LABELS)).toBe('q=x&sort=updated');
    expect(serializeView(view({ sort: 'recommended' }), LABELS)).toBe('');
    expect(serializeView(view({ sort: 'updated' }), LABELS)).toBe('sort=updated');
    expect(serializeView(view({ q: 'x', sort: 'recommended' }), LABELS)).toBe('q=x&sort=recommended');
    expect(serializeView(view({ sort: 'newest' }), LABELS)).toBe('sort=newest');
  });

  it('writes at most 20 values per facet', () => {
    const project = Array.from({ length: 30 }, (_, i) => `gitlab-org/p${i}`);
    expect(serializeView(view({ filters: { project } }), LABELS)).toBe(
      project.slice(0, 20).map((value) => `project=${encodeURIComponent(value)}`).join('&'),
    );
  });

  it('writes compact as view=compact, last, and omits cards, the default', () => {
    expect(serializeView(view({ density: 'compact' }), LABELS)).toBe('view=compact');
    expect(serializeView(view({ density: 'cards' }), LABELS)).toBe('');
    expect(serializeView(view({ q: 'x', sort: 'updated', density: 'compact', filters: { label: ['co-create'] } }), LABELS)).toBe(
      'q=x&label=co-create&sort=updated&view=compact',
    );
  });

  it('names cards for a visitor who remembered compact, whose URL without view shows compact rows', () => {
    expect(serializeView(view({ density: 'cards' }), LABELS, 'compact')).toBe('view=cards');
    expect(serializeView(view({ density: 'compact' }), LABELS, 'compact')).toBe('view=compact');
    expect(serializeView(view({ density: 'compact' }), LABELS, 'cards')).toBe('view=compact');
  });

  it('drops invalid values instead of writing them', () => {
    const written = serializeView(
      view({ filters: { label: ['nope', 'Quick-Win'], weight: ['7'], area: ['ux'], group: ['', ' '] } }),
      LABELS,
    );
    expect(written).toBe('label=quick+win');
  });
});

describe('round trip', () => {
  const views: ViewState[] = [
    emptyView(),
    view({ filters: { label: ['co-create'] } }),
    view({ q: 'pipeline', filters: { label: ['quick win', 'quick win::first-time contributor'] } }),
    view({ q: 'a & b # c + d = e', sort: 'comments' }),
    view({ q: '  spaces  inside ', sort: 'relevance' }),
    view({ q: 'café 改进合并 🚀 👩‍💻 تحسين', sort: 'newest' }),
    view({ q: '%20 %E0 ?x=y&z', sort: 'weight', available: true }),
    view({ q: '!^=\'|"$ \\', sort: 'upvotes' }),
    view({ filters: { group: ['a & b', 'c#d', 'e+f', 'g=h', 'ü ß', '🏳️‍🌈'], type: ['bug'], stage: ['verify'] } }),
    view({ filters: { project: ['gitlab-org/gitlab', 'gitlab-org/charts/gitlab'] }, available: true }),
    view({ ready: true, sort: 'upvotes' }),
    view({ filters: { weight: ['0-1', '2-3', '4+', 'none'], area: ['frontend', 'backend', 'documentation'] } }),
    view({ sort: 'newest', filters: { weight: ['4+'] } }),
    view({ density: 'compact' }),
    view({ q: 'pipeline', sort: 'weight', density: 'compact', filters: { label: ['co-create'] } }),
    view({
      q: 'x'.repeat(200),
      available: true,
      ready: true,
      sort: 'updated',
      filters: {
        label: ['co-create', 'quick win', 'quick win::first-time contributor'],
        type: ['feature', 'bug'],
        stage: ['plan'],
        group: ['pipeline authoring'],
        area: ['documentation'],
        project: ['gitlab-org/gitlab-runner'],
        weight: ['none'],
      },
    }),
  ];

  it.each(views.map((v) => [serializeView(v, LABELS), v] as const))('parse(serialize(v)) equals v for %j', (_, v) => {
    expect(parseView(serializeView(v, LABELS), LABELS)).toEqual(v);
    expect(parseView(`?${serializeView(v, LABELS)}`, LABELS)).toEqual(v);
  });

  it('serialises a parsed URL to its canonical form, which parses the same', () => {
    const messy = '?utm_source=x&ready=on&sort=upvotes&label=Quick-Win,co-create&weight=4+&q=hi&available=YES&area=Frontend';
    const once = serializeView(parseView(messy, LABELS), LABELS);
    expect(once).toBe('q=hi&label=co-create&label=quick+win&area=frontend&weight=4%2B&available=true&ready=true&sort=upvotes');
    expect(serializeView(parseView(once, LABELS), LABELS)).toBe(once);
    expect(serializeView(parseView('?View=list&view=%20Compact&label=co-create', LABELS), LABELS)).toBe('label=co-create&view=compact');
  });

  it.each(['cards', 'compact'] as const)('round-trips both densities for a visitor who remembered %s', (remembered) => {
    for (const density of ['cards', 'compact'] as const) {
      const v = view({ density, filters: { label: ['quick win'] } });
      expect(parseView(serializeView(v, LABELS, remembered), LABELS, remembered)).toEqual(v);
    }
  });
});

describe('saysDensity', () => {
  it('is true when the URL names the density as serializeView writes it', () => {
    expect(saysDensity('', view({}))).toBe(true);
    expect(saysDensity('?label=co-create', view({}))).toBe(true);
    expect(saysDensity('?view=compact', view({ density: 'compact' }))).toBe(true);
    expect(saysDensity('?view=compact', view({ density: 'compact' }), 'compact')).toBe(true);
    expect(saysDensity('?view=cards', view({}), 'compact')).toBe(true);
  });

  it('is false when the address does not say what is shown, or not as the page writes it', () => {
    // A visitor who remembered compact opens a link without view: the rows are compact, the URL must say so.
    expect(saysDensity('?label=co-create', view({ density: 'compact' }), 'compact')).toBe(false);
    expect(saysDensity('?view=Compact', view({ density: 'compact' }))).toBe(false);
    expect(saysDensity('?view=cards', view({}))).toBe(false);
    expect(saysDensity('?view=list', view({}))).toBe(false);
  });
});

describe('a shortlist in the URL', () => {
  it('reads and writes its references in order, with its title, after the rest of the view', () => {
    const parsed = parseView('?ref=gitlab-org%2Fgitlab%2331447&ref=bad&ref=gitlab-org%2Fgitlab-runner%2331363&title=For+ACME', LABELS);
    expect([parsed.refs, parsed.title]).toEqual([['gitlab-org/gitlab#31447', 'gitlab-org/gitlab-runner#31363'], 'For ACME']);
    expect(serializeView(view({ refs: parsed.refs, title: parsed.title, sort: 'newest' }), LABELS)).toBe(
      'sort=newest&ref=gitlab-org%2Fgitlab%2331447&ref=gitlab-org%2Fgitlab-runner%2331363&title=For+ACME',
    );
  });
  it('writes no title without references', () => {
    expect(serializeView(view({ title: 'Lonely' }), LABELS)).toBe('');
  });
});

describe('droppedValues', () => {
  it('names the closed facets’ values parseView leaves out, as given, each once', () => {
    const search = '?label=co-create,nope&label=nope&language=cobol&language=Go&area=Frontend&area=ux&weight=9&stage=verfy&q=x';
    expect(droppedValues(search, LABELS)).toEqual([
      { facet: 'label', value: 'nope' },
      { facet: 'area', value: 'ux' },
      { facet: 'language', value: 'cobol' },
      { facet: 'weight', value: '9' },
    ]);
  });

  it('leaves open facets to the data, and names nothing for a clean or empty link', () => {
    expect(droppedValues('?stage=verfy&group=x&type=y&project=z', LABELS)).toEqual([]);
    expect(droppedValues('?label=quick-win&language=vue&weight=4+', LABELS)).toEqual([]);
    expect(droppedValues('', LABELS)).toEqual([]);
  });

  it('stays bounded for a crafted link: values cut at 200 characters, at most 20 named', () => {
    const many = Array.from({ length: 50 }, (_, n) => `language=x${n}${'y'.repeat(300)}`).join('&');
    const dropped = droppedValues(many, LABELS);
    expect(dropped.length).toBeLessThanOrEqual(20);
    expect(Math.max(...dropped.map((each) => each.value.length))).toBeLessThanOrEqual(200);
  });
});

describe('defaultSort', () => {
  it('is relevance only when the query has text', () => {
    expect(defaultSort('q')).toBe('relevance');
    expect(defaultSort(' ')).toBe('recommended');
  });
});
