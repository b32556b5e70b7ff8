import { describe, expect, it } from 'vitest';
import { LANGUAGE_MAP } from '../../../src/config';
import { languagesOf, LANGUAGES, type LanguageMap } from '../../../src/lib/languages';

describe('languagesOf', () => {
  const map: LanguageMap = {
    projects: { 'gitlab-runner': ['go'], 'gitlab-ui': ['javascript'] },
    labels: { frontend: ['javascript'], documentation: ['docs'] },
    labelsInProject: { 'gitlab-org/gitlab': { backend: ['ruby'] } },
  };

  it('reads the project by the last segment of its path, and the labels, in the filter order', () => {
    expect(languagesOf('gitlab-org/gitlab-runner', [], map)).toEqual(['go']);
    expect(languagesOf('gitlab-org/subgroup/gitlab-runner', ['documentation'], map)).toEqual(['go', 'docs']);
    expect(languagesOf('gitlab-org/gitlab', ['documentation', 'frontend', 'backend'], map)).toEqual(['ruby', 'javascript', 'docs']);
  });

  it('takes a label in one project only there, and nothing from unknown or hostile names', () => {
    expect(languagesOf('gitlab-org/gitaly', ['backend'], map)).toEqual([]);
    expect(languagesOf('gitlab-org/constructor', ['constructor', '__proto__', 'toString'], map)).toEqual([]);
  });

  it('has a configured map that names only known languages', () => {
    const named = [
      ...Object.values(LANGUAGE_MAP.projects),
      ...Object.values(LANGUAGE_MAP.labels),
      ...Object.values(LANGUAGE_MAP.labelsInProject).flatMap((labels) => Object.values(labels)),
    ].flat();
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((language) => LANGUAGES.includes(language))).toBe(true);
    expect(languagesOf('gitlab-org/gitlab-runner', [], LANGUAGE_MAP)).toEqual(['go']);
    expect(languagesOf('gitlab-org/gitlab', ['backend'], LANGUAGE_MAP)).toEqual(['ruby']);
  });
});
