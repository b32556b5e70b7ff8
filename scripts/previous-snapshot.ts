// `npm run previous`: downloads the snapshot the site last published (<CI_PAGES_URL>/issues.json) to ISSUES_FILE,
// so that the following `npm run fetch` carries each item's firstSeenAt forward from it (what makes items "new")
// and its shrink guard compares against it; and the /health trend it published (<CI_PAGES_URL>/history.json) to
// HISTORY_FILE, which the build adds tonight's point to. A deploy job starts from a fresh clone, so this is its only
// memory. It never stops a build: without a usable file (after three attempts where another may help) it says why
// in one line, leaves that file alone and exits 0.
// Exit codes: 0 (written or skipped), 2 bad configuration or arguments.
import { ConfigError, loadConfig, readGitlabToken, type Config } from '../src/config';
import { HISTORY_MAX_BYTES, parseHistory } from '../src/lib/health/history-schema';
import { parsePreviousSnapshot } from '../src/lib/previous-snapshot-schema';
import { parseOptionValues, UsageError } from './fetch/arguments';
import { consoleOutput } from './fetch/output';
import { networkReason } from './fetch/requester';
import { MAX_TIMER_MS } from './fetch/timers';
import { writeFileAtomic } from './fetch/write-snapshot';

const USAGE =
  'usage: npm run previous -- [--from SITE_URL] [--out PATH] [--history-out PATH] [--timeout SECONDS] [--max-bytes N] [--max-history-bytes N]';

// The most a snapshot may weigh (--max-bytes). A 10,000-issue snapshot is about 7 MB; anything far beyond is a
// broken or hostile site, which must not fill the build's memory or disk.
const MAX_SNAPSHOT_BYTES = 200 * 1024 * 1024;

/**
 * Why there is no previous snapshot (or history) to use; reported, never fatal. `transient` when asking again may
 * help: no connection, no answer in time, or a 408, 429 or 5xx.
 */
class Skip extends Error {
  constructor(
    message: string,
    readonly transient = false,
  ) {
    super(message);
  }
}

// How often a download is tried, and the pauses between: a Pages hiccup must not start the /health trend anew (a
// history that cannot be read is replaced by one of tonight's point). At most ATTEMPTS x --timeout, plus 4 s.
const ATTEMPTS = 3;
const PAUSES_MS = [1000, 3000];
const TRANSIENT_STATUSES = new Set([408, 429]);
const isTransient = (status: number) => status >= 500 || TRANSIENT_STATUSES.has(status);

/** A published file's address under the site's URL, without any credentials in it (it is printed). */
function publishedUrl(siteUrl: string, file: 'issues.json' | 'history.json'): URL {
  let url: URL;
  try {
    url = new URL(file, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  } catch {
    throw new Skip('the site URL is not a URL');
  }
  if (!/^https?:$/.test(url.protocol)) throw new Skip('the site URL is not http(s)');
  url.username = '';
  url.password = '';
  return url;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * Where a redirect sends the download, when that is still the site: the same origin, or the same host upgraded from
 * http to https. Anywhere else (another host, port or scheme) would let whoever controls the redirect choose the
 * snapshot (or the trend) the build starts from.
 */
function redirectTarget(response: Response, from: URL): URL {
  const answered = `GET ${from.href} answered ${response.status}`;
  const location = response.headers.get('location');
  if (!location) throw new Skip(`${answered} without a Location`);
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw new Skip(`${answered} with a Location that is not a URL`);
  }
  to.username = '';
  to.password = '';
  const upgrade = from.protocol === 'http:' && to.protocol === 'https:' && to.host === from.host;
  if (to.origin !== from.origin && !upgrade) {
    throw new Skip(`${answered} to ${to.href}: not following a redirect to another origin`);
  }
  return to;
}

/**
 * The body, refused once it is over `maxBytes`: at once when its Content-Length says so, else as it arrives. fetch
 * undoes gzip and br by itself, so what is counted is what a small compressed answer inflates to.
 */
async function readBody(response: Response, url: URL, maxBytes: number): Promise<Uint8Array> {
  const over = `is over the limit of ${maxBytes} bytes`;
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new Skip(`GET ${url.href}: Content-Length ${declared} ${over}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop by the throw cancels the stream: nothing more is read or inflated.
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new Skip(`GET ${url.href}: the body ${over}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** The published file's bytes and the URL they came from; the timer covers every redirect, the headers and the body. */
async function download(
  start: URL,
  limits: { timeoutSeconds: number; maxBytes: number },
): Promise<{ url: URL; bytes: Uint8Array }> {
  const { timeoutSeconds, maxBytes } = limits;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.min(timeoutSeconds * 1000, MAX_TIMER_MS));
  let url = start;
  try {
    for (let redirects = 0; ; redirects += 1) {
      // By hand: fetch would follow up to 20 redirects to any origin.
      const response = await fetch(url, { signal: controller.signal, redirect: 'manual' });
      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel();
        const next = redirectTarget(response, url);
        if (redirects === MAX_REDIRECTS) {
          throw new Skip(`GET ${url.href} answered ${response.status} to ${next.href}: more than ${MAX_REDIRECTS} redirects`);
        }
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new Skip(`GET ${url.href}: ${response.status} ${response.statusText}`.trim(), isTransient(response.status));
      }
      return { url, bytes: await readBody(response, url, maxBytes) };
    }
  } catch (error) {
    if (error instanceof Skip) throw error;
    const reason = controller.signal.aborted ? `timed out after ${timeoutSeconds} s` : networkReason(error);
    throw new Skip(`GET ${url.href}: ${reason}`, true);
  } finally {
    clearTimeout(timer);
  }
}

/** download, tried again after a pause while it fails in a way that may pass (Skip.transient), ATTEMPTS times at most. */
async function downloadPatiently(start: URL, limits: { timeoutSeconds: number; maxBytes: number }): Promise<{ url: URL; bytes: Uint8Array }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await download(start, limits);
    } catch (error) {
      if (!(error instanceof Skip) || !error.transient) throw error;
      if (attempt === ATTEMPTS) throw new Skip(`${error.message} (${ATTEMPTS} attempts)`);
      await new Promise((resolve) => setTimeout(resolve, PAUSES_MS[attempt - 1]));
    }
  }
}

