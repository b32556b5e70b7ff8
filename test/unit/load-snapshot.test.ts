import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshotFile } from '../../src/build/load-snapshot';

describe('readSnapshotFile', () => {
  it('refuses a snapshot of an older format with one line that says to fetch again', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'cocreate-load-')), 'issues.json');
    await writeFile(path, JSON.stringify({ schemaVersion: 2, generatedAt: '2026-11-01T00:00:00.000Z', issues: [] }));
    expect(() => readSnapshotFile(path)).toThrow(
      `invalid snapshot at ${path} (snapshot format 2 is older than this site's format 3; fetch it again): run \`npm run fetch\` for live data, or \`npm run demo\` for the bundled sample`,
    );
  });

  it('says when there is no snapshot at all', () => {
    expect(() => readSnapshotFile('/nonexistent/issues.json')).toThrow(/^no snapshot at \/nonexistent\/issues\.json: run `npm run fetch`/);
  });
});
