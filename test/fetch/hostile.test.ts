import type { ServerResponse } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateIssues, isListed } from '../../tools/gitlab-stand-in/generator';
import { page, useHostileServers, type Hostile } from './hostile-server';
import { filesIn, tempFolder } from './run-fetch';
import { runFetch, type FetchRun } from '../../tools/run-script';
import { SNAPSHOT_SCHEMA_VERSION, serializeSnapshot } from '../../src/lib/snapshot';

// Attacks on the fetch by a GitLab (or a proxy in front of it) that misbehaves on purpose. Each must end with exit 1
// and one line, in bounded time and memory, with the canary token kept home and the previous snapshot untouched.

const TOKEN = 'glpat-CANARY-hostile-7c3e9a1f2b';
const hostile = useHostileServers();
const issues = generateIssues({ count: 400, seed: 31 }).filter((issue) => isListed(issue));

/** A valid previous snapshot of `url` with no items: what the run must leave byte for byte when it fails. */
const previousOf = (url: string) =>
  serializeSnapshot({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: '2026-11-01T00:00:00.000Z',
    previousGeneratedAt: null,
    source: { url, group: 'gitlab-org', labels: ['co-create'] },
    groupContacts: [],
    issues: [],
    departed: [],
  });

/** Runs the fetch against `server` over a folder holding a previous snapshot, as a nightly run does. */
async function attack(server: Hostile, env: Record<string, string> = {}, args: string[] = []) {
  const folder = await tempFolder();
  const out = join(folder, 'issues.json');
  await writeFile(out, previousOf(server.url));
  const run = await runFetch(['--out', out, '--no-epics', '--backoff-ms', '20', ...args], {
    GITLAB_URL: server.url,
    GITLAB_TOKEN: TOKEN,
    CURATED_LABELS: 'co-create',
    // The attacks on the contacts file are their own (below); these servers answer every path with the attack.
    GROUP_CONTACTS: 'off',
    ...env,
  });
  return { run, folder, out, previous: previousOf(server.url) };
}

/** The run failed with exactly one line matching `line`, kept the token to itself and left the folder as it was. */
async function refused({ run, folder, out, previous }: { run: FetchRun; folder: string; out: string; previous: string }, line: RegExp) {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(line)]);
  expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN.slice(0, 12));
  expect(await readFile(out, 'utf8')).toBe(previous);
  expect(await filesIn(folder)).toEqual(['issues.json']);
}

describe('redirects', () => {
  it('never follows a redirect to another origin: the token does not reach it', async () => {
    const other = await hostile((_, res) => page(res, issues));
    const server = await hostile((_, res, url) => {
      res.writeHead(302, { location: `${other.url}${url.pathname}${url.search}` }).end();
    });
    const result = await attack(server);
    await refused(result, /^fetch failed: GET \/groups\/gitlab-org\/issues\?labels=co-create page 1: answered 302 to http:\/\/127\.0\.0\.1:\d+\/api\/v4\/.+: set GITLAB_URL to the final address$/);
    expect(other.received).toEqual([]);
  });

  it('follows a redirect within the same origin, with the token', async () => {
    const server = await hostile((_, res, url) => {
      if (url.pathname.startsWith('/api/')) return void res.writeHead(301, { location: `/moved${url.pathname}${url.search}` }).end();
      page(res, url.pathname.endsWith('/issues') ? issues.filter((issue) => issue.merge_requests_count === 0).slice(0, 20) : []);
    });
    const { run, out } = await attack(server);
    expect(run.code, run.stderr).toBe(0);
    expect(server.received.filter((r) => r.url.startsWith('/moved/')).every((r) => r.token === TOKEN)).toBe(true);
    expect(JSON.parse(await readFile(out, 'utf8')).issues.length).toBeGreaterThan(0);
  });

  it('sends a token over plain http only to this machine', async () => {
    const folder = await tempFolder();
    const run = await runFetch(['--out', join(folder, 'issues.json')], { GITLAB_URL: 'http://gitlab.example.invalid', GITLAB_TOKEN: TOKEN });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('fetch: GITLAB_TOKEN is sent only over https (or to this machine); GITLAB_URL is http://gitlab.example.invalid\n');
  });

  it('refuses credentials in GITLAB_URL at the start, without printing them', async () => {
    const server = await hostile((_, res) => page(res, []));
    const run = await runFetch(['--out', join(await tempFolder(), 'issues.json')], { GITLAB_URL: server.url.replace('//', '//user:s3cret-pw@') });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('fetch: invalid setting GITLAB_URL: must not contain credentials (put a token in GITLAB_TOKEN)\n');
    expect(server.received).toEqual([]);
  });
});

