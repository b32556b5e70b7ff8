import { describe, expect, it } from 'vitest';
import { labelCriteria } from '../../../../src/lib/labels/criteria';

describe('labelCriteria', () => {
  it('quick win: an implementation plan, a small weight, a contact person', () => {
    const { summary, criteria } = labelCriteria('quick win');
    expect(summary).not.toBe('');
    expect(criteria.join(' ')).toMatch(/level-2 or level-3 heading starting with “Implementation”/);
    expect(criteria.join(' ')).toMatch(/weight of 0 to 3/);
    expect(criteria.join(' ')).toMatch(/contact person/);
  });

  it('quick win::first-time contributor: the quick-win criteria, kept for a first contribution', () => {
    const { summary, criteria } = labelCriteria('quick win::first-time contributor');
    expect(summary).toMatch(/first contribution/);
    expect(criteria).toEqual(expect.arrayContaining(labelCriteria('quick win').criteria));
    expect(criteria.length).toBe(labelCriteria('quick win').criteria.length + 1);
  });

  it('co-create: product-approved work for a paired engagement with GitLab engineers', () => {
    const { summary, criteria } = labelCriteria('co-create');
    expect(summary).toMatch(/product team approved/);
    expect(summary).toMatch(/GitLab engineers/);
    expect(criteria.length).toBeGreaterThan(0);
  });

  it('matches the known labels whatever their capitals', () => {
    expect(labelCriteria('Quick Win')).toEqual(labelCriteria('quick win'));
    expect(labelCriteria('Co-Create')).toEqual(labelCriteria('co-create'));
  });

  it('explains any other configured label generically, naming it', () => {
    expect(labelCriteria('Seeking community contributions')).toEqual({
      summary: 'Issues labelled “Seeking community contributions” are listed because this site is configured to list that label.',
      criteria: [],
    });
  });

  it.each(['constructor', 'Constructor', '__proto__'])(
    'explains %j generically too: a label named like an object property crashed /labels/',
    (label) => {
      expect(labelCriteria(label)).toEqual({
        summary: `Issues labelled “${label}” are listed because this site is configured to list that label.`,
        criteria: [],
      });
    },
  );
});