/** The text of a download, which must be UTF-8. */
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/**
 * A downloaded file, when the build's own check (`parse`) accepts it and it is of this GitLab instance and group;
 * else a Skip saying why in one line.
 */
function validated<T extends { source: { url: string; group: string } }>(
  bytes: Uint8Array,
  url: URL,
  source: { url: string; group: string },
  kind: 'snapshot' | 'history',
  parse: (text: string) => T,
): T {
  let file: T;
  try {
    file = parse(decode(bytes));
  } catch (error) {
    throw new Skip(`${url.href} is not a valid ${kind}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (file.source.url !== source.url || file.source.group !== source.group) {
    throw new Skip(`${url.href} is of ${file.source.group} of ${file.source.url}, not ${source.group} of ${source.url}`);
  }
  return file;
}

/** A whole number of bytes from 1 to `max`, or a UsageError naming the option. */
function byteCount(value: string | undefined, fallback: number, option: string, max = Number.MAX_SAFE_INTEGER): number {
  const bytes = Number(value ?? fallback);
  if (!Number.isSafeInteger(bytes) || bytes < 1 || bytes > max) {
    throw new UsageError(`${option} must be a whole number of bytes ≥ 1${max < Number.MAX_SAFE_INTEGER ? ` and ≤ ${max}` : ''}`);
  }
  return bytes;
}

function parseOptions(argv: string[]) {
  const values = parseOptionValues(argv, {
    from: { type: 'string' },
    out: { type: 'string' },
    'history-out': { type: 'string' },
    timeout: { type: 'string' },
    'max-bytes': { type: 'string' },
    'max-history-bytes': { type: 'string' },
  });
  const timeoutSeconds = Number(values.timeout ?? 30);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new UsageError('--timeout must be a finite number of seconds > 0');
  }
  const maxBytes = byteCount(values['max-bytes'], MAX_SNAPSHOT_BYTES, '--max-bytes');
  // No more than the build reads: a larger history would be downloaded only to be refused.
  const maxHistoryBytes = byteCount(values['max-history-bytes'], HISTORY_MAX_BYTES, '--max-history-bytes', HISTORY_MAX_BYTES);
  return { from: values.from, out: values.out, historyOut: values['history-out'], timeoutSeconds, maxBytes, maxHistoryBytes };
}

const NO_SITE = 'CI_PAGES_URL is not set and no --from was given';
type Options = ReturnType<typeof parseOptions>;
type Output = ReturnType<typeof consoleOutput>;

/** Downloads the published snapshot to `path` when it is usable; else one warning line. */
async function previousSnapshot(siteUrl: string | undefined, path: string, options: Options, config: Config, out: Output): Promise<void> {
  try {
    if (!siteUrl) throw new Skip(NO_SITE);
    const { url, bytes } = await downloadPatiently(publishedUrl(siteUrl, 'issues.json'), options);
    const snapshot = validated(bytes, url, { url: config.gitlabUrl, group: config.group }, 'snapshot', parsePreviousSnapshot);
    // The bytes as published: the fetch reads them exactly as the site was built from them.
    await writeFileAtomic(path, bytes).catch((error: Error) => {
      throw new Skip(error.message);
    });
    out.info(`previous: wrote ${path} from ${url.href} (${snapshot.issues.length} items of ${snapshot.generatedAt})`);
  } catch (error) {
    if (!(error instanceof Skip)) throw error;
    out.warn(`no previous snapshot: ${error.message}; nothing will be marked new`);
  }
}

/** Downloads the published /health trend to `path` when it is usable; else one warning line. */
async function previousHistory(siteUrl: string | undefined, path: string, options: Options, config: Config, out: Output): Promise<void> {
  try {
    if (!siteUrl) throw new Skip(NO_SITE);
    const limits = { timeoutSeconds: options.timeoutSeconds, maxBytes: options.maxHistoryBytes };
    const { url, bytes } = await downloadPatiently(publishedUrl(siteUrl, 'history.json'), limits);
    const history = validated(bytes, url, { url: config.gitlabUrl, group: config.group }, 'history', parseHistory);
    await writeFileAtomic(path, bytes).catch((error: Error) => {
      throw new Skip(error.message);
    });
    const { length } = history.points;
    const newest = length > 0 ? `, the newest of ${history.points[length - 1]!.at}` : '';
    out.info(`previous: wrote ${path} from ${url.href} (${length} ${length === 1 ? 'snapshot' : 'snapshots'}${newest})`);
  } catch (error) {
    if (!(error instanceof Skip)) throw error;
    out.warn(`no previous history: ${error.message}; the /health trend starts anew`);
  }
}

async function main(): Promise<number> {
  const out = consoleOutput([readGitlabToken()]);
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    out.error(`previous: ${error.message}\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    out.error(`previous: ${error.message}`);
    return 2;
  }
  const siteUrl = options.from ?? process.env.CI_PAGES_URL?.trim();
  await previousSnapshot(siteUrl, options.out ?? config.issuesFile, options, config, out);
  await previousHistory(siteUrl, options.historyOut ?? config.historyFile, options, config, out);
  return 0;
}

process.exitCode = await main();