describe('paging that never ends', () => {
  const listing = (next: (n: number) => string, total?: string) =>
    hostile((_, res, url) => {
      const n = Number(url.searchParams.get('page') ?? '1');
      page(res, issues.slice(0, 100), { 'x-page': String(n), 'x-per-page': '100', 'x-next-page': next(n), ...(total ? { 'x-total-pages': total } : {}) });
    });

  it.each([
    ['back', (n: number) => String(n === 2 ? 1 : n + 1), /page 2: the next page is 1, not one ahead of it$/],
    ['at itself', (n: number) => String(n), /page 1: the next page is 1, not one ahead of it$/],
    ['below zero', () => '-4', /page 1: the next page is -4, not one ahead of it$/],
  ] as const)('refuses a next page that points %s', async (_, next, line) => {
    await refused(await attack(await listing(next)), new RegExp(`^fetch failed: GET /groups/gitlab-org/issues\\?labels=co-create&issue_type=issue ${line.source}`));
  });

  it('stops a next page forever after 1,000 pages', async () => {
    const server = await listing((n) => String(n + 1));
    const result = await attack(server);
    await refused(result, /^fetch failed: GET \/groups\/gitlab-org\/issues\?labels=co-create&issue_type=issue: more than 1000 pages; refusing to page on/);
    expect(server.received.length).toBe(1000);
  }, 120_000);

  it('refuses a total of a billion pages at once', async () => {
    const server = await listing(() => '2', '1000000000');
    await refused(await attack(server), /: GitLab reports 1000000000 pages, more than the 1000 a listing may take$/);
    expect(server.received.length).toBe(1);
  });

  it('refuses a page with more items than asked for', async () => {
    const server = await hostile((_, res) => page(res, [...issues, ...issues].slice(0, 150)));
    await refused(await attack(server), /page 1: 150 items on a page of 100$/);
  });
});

describe('bodies without end', () => {
  it('stops reading an endless body at 20 MB, in bounded time and memory, without retrying', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const server = await hostile((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const pump = () => {
        while (res.write(chunk));
        res.once('drain', pump);
      };
      res.write('[');
      pump();
    });
    const result = await attack(server);
    await refused(result, /page 1: the body passed 20 MB, the most allowed; stopped reading$/);
    expect(server.received).toHaveLength(1);
    expect(result.run.ms).toBeLessThan(20_000);
    expect(result.run.peakRssKb).toBeLessThan(400 * 1024);
  });

  it('counts a gzip bomb by what it inflates to', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const server = await hostile((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    const result = await attack(server);
    await refused(result, /page 1: the body passed 20 MB, the most allowed; stopped reading$/);
    expect(result.run.peakRssKb).toBeLessThan(400 * 1024);
  });

  it('refuses a Content-Length above the cap before reading', async () => {
    const server = await hostile((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 ** 3) });
      res.write('[');
    });
    await refused(await attack(server), /page 1: the body is 10240 MB \(Content-Length\), more than the 20 MB allowed$/);
  });
});

describe('the contacts file', () => {
  // A server that lists a few issues and answers the contacts file with `attack`: the run must succeed without
  // contacts, with one warning line, the token kept home.
  const contactsAttack = async (answer: (res: ServerResponse) => void) => {
    const server = await hostile((_, res, url) => {
      if (url.pathname.endsWith('/raw')) return answer(res);
      page(res, url.pathname.endsWith('/issues') ? issues.filter((issue) => issue.merge_requests_count === 0).slice(0, 20) : []);
    });
    const result = await attack(server, { GROUP_CONTACTS: 'gitlab-com/www-gitlab-com:data/stages.yml' });
    expect(result.run.code, result.run.stderr).toBe(0);
    const lines = result.run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(`${result.run.stdout}${result.run.stderr}`).not.toContain(TOKEN.slice(0, 12));
    const written = JSON.parse(await readFile(result.out, 'utf8'));
    expect(written.groupContacts).toEqual([]);
    expect(written.issues.length).toBeGreaterThan(0);
    return { line: lines[0]!, server };
  };

  it('does not follow it to another origin, and the token does not go there', async () => {
    const other = await hostile((_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('stages: {}'));
    const { line } = await contactsAttack((res) => res.writeHead(302, { location: `${other.url}/stages.yml` }).end());
    expect(line).toMatch(/^warning: group contacts left out: GET .*\/raw page 1: answered 302 to http:\/\/127\.0\.0\.1:\d+\/stages\.yml/);
    expect(other.received).toEqual([]);
  });

  it('stops an endless file at 20 MB', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const { line } = await contactsAttack((res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      const pump = () => {
        while (res.write(chunk));
        res.once('drain', pump);
      };
      pump();
    });
    expect(line).toMatch(/^warning: group contacts left out: .*the body passed 20 MB, the most allowed; stopped reading$/);
  });

  it('refuses YAML whose aliases would blow up', async () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let level = 1; level < 9; level += 1) bomb.push(`l${level}: &l${level} [${Array(10).fill(level === 1 ? '*a' : `*l${level - 1}`).join(',')}]`);
    const { line } = await contactsAttack((res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(`${bomb.join('\n')}\nstages: {}`));
    expect(line).toMatch(/^warning: group contacts left out: gitlab-com\/www-gitlab-com:data\/stages\.yml cannot be read: not YAML \(.*alias/i);
  });
});

