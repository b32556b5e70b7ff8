import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readGitlabToken } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to gitlab.com / gitlab-org and the three curated labels', () => {
    const config = loadConfig({});
    expect(config.gitlabUrl).toBe('https://gitlab.com');
    expect(config.group).toBe('gitlab-org');
    expect(config.curatedLabels).toEqual(['co-create', 'quick win', 'quick win::first-time contributor']);
    expect(config.issuesFile).toBe('src/data/issues.json');
    expect(config.applyFormUrl).toBe('https://about.gitlab.com/community/co-create/#form');
  });

  it('reads overrides from the environment and trims a trailing slash', () => {
    const config = loadConfig({
      GITLAB_URL: 'http://127.0.0.1:8080/gitlab/',
      GITLAB_GROUP: 'gitlab-org/charts',
      CURATED_LABELS: ' quick win , co-create,quick win',
      ISSUES_FILE: '/tmp/x.json',
    });
    expect(config.gitlabUrl).toBe('http://127.0.0.1:8080/gitlab');
    expect(config.group).toBe('gitlab-org/charts');
    expect(config.curatedLabels).toEqual(['quick win', 'co-create']);
    expect(config.issuesFile).toBe('/tmp/x.json');
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ GITLAB_URL: '', GITLAB_GROUP: '  ' }).gitlabUrl).toBe('https://gitlab.com');
  });

  it.each([
    [{ GITLAB_URL: 'gitlab.com' }, 'GITLAB_URL'],
    [{ GITLAB_URL: 'ftp://gitlab.com' }, 'GITLAB_URL'],
    [{ GITLAB_URL: 'https://gitlab.com/?x=1' }, 'GITLAB_URL'],
    [{ GITLAB_GROUP: 'gitlab org' }, 'GITLAB_GROUP'],
    [{ GITLAB_GROUP: '../etc' }, 'GITLAB_GROUP'],
    [{ CURATED_LABELS: ' , ' }, 'CURATED_LABELS'],
  ])('rejects %j with a one-line message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('readGitlabToken', () => {
  it('is optional', () => {
    expect(readGitlabToken({})).toBeUndefined();
    expect(readGitlabToken({ GITLAB_TOKEN: ' ' })).toBeUndefined();
    expect(readGitlabToken({ GITLAB_TOKEN: 'glpat-x' })).toBe('glpat-x');
  });

  it('is not part of the config object', () => {
    expect(JSON.stringify(loadConfig({ GITLAB_TOKEN: 'glpat-secret' }))).not.toContain('glpat-secret');
  });
});
