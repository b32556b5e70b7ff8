import { describe, expect, it } from 'vitest';
import { trendOfView } from '../../../src/components/health/HealthTrend';
import { emptyView, labelView } from '../../../src/lib/model';
import { parseCsv } from '../../parse-csv';

describe('trendOfView', () => {
  const group = (name: string) => ({ ...emptyView(), filters: { ...emptyView().filters, group: [name] } });

  it('has every label for the whole list, and one label, one group or one stage for a view of it alone', () => {
    expect(trendOfView(emptyView())).toEqual({ kind: 'all' });
    expect(trendOfView({ ...emptyView(), sort: 'upvotes' })).toEqual({ kind: 'all' });
    expect(trendOfView(labelView('quick win'))).toEqual({ kind: 'labels', key: 'quick win' });
    expect(trendOfView(group('code review'))).toEqual({ kind: 'groups', key: 'code review' });
    expect(trendOfView({ ...emptyView(), filters: { ...emptyView().filters, stage: ['create'] } })).toEqual({ kind: 'stages', key: 'create' });
  });

  it('has none for a narrower view: the history keeps no other slice', () => {
    const both = { ...group('code review'), filters: { ...group('code review').filters, label: ['co-create'] } };
    expect(trendOfView(both)).toBeNull();
    expect(trendOfView({ ...emptyView(), filters: { ...emptyView().filters, group: ['a', 'b'] } })).toBeNull();
    expect(trendOfView({ ...group('code review'), q: 'pipeline' })).toBeNull();
    expect(trendOfView({ ...emptyView(), available: true })).toBeNull();
    expect(trendOfView({ ...emptyView(), ready: true })).toBeNull();
    expect(trendOfView({ ...emptyView(), filters: { ...emptyView().filters, stage: ['create', 'plan'] } })).toBeNull();
    expect(trendOfView({ ...emptyView(), filters: { ...emptyView().filters, type: ['bug'] } })).toBeNull();
    expect(trendOfView({ ...emptyView(), filters: { ...emptyView().filters, language: ['Go'] } })).toBeNull();
  });
});

describe('parseCsv (the tests\' reader)', () => {
  it('reads quoted cells with commas, quotes and line breaks, and says whether a byte order mark leads', () => {
    expect(parseCsv('\uFEFFa,"b,c","say ""hi""","two\nlines",\r\n1,2,3,4,5\r\n')).toEqual({
      bom: true,
      rows: [
        ['a', 'b,c', 'say "hi"', 'two\nlines', ''],
        ['1', '2', '3', '4', '5'],
      ],
    });
    expect(parseCsv('x\r\n').bom).toBe(false);
    expect(() => parseCsv('x')).toThrow();
  });
});
