import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readGitlabToken } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to gitlab.com / gitlab-org and the three curated labels', () => {
    const config = loadConfig({});
    expect(config.gitlabUrl).toBe('https://gitlab.com');
    expect(config.group).toBe('gitlab-org');
    expect(config.curatedLabels).toEqual(['co-create', 'quick win', 'quick win::first-time contributor']);
    expect(config.issuesFile).toBe('src/data/issues.json');
    expect(config.historyFile).toBe('src/data/history.json');
    expect(config.applyFormUrl).toBe('https://about.gitlab.com/community/co-create/#form');
    expect(config.applyUrlTemplate).toBeNull();
    expect(config.groupContacts).toEqual({ project: 'gitlab-com/www-gitlab-com', file: 'data/stages.yml' });
    expect(config.plainPageSize).toBe(250);
  });

  it('reads PLAIN_PAGE_SIZE as a whole number from 10 to 1,000', () => {
    expect(loadConfig({ PLAIN_PAGE_SIZE: ' 60 ' }).plainPageSize).toBe(60);
    expect(loadConfig({ PLAIN_PAGE_SIZE: '10' }).plainPageSize).toBe(10);
    expect(loadConfig({ PLAIN_PAGE_SIZE: '1000' }).plainPageSize).toBe(1000);
  });

  it('reads GROUP_CONTACTS as PROJECT:FILE, or off', () => {
    expect(loadConfig({ GROUP_CONTACTS: ' acme/handbook:teams/groups.yaml ' }).groupContacts).toEqual({ project: 'acme/handbook', file: 'teams/groups.yaml' });
    expect(loadConfig({ GROUP_CONTACTS: 'OFF' }).groupContacts).toBeNull();
  });

  it('reads overrides from the environment and trims a trailing slash', () => {
    const config = loadConfig({
      GITLAB_URL: 'http://127.0.0.1:8080/gitlab/',
      GITLAB_GROUP: 'gitlab-org/charts',
      CURATED_LABELS: ' quick win , co-create,quick win',
      ISSUES_FILE: '/tmp/x.json',
      HISTORY_FILE: ' /tmp/h.json ',
    });
    expect(config.gitlabUrl).toBe('http://127.0.0.1:8080/gitlab');
    expect(config.group).toBe('gitlab-org/charts');
    expect(config.curatedLabels).toEqual(['quick win', 'co-create']);
    expect(config.issuesFile).toBe('/tmp/x.json');
    expect(config.historyFile).toBe('/tmp/h.json');
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
    [{ GROUP_CONTACTS: 'data/stages.yml' }, 'GROUP_CONTACTS'],
    [{ GROUP_CONTACTS: 'gitlab-com/www-gitlab-com:../../../users' }, 'GROUP_CONTACTS'],
    [{ GROUP_CONTACTS: 'gitlab-com/www-gitlab-com:data/stages.yml?ref=x' }, 'GROUP_CONTACTS'],
    [{ APPLY_URL_TEMPLATE: '{formUrl}?issue={issue}' }, 'APPLY_URL_TEMPLATE'],
    [{ APPLY_URL_TEMPLATE: '{formUrl}?issue={\nurl}' }, 'APPLY_URL_TEMPLATE'],
    [{ APPLY_URL_TEMPLATE: 'javascript:alert({title})' }, 'APPLY_URL_TEMPLATE'],
    [{ APPLY_URL_TEMPLATE: 'ftp://example.com/?issue={url}' }, 'APPLY_URL_TEMPLATE'],
    [{ APPLY_URL_TEMPLATE: '{url}' }, 'APPLY_URL_TEMPLATE'],
    [{ APPLY_URL_TEMPLATE: 'issue={reference}' }, 'APPLY_URL_TEMPLATE'],
    [{ PLAIN_PAGE_SIZE: '9' }, 'PLAIN_PAGE_SIZE'],
    [{ PLAIN_PAGE_SIZE: '1001' }, 'PLAIN_PAGE_SIZE'],
    [{ PLAIN_PAGE_SIZE: '12.5' }, 'PLAIN_PAGE_SIZE'],
    [{ PLAIN_PAGE_SIZE: '-20' }, 'PLAIN_PAGE_SIZE'],
    [{ PLAIN_PAGE_SIZE: '1e3' }, 'PLAIN_PAGE_SIZE'],
    [{ PLAIN_PAGE_SIZE: '99999999999999999999' }, 'PLAIN_PAGE_SIZE'],
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

describe('CURATED_LABELS', () => {
  it('refuses two labels that would share a page, naming both and the page', () => {
    expect(() => loadConfig({ CURATED_LABELS: 'co-create,quick win,quick-win' })).toThrow(
      new ConfigError('invalid setting CURATED_LABELS: "quick win" and "quick-win" would share the page /label/quick-win/'),
    );
    expect(() => loadConfig({ CURATED_LABELS: 'Co-Create,co_create' })).toThrow(
      'invalid setting CURATED_LABELS: "Co-Create" and "co_create" would share the page /label/co-create/',
    );
  });

  it('accepts labels named like object properties', () => {
    expect(loadConfig({ CURATED_LABELS: 'constructor,__proto__,toString' }).curatedLabels).toEqual(['constructor', '__proto__', 'toString']);
  });
});

describe('APPLY_URL_TEMPLATE', () => {
  it('keeps a template made of the known placeholders', () => {
    const template = 'https://forms.example.com/co-create?issue={url}&ref={reference}&title={title}';
    expect(loadConfig({ APPLY_URL_TEMPLATE: ` ${template} ` }).applyUrlTemplate).toBe(template);
    expect(loadConfig({ APPLY_URL_TEMPLATE: '{formUrl}?issue={url}' }).applyUrlTemplate).toBe('{formUrl}?issue={url}');
  });

  it('is unset when blank', () => {
    expect(loadConfig({ APPLY_URL_TEMPLATE: '' }).applyUrlTemplate).toBeNull();
    expect(loadConfig({ APPLY_URL_TEMPLATE: '   ' }).applyUrlTemplate).toBeNull();
  });

  it('names the unknown placeholder and the ones it knows', () => {
    expect(() => loadConfig({ APPLY_URL_TEMPLATE: '{formUrl}?issue={link}' })).toThrow(
      'invalid setting APPLY_URL_TEMPLATE: unknown placeholder {link}; use {formUrl}, {url}, {reference}, {title}',
    );
  });

  it('says when the result is not an http(s) URL', () => {
    expect(() => loadConfig({ APPLY_URL_TEMPLATE: 'mailto:team@example.com?subject={title}' })).toThrow(
      'invalid setting APPLY_URL_TEMPLATE: must expand to an http(s) URL',
    );
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
