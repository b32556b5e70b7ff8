import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshotFile, SnapshotUnavailable } from '../../../src/site/read-snapshot';
import { loadConfig } from '../../../src/config';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../../../src/lib/snapshot';
import { makeSnapshotIssue } from '../make-issue';

const config = loadConfig({});
const HINT = 'run `npm run fetch` for live data, or `npm run demo` for the bundled sample';

async function snapshotFile(source: Partial<Snapshot['source']> = {}): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'cocreate-load-')), 'issues.json');
  const snapshot: Snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: '2026-11-01T00:00:00.000Z',
    previousGeneratedAt: null,
    source: { url: 'https://gitlab.com', group: 'gitlab-org', labels: ['co-create'], ...source },
    groupContacts: [],
    issues: [makeSnapshotIssue(1)],
    departed: [],
  };
  await writeFile(path, JSON.stringify(snapshot));
  return path;
}

describe('readSnapshotFile', () => {
  it('refuses a snapshot of an older format with one line that says to fetch again', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'cocreate-load-')), 'issues.json');
    await writeFile(path, JSON.stringify({ schemaVersion: 2, generatedAt: '2026-11-01T00:00:00.000Z', issues: [] }));
    expect(() => readSnapshotFile({ ...config, issuesFile: path })).toThrow(
      `invalid snapshot at ${path} (snapshot format 2 is older than this site's format 5; fetch it again): run \`npm run fetch\` for live data, or \`npm run demo\` for the bundled sample`,
    );
  });

  it('says when there is no snapshot at all', () => {
    expect(() => readSnapshotFile({ ...config, issuesFile: '/nonexistent/issues.json' })).toThrow(/^no snapshot at \/nonexistent\/issues\.json: run `npm run fetch`/);
  });

  it('reads a snapshot of the configured instance and group', async () => {
    const path = await snapshotFile();
    expect(readSnapshotFile({ ...config, issuesFile: path }).snapshot.issues).toHaveLength(1);
  });

  it('refuses a snapshot whose source is not an http(s) URL, which the pages would link', async () => {
    const path = await snapshotFile({ url: 'javascript:alert(document.domain)' });
    expect(() => readSnapshotFile({ ...config, issuesFile: path })).toThrow(
      new SnapshotUnavailable(`invalid snapshot at ${path} (source.url: must be an http(s) URL): ${HINT}`),
    );
  });

  it.each([
    [{ url: 'https://gitlab.example.com' }, '"gitlab-org" of "https://gitlab.example.com"'],
    [{ group: 'gitlab-com' }, '"gitlab-com" of "https://gitlab.com"'],
  ])('refuses a snapshot of another instance or group (%j), in one line naming both', async (source, what) => {
    const path = await snapshotFile(source);
    expect(() => readSnapshotFile({ ...config, issuesFile: path })).toThrow(
      new SnapshotUnavailable(
        `snapshot at ${path} lists ${what}, not GITLAB_GROUP gitlab-org of GITLAB_URL https://gitlab.com: ${HINT}`,
      ),
    );
  });

  it('checks the source of a snapshot it has already read, against the configuration of the call', async () => {
    const path = await snapshotFile();
    readSnapshotFile({ ...config, issuesFile: path });
    expect(() => readSnapshotFile({ ...config, issuesFile: path, group: 'gitlab-com' })).toThrow(/^snapshot at .* lists "gitlab-org" of "https:\/\/gitlab\.com", not GITLAB_GROUP gitlab-com of/);
  });
});
