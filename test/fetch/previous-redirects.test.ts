// `npm run previous` follows redirects by hand, only on the site's own origin and at most 5 times: a Pages domain
// or a proxy that sends it elsewhere must not choose the snapshot (or the /health trend) the nightly build starts
// from. The site below redirects both files alike, so each test checks the two downloads.
import type { IncomingMessage } from 'node:http';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existing, expectSkipped, history, published, publishedFile, publishedHistory, runPrevious, snapshot, startSite, type Site } from './previous-site';
import { serializeHistory } from '../../src/lib/health/history';
import { serializeSnapshot } from '../../src/lib/snapshot';

const TOKEN = 'glpat-CANARY-redirect-77c1';

/** Every request either server received, to prove which were never made and that no token travelled. */
const requests: Array<{ server: 'site' | 'elsewhere'; url: string; headers: IncomingMessage['headers'] }> = [];
let site: Site;
/** Another origin: the same host on another port. It serves a valid snapshot, which must never be read. */
let elsewhere: Site;

/** Where each folder of the site redirects a file to, with which status; given the site's and elsewhere's URLs. */
const redirects: Record<string, [status: number, location: (site: string, elsewhere: string, file: string) => string]> = {
  relative: [302, (_s, _e, file) => `/absolute/${file}`],
  absolute: [301, (s, _e, file) => `${s}/final/${file}`],
  away: [302, (_s, e, file) => `${e}/${file}`],
  'hop-then-away': [307, (_s, _e, file) => `/away/${file}`],
  'by-name': [308, (s, _e, file) => `${s.replace('127.0.0.1', 'localhost')}/final/${file}`],
  'to-file': [302, () => 'file:///etc/passwd'],
  'to-https': [303, (s, _e, file) => `${s.replace('http:', 'https:')}/final/${file}`],
};

beforeAll(async () => {
  elsewhere = await startSite((request, res) => {
    requests.push({ server: 'elsewhere', url: request.url ?? '', headers: request.headers });
    const later = '2030-01-01T00:00:00.000Z';
    const foreign = request.url?.endsWith('/history.json')
      ? serializeHistory({ ...history, points: history.points.map((point) => ({ ...point, at: later })) })
      : serializeSnapshot({ ...snapshot, generatedAt: later });
    res.writeHead(200, { 'content-type': 'application/json' }).end(foreign);
  });
  site = await startSite((request, res) => {
    const path = request.url ?? '';
    requests.push({ server: 'site', url: path, headers: request.headers });
    // /<folder>/<file>[?n]: every folder treats issues.json and history.json alike.
    const [, folder = '', file = '', query = ''] = /^\/([^/]+)\/([^/?]+)\??(.*)$/.exec(path) ?? [];
    const json = { 'content-type': 'application/json' };
    if (folder === 'final') return void res.writeHead(200, json).end(publishedFile(file));
    if (folder === 'no-location') return void res.writeHead(302).end();
    // chain-N sends on to chain-(N-1) until chain-0, which serves the file; the loop never ends.
    const chain = /^chain-(\d+)$/.exec(folder);
    if (chain) {
      const left = Number(chain[1]);
      if (left === 0) return void res.writeHead(200, json).end(publishedFile(file));
      return void res.writeHead(302, { location: `/chain-${left - 1}/${file}` }).end();
    }
    if (folder === 'loop') return void res.writeHead(302, { location: `/loop/${file}?${Number(query) + 1}` }).end();
    const redirect = redirects[folder];
    if (!redirect) return void res.writeHead(404).end();
    res.writeHead(redirect[0], { location: redirect[1](site.url, elsewhere.url, file) }).end('<p>Moved</p>');
  });
});

afterAll(async () => {
  await Promise.all([site.close(), elsewhere.close()]);
});

/** The requests either server received for one file. */
const requestsFor = (file: string) => requests.filter((request) => request.url.split('?')[0]!.endsWith(`/${file}`));

/** Runs `npm run previous` for the site's `path`, with a token in the environment that must stay home. */
async function previousOf(path: string, out: string) {
  requests.length = 0;
  const run = await runPrevious(['--out', out, '--from', `${site.url}${path}`], { GITLAB_TOKEN: TOKEN });
  expect(JSON.stringify(requests)).not.toContain('CANARY');
  return run;
}