describe('waits', () => {
  it('refuses at once a rate-limit pause of a day instead of announcing it', async () => {
    const reset = Math.floor(Date.now() / 1000) + 86_400;
    const server = await hostile((_, res) => page(res, issues.slice(0, 100), { 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset), 'x-next-page': '2', 'x-total-pages': '3' }));
    const result = await attack(server);
    await refused(result, /rate limit used up; waiting 86\d{3} s for it would pass the 600 s wait budget$/);
    expect(result.run.ms).toBeLessThan(15_000);
  });

  it('refuses at once a Retry-After of a year', async () => {
    const server = await hostile((_, res) => res.writeHead(429, { 'retry-after': String(365 * 86_400) }).end());
    const result = await attack(server);
    await refused(result, /429 Too Many Requests; waiting 31536000 s more would pass the 600 s wait budget$/);
    expect(result.run.ms).toBeLessThan(15_000);
  });

  it.each(['NaN', 'Infinity', '0', '-1', '1e309', '3000000'])('refuses --timeout %s with one usage line', async (value) => {
    const run = await runFetch([`--timeout=${value}`], {});
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('fetch: --timeout must be a whole number from 1 to 2147483');
  });
});

describe('the token stays home', () => {
  it('redacts the token before a long message is cut, so no part of it shows', async () => {
    const server = await hostile((_, res) => {
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `${'x'.repeat(985)} ${TOKEN} is not allowed` }));
    });
    const result = await attack(server);
    await refused(result, /^fetch failed: GET .+ page 1: 403 x+…$/);
    expect(result.run.stderr).not.toContain(TOKEN.slice(0, 6));
  });

  it('fails the run when the token appears in the issues GitLab returns, writing nothing', async () => {
    const leaked = { ...issues[0]!, merge_requests_count: 0, description: `Use this token: ${TOKEN}` };
    const server = await hostile((_, res, url) => page(res, url.pathname.endsWith('/issues') ? [leaked] : []));
    await refused(await attack(server), new RegExp(`^fetch failed: the token appears in GitLab's data \\(${leaked.references.full}\\); nothing written: revoke the token$`));
  });
});

describe('the target folder', () => {
  it('removes temporary files a killed run left, and checks the folder can be written before asking GitLab', async () => {
    const server = await hostile((_, res, url) => page(res, url.pathname.endsWith('/issues') ? issues.filter((i) => i.merge_requests_count === 0).slice(0, 5) : []));
    const folder = await tempFolder();
    await writeFile(join(folder, '.issues.json.0123456789ab.tmp'), 'half a snapshot');
    const ok = await runFetch(['--out', join(folder, 'issues.json'), '--no-epics'], { GITLAB_URL: server.url });
    expect(ok.code, ok.stderr).toBe(0);
    expect(await filesIn(folder)).toEqual(['issues.json']);

    const asked = server.received.length;
    const blocked = join(folder, 'issues.json', 'nested.json');
    const run = await runFetch(['--out', blocked, '--no-epics'], { GITLAB_URL: server.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^fetch failed: cannot write ${blocked}: .+ \\((ENOTDIR|EEXIST)\\)\\n$`));
    expect(server.received.length).toBe(asked);
  });

  it('fails with one line, not a V8 dump, when GitLab sends more than the heap holds', async () => {
    const big = issues.slice(0, 100).map((issue, n) => ({ ...issue, id: n + 1, merge_requests_count: 0, description: `${'word '.repeat(8_000)}${n}` }));
    const server = await hostile((_, res, url) => {
      const n = Number(url.searchParams.get('page') ?? '1');
      page(res, big.map((issue) => ({ ...issue, id: issue.id + n * 1000 })), { 'x-next-page': String(n + 1) });
    });
    const result = await attack(server, { NODE_OPTIONS: '--max-old-space-size=192' });
    await refused(result, /^fetch failed: out of memory: \d+ of \d+ MB heap used after \d+ items read; GitLab sent far more than expected$/);
  }, 120_000);
});
