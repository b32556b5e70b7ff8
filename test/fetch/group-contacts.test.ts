// The fetch reads each group's contacts from a file on the instance; failing to is one warning, never a failed run.
import { describe, expect, it } from 'vitest';
import { generateIssues } from '../../tools/gitlab-stand-in/generator';
import { STAGES_FILE } from '../../tools/gitlab-stand-in/files';
import { FAST_RETRIES, fetchInto, readSnapshot, useStandIns } from './run-fetch';

const TOKEN = 'glpat-CANARY-contacts-3c9d';
const gitlab = useStandIns();
const issues = generateIssues({ count: 120, seed: 21 });
const RAW_PATH = `/api/v4/projects/${encodeURIComponent(STAGES_FILE.project)}/repository/files/${encodeURIComponent(STAGES_FILE.file)}/raw`;
const warnings = (stderr: string) => stderr.split('\n').filter((line) => /group contacts/.test(line));

describe('npm run fetch: who to talk to', () => {
  it('reads the stages file once through the raw-file API and names the contacts of the listed groups', async () => {
    const server = await gitlab({ issues, tokens: { [TOKEN]: { confidential: false } } });
    const { out, run } = await fetchInto(server, [], { GITLAB_TOKEN: TOKEN });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const snapshot = await readSnapshot(out);
    const groups = new Set(snapshot.issues.map((item) => item.group).filter((group) => group !== null));
    expect(snapshot.groupContacts.map((entry) => entry.group)).toEqual([...groups].sort());
    expect(snapshot.groupContacts.find((entry) => entry.group === 'source code')).toEqual({
      group: 'source code',
      productManagers: ['Elena Larsen'],
      engineeringManagers: ['Tomás Haddad'],
    });
    const reads = server.requests.filter((request) => request.path.endsWith('/raw'));
    expect(reads.map((request) => [request.path, request.query.ref, request.status])).toEqual([[RAW_PATH, 'HEAD', 200]]);
    expect(run.stdout).toContain(`  group contacts: ${groups.size} of ${groups.size} groups named in ${STAGES_FILE.project}:${STAGES_FILE.file}\n`);
  });

  it('asks for nothing with GROUP_CONTACTS=off', async () => {
    const server = await gitlab({ issues });
    const { out, run } = await fetchInto(server, [], { GROUP_CONTACTS: 'off' });
    expect(run.code, run.stderr).toBe(0);
    expect((await readSnapshot(out)).groupContacts).toEqual([]);
    expect(server.requests.some((request) => request.path.includes('/repository/'))).toBe(false);
    expect(run.stdout).not.toContain('group contacts');
  });

  it('reads another project’s file when GROUP_CONTACTS names it', async () => {
    const file = 'stages:\n  verify:\n    groups:\n      runner:\n        pm: Rita Runner\n';
    const server = await gitlab({ issues, files: new Map([['acme/handbook', new Map([['teams/groups.yml', file]])]]) });
    const { out, run } = await fetchInto(server, [], { GROUP_CONTACTS: 'acme/handbook:teams/groups.yml' });
    expect(run.code, run.stderr).toBe(0);
    expect((await readSnapshot(out)).groupContacts).toEqual([{ group: 'runner', productManagers: ['Rita Runner'], engineeringManagers: [] }]);
  });

  // What goes wrong, the stand-in's setup, and the warning's reason.
  const failures: Array<[string, Parameters<typeof gitlab>[0], RegExp]> = [
    ['the project is not there', { issues, files: new Map() }, /404 Project Not Found$/],
    ['the file is not there', { issues, files: new Map([[STAGES_FILE.project, new Map()]]) }, /404 File Not Found$/],
    ['the file is not a stages file', { issues, files: new Map([[STAGES_FILE.project, new Map([[STAGES_FILE.file, 'stages: [']])]]) }, /data\/stages\.yml cannot be read: not YAML/],
  ];
  for (const [why, setup, reason] of failures) {
    it(`writes the snapshot without contacts, with one warning, when ${why}`, async () => {
      const server = await gitlab({ ...setup, tokens: { [TOKEN]: { confidential: false } } });
      const { out, run } = await fetchInto(server, [], { GITLAB_TOKEN: TOKEN });
      expect(run.code, run.stderr).toBe(0);
      expect(warnings(run.stderr)).toHaveLength(1);
      expect(warnings(run.stderr)[0]).toMatch(/^warning: group contacts left out: /);
      expect(warnings(run.stderr)[0]).toMatch(reason);
      expect(run.stderr).not.toContain('CANARY');
      const snapshot = await readSnapshot(out);
      expect(snapshot.groupContacts).toEqual([]);
      expect(snapshot.issues.length).toBeGreaterThan(0);
    });
  }

  it('retries a failing read like any request, then gives up on it alone', async () => {
    const server = await gitlab({ issues });
    server.inject({ kind: 'status', status: 503, match: { path: '/repository/files/' }, times: Infinity });
    const { out, run } = await fetchInto(server, [...FAST_RETRIES, '--retries', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(server.requests.filter((request) => request.path.endsWith('/raw'))).toHaveLength(3);
    expect(warnings(run.stderr).at(-1)).toMatch(/^warning: group contacts left out: .*503 .* after 3 attempts$/);
    expect((await readSnapshot(out)).groupContacts).toEqual([]);
  });
});
