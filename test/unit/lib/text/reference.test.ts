import { describe, expect, it } from 'vitest';
import { referenceParts } from '../../../../src/lib/text/reference';

describe('referenceParts', () => {
  it('cuts the path after each slash and keeps the number whole', () => {
    expect(referenceParts('gitlab-org/gitlab#384734')).toEqual({ path: ['gitlab-org/', 'gitlab'], number: '#384734' });
    expect(referenceParts('gitlab-org/charts/gitlab!55')).toEqual({ path: ['gitlab-org/', 'charts/', 'gitlab'], number: '!55' });
    expect(referenceParts('gitlab-org&12')).toEqual({ path: ['gitlab-org'], number: '&12' });
  });

  it('gives a bare number no path', () => {
    expect(referenceParts('!1234')).toEqual({ path: [], number: '!1234' });
    expect(referenceParts('#7')).toEqual({ path: [], number: '#7' });
  });

  it('takes only the number at the end: a # or digits inside the path stay in it', () => {
    expect(referenceParts('group/2024#archive/project#12')).toEqual({ path: ['group/', '2024#archive/', 'project'], number: '#12' });
  });

  it('leaves text that ends in no number as path, cut at its slashes', () => {
    expect(referenceParts('gitlab-org/gitlab')).toEqual({ path: ['gitlab-org/', 'gitlab'], number: '' });
    expect(referenceParts('')).toEqual({ path: [], number: '' });
  });

  it('joins back to the reference as given', () => {
    for (const reference of ['gitlab-org/\u202Eevil#90004', 'a/b/c/d#1', 'x&1', '!1', 'odd/', '/lead#2']) {
      const { path, number } = referenceParts(reference);
      expect(path.join('') + number).toBe(reference);
    }
  });
});