describe('npm run previous, redirected', () => {
  it('follows redirects on the site, relative or absolute, and names the URL it read', async () => {
    const { out, historyOut } = await existing();
    const run = await previousOf('/relative', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const items = `${snapshot.issues.length} items of ${snapshot.generatedAt}`;
    expect(run.stdout).toBe(
      `previous: wrote ${out} from ${site.url}/final/issues.json (${items})\n` +
        `previous: wrote ${historyOut} from ${site.url}/final/history.json (1 snapshot, the newest of ${history.points[0]!.at})\n`,
    );
    expect(await readFile(out, 'utf8')).toBe(published);
    expect(await readFile(historyOut, 'utf8')).toBe(publishedHistory);
  });

  it('follows 5 redirects', async () => {
    const { out } = await existing();
    const run = await previousOf('/chain-5', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(` from ${site.url}/chain-0/issues\\.json \\(`));
    expect(run.stdout).toMatch(new RegExp(` from ${site.url}/chain-0/history\\.json \\(`));
    expect(requestsFor('issues.json')).toHaveLength(6);
    expect(requestsFor('history.json')).toHaveLength(6);
  });

  it('does not follow a sixth, and says so in one line', async () => {
    const kept = await existing();
    const run = await previousOf('/loop', kept.out);
    const loop = (file: string) => `${site.url}/loop/${file}`;
    const sixth = (file: string) => `GET ${loop(file)}?5 answered 302 to ${loop(file)}?6: more than 5 redirects;`;
    await expectSkipped(run, `no previous snapshot: ${sixth('issues.json')}`, kept, `no previous history: ${sixth('history.json')}`);
    expect(requestsFor('issues.json')).toHaveLength(6);
    expect(requestsFor('history.json')).toHaveLength(6);
  });

  // What the site redirects to (after which hop), and what the one line must say.
  const refused: Array<[string, string, (site: string, elsewhere: string) => string]> = [
    ['another port of the same host', '/away', (s, e) => `GET ${s}/away/issues.json answered 302 to ${e}/issues.json`],
    ['another origin after a hop on the site', '/hop-then-away', (s, e) => `GET ${s}/away/issues.json answered 302 to ${e}/issues.json`],
    ['another host name of the same address', '/by-name', (s) => `GET ${s}/by-name/issues.json answered 308 to ${s.replace('127.0.0.1', 'localhost')}/final/issues.json`],
    ['a file: URL', '/to-file', (s) => `GET ${s}/to-file/issues.json answered 302 to file:///etc/passwd`],
  ];
  for (const [where, path, line] of refused) {
    it(`does not follow a redirect to ${where}, and leaves the file alone`, async () => {
      const kept = await existing();
      const run = await previousOf(path, kept.out);
      const expected = `${line(site.url, elsewhere.url)}: not following a redirect to another origin`;
      const forHistory = expected.replaceAll('issues.json', 'history.json');
      await expectSkipped(run, `no previous snapshot: ${expected};`, kept, `no previous history: ${forHistory};`);
      expect(requests.filter((request) => request.server === 'elsewhere')).toEqual([]);
    });
  }

  it('skips a redirect without a Location', async () => {
    const kept = await existing();
    const run = await previousOf('/no-location', kept.out);
    const without = (file: string) => `GET ${site.url}/no-location/${file} answered 302 without a Location;`;
    await expectSkipped(run, `no previous snapshot: ${without('issues.json')}`, kept, `no previous history: ${without('history.json')}`);
  });

  it('follows an upgrade to https on the same host', async () => {
    const kept = await existing();
    const run = await previousOf('/to-https', kept.out);
    // The stand-in speaks no TLS: that the https request failed proves it was made.
    const https = (file: string) => `GET ${site.url.replace('http:', 'https:')}/final/${file}: connection failed (`;
    await expectSkipped(run, `no previous snapshot: ${https('issues.json')}`, kept, `no previous history: ${https('history.json')}`);
  });
});
