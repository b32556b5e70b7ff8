// `npm run previous` reads at most --max-bytes (200 MiB by default) of a site's answer, counted as the body
// arrives (after gzip is undone), so a hostile or broken site cannot make the nightly build hang or run out of memory.
//
// Peak memory is the child's high-water mark as Linux reports it (see runScript). A refused download must peak within
// 64 MiB of a run that downloads the small snapshot, far below what it was sent.
import type { ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existing, expectSkipped, expectUntouched, published, runPrevious, startSite, type Site } from './previous-site';
import type { FetchRun } from '../../tools/run-script';

const MiB = 1024 * 1024;
/** Whitespace after the JSON still parses: padding makes a valid snapshot of any size. */
const SPACES = Buffer.alloc(MiB, ' ');
const size = Buffer.byteLength(published);

/** Writes `published`, then whitespace until `total` bytes were sent (forever without one), minding backpressure. */
function pad(res: ServerResponse, total = Infinity): void {
  let sent = size;
  res.write(published);
  const more = () => {
    while (!res.destroyed && sent < total) {
      const chunk = SPACES.subarray(0, Math.min(SPACES.length, total - sent));
      sent += chunk.length;
      if (!res.write(chunk)) return;
    }
    if (sent >= total) res.end();
  };
  res.on('drain', more);
  more();
}

/** A gzip of `published` followed by `spaces` MiB of whitespace: a few hundred kB that inflate to that much. */
async function gzipBomb(spaces: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  gzip.write(published);
  for (let n = 0; n < spaces; n += 1) gzip.write(SPACES);
  gzip.end();
  await done;
  return Buffer.concat(chunks);
}

let site: Site;
let bomb: Buffer;
/** Peak memory of a run that downloads and writes the small snapshot. */
let baselineKb: number;

beforeAll(async () => {
  bomb = await gzipBomb(256);
  // What makes it a bomb: it arrives in fewer bytes than --max-bytes (1 MiB below), only what it inflates to is over.
  expect(bomb.length).toBeLessThan(MiB);
  site = await startSite((request, res) => {
    const json = { 'content-type': 'application/json' };
    switch (request.url) {
      case '/site/issues.json':
        return void res.writeHead(200, { ...json, 'content-length': String(size) }).end(published);
      case '/streamed/issues.json':
        // Headers without a Content-Length: Node sends the body chunked.
        return void res.writeHead(200, json).end(published);
      case '/declared-400mib/issues.json':
        res.writeHead(200, { ...json, 'content-length': String(400 * MiB) });
        return pad(res, 400 * MiB);
      case '/endless/issues.json':
        res.writeHead(200, json);
        return pad(res);
      case '/bomb/issues.json':
        return void res.writeHead(200, { ...json, 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb);
      default:
        res.writeHead(404).end();
    }
  });
  const baseline = await measured(['--out', (await existing()).out, '--from', `${site.url}/site`]);
  expect(baseline.run.code, baseline.run.stderr).toBe(0);
  baselineKb = baseline.rssKb;
});

afterAll(() => site.close());

/** Runs `npm run previous` and returns the run with its peak memory. */
async function measured(args: string[]): Promise<{ run: FetchRun; rssKb: number }> {
  const run = await runPrevious(args, {});
  if (run.peakRssKb === null) throw new Error('no peak memory: /proc cannot tell on this machine');
  return { run, rssKb: run.peakRssKb };
}

describe('npm run previous, sent too much', () => {
  it('reads a snapshot of exactly --max-bytes', async () => {
    const { out } = await existing();
    for (const path of ['/site', '/streamed']) {
      const run = await runPrevious(['--out', out, '--from', `${site.url}${path}`, '--max-bytes', String(size)]);
      expect(run.code, run.stderr).toBe(0);
      // This site publishes no history: its one line is all (the history's limits: previous-history.test.ts).
      expect(run.stderr).toMatch(/^warning: no previous history: GET \S+\/history\.json: 404 Not Found; [^\n]+\n$/);
      expect(await readFile(out, 'utf8')).toBe(published);
    }
  });

  it('refuses a Content-Length over --max-bytes before reading the body', async () => {
    const kept = await existing();
    const run = await runPrevious(['--out', kept.out, '--from', `${site.url}/site`, '--max-bytes', String(size - 1)]);
    await expectSkipped(run, `: GET ${site.url}/site/issues.json: Content-Length ${size} is over the limit of ${size - 1} bytes;`, kept);
  });

  it('counts a body sent without a Content-Length, and stops one byte over --max-bytes', async () => {
    const kept = await existing();
    const run = await runPrevious(['--out', kept.out, '--from', `${site.url}/streamed`, '--max-bytes', String(size - 1)]);
    await expectSkipped(run, `: GET ${site.url}/streamed/issues.json: the body is over the limit of ${size - 1} bytes;`, kept);
  });

  it('refuses a 400 MiB snapshot at once under the default limit of 200 MiB', async () => {
    const kept = await existing();
    const { run, rssKb } = await measured(['--out', kept.out, '--from', `${site.url}/declared-400mib`, '--timeout', '20']);
    const limit = 200 * MiB;
    await expectSkipped(run, `: GET ${site.url}/declared-400mib/issues.json: Content-Length ${400 * MiB} is over the limit of ${limit} bytes;`, kept);
    expect(run.ms).toBeLessThan(10_000);
    expect(rssKb).toBeLessThan(baselineKb + 64 * 1024);
  });

  it.each([
    ['an endless body at --max-bytes', 'endless'],
    ['a gzip bomb at --max-bytes of inflated bytes', 'bomb'],
  ])('stops %s, in bounded time and memory', async (_, path) => {
    const kept = await existing();
    const { run, rssKb } = await measured(['--out', kept.out, '--from', `${site.url}/${path}`, '--max-bytes', String(MiB), '--timeout', '5']);
    await expectSkipped(run, `: GET ${site.url}/${path}/issues.json: the body is over the limit of ${MiB} bytes;`, kept);
    expect(run.ms).toBeLessThan(10_000);
    expect(rssKb).toBeLessThan(baselineKb + 64 * 1024);
  });

  for (const value of ['0', '-5', '1.5', 'lots', '1e400']) {
    it(`stops on --max-bytes ${value} with exit 2, the reason and the usage line`, async () => {
      const kept = await existing();
      const run = await runPrevious(['--out', kept.out, `--max-bytes=${value}`, '--from', `${site.url}/site`]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^previous: --max-bytes must be a whole number of bytes ≥ 1\nusage: npm run previous -- .*--max-bytes N.*\n$/);
      await expectUntouched(kept);
    });
  }
});
