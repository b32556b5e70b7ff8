// `npm run previous` follows redirects by hand, only on the site's own origin and at most 5 times: a Pages domain
// or a proxy that sends it elsewhere must not choose the snapshot the nightly build starts from.
import type { IncomingMessage } from 'node:http';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existing, expectSkipped, published, runPrevious, snapshot, startSite, type Site } from './previous-site';
import { serializeSnapshot } from '../../src/lib/snapshot';

const TOKEN = 'glpat-CANARY-redirect-77c1';

/** Every request either server received, to prove which were never made and that no token travelled. */
const requests: Array<{ server: 'site' | 'elsewhere'; url: string; headers: IncomingMessage['headers'] }> = [];
let site: Site;
/** Another origin: the same host on another port. It serves a valid snapshot, which must never be read. */
let elsewhere: Site;

/** Where each path of the site redirects to, with which status; a function gets the site's and elsewhere's URLs. */
const redirects: Record<string, [status: number, location: (site: string, elsewhere: string) => string]> = {
  '/relative/issues.json': [302, () => '/absolute/issues.json'],
  '/absolute/issues.json': [301, (s) => `${s}/final/issues.json`],
  '/away/issues.json': [302, (_, e) => `${e}/issues.json`],
  '/hop-then-away/issues.json': [307, () => '/away/issues.json'],
  '/by-name/issues.json': [308, (s) => s.replace('127.0.0.1', 'localhost') + '/final/issues.json'],
  '/to-file/issues.json': [302, () => 'file:///etc/passwd'],
  '/to-https/issues.json': [303, (s) => `${s.replace('http:', 'https:')}/final/issues.json`],
};

beforeAll(async () => {
  elsewhere = await startSite((request, res) => {
    requests.push({ server: 'elsewhere', url: request.url ?? '', headers: request.headers });
    const foreign = serializeSnapshot({ ...snapshot, generatedAt: '2030-01-01T00:00:00.000Z' });
    res.writeHead(200, { 'content-type': 'application/json' }).end(foreign);
  });
  site = await startSite((request, res) => {
    const path = request.url ?? '';
    requests.push({ server: 'site', url: path, headers: request.headers });
    if (path === '/final/issues.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(published);
    if (path === '/no-location/issues.json') return void res.writeHead(302).end();
    // /chain-N/issues.json sends on to chain-(N-1) until chain-0, which serves the snapshot; /loop never ends.
    const chain = /^\/chain-(\d+)\//.exec(path);
    if (chain) {
      const left = Number(chain[1]);
      if (left === 0) return void res.writeHead(200, { 'content-type': 'application/json' }).end(published);
      return void res.writeHead(302, { location: `/chain-${left - 1}/issues.json` }).end();
    }
    const loop = /^\/loop\/issues\.json\??(\d*)$/.exec(path);
    if (loop) return void res.writeHead(302, { location: `/loop/issues.json?${Number(loop[1]) + 1}` }).end();
    const redirect = redirects[path];
    if (!redirect) return void res.writeHead(404).end();
    res.writeHead(redirect[0], { location: redirect[1](site.url, elsewhere.url) }).end('<p>Moved</p>');
  });
});

afterAll(async () => {
  await Promise.all([site.close(), elsewhere.close()]);
});

/** Runs `npm run previous` for the site's `path`, with a token in the environment that must stay home. */
async function previousOf(path: string, out: string) {
  requests.length = 0;
  const run = await runPrevious(['--out', out, '--from', `${site.url}${path}`], { GITLAB_TOKEN: TOKEN });
  expect(JSON.stringify(requests)).not.toContain('CANARY');
  return run;
}

describe('npm run previous, redirected', () => {
  it('follows redirects on the site, relative or absolute, and names the URL it read', async () => {
    const { out } = await existing();
    const run = await previousOf('/relative', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const items = `${snapshot.issues.length} items of ${snapshot.generatedAt}`;
    expect(run.stdout).toBe(`previous: wrote ${out} from ${site.url}/final/issues.json (${items})\n`);
    expect(await readFile(out, 'utf8')).toBe(published);
  });

  it('follows 5 redirects', async () => {
    const { out } = await existing();
    const run = await previousOf('/chain-5', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(` from ${site.url}/chain-0/issues\\.json \\(`));
    expect(requests).toHaveLength(6);
  });

  it('does not follow a sixth, and says so in one line', async () => {
    const kept = await existing();
    const run = await previousOf('/loop', kept.out);
    const loop = `${site.url}/loop/issues.json`;
    await expectSkipped(run, `no previous snapshot: GET ${loop}?5 answered 302 to ${loop}?6: more than 5 redirects;`, kept);
    expect(requests).toHaveLength(6);
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
      await expectSkipped(run, `no previous snapshot: ${expected};`, kept);
      expect(requests.filter((request) => request.server === 'elsewhere')).toEqual([]);
    });
  }

  it('skips a redirect without a Location', async () => {
    const kept = await existing();
    const run = await previousOf('/no-location', kept.out);
    await expectSkipped(run, `no previous snapshot: GET ${site.url}/no-location/issues.json answered 302 without a Location;`, kept);
  });

  it('follows an upgrade to https on the same host', async () => {
    const kept = await existing();
    const run = await previousOf('/to-https', kept.out);
    // The stand-in speaks no TLS: that the https request failed proves it was made.
    const https = `GET ${site.url.replace('http:', 'https:')}/final/issues.json: connection failed`;
    await expectSkipped(run, `no previous snapshot: ${https} (`, kept);
  });
});
