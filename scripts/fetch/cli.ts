// `npm run fetch`: pulls the curated issues from GitLab into the snapshot the site is built from.
// Exit codes: 0 written, 1 fetch failed, 2 bad configuration or arguments, 3 refused by the shrink guard.
import { Gitlab } from '@gitbeaker/rest';
import { setMaxListeners } from 'node:events';
import { ConfigError, loadConfig, readGitlabToken } from '../../src/config';
import { DEPARTED_REASONS } from '../../src/lib/departed-reasons';
import { serializeSnapshot } from '../../src/lib/snapshot';
import { parseOptionValues, UsageError } from './arguments';
import { assembleSnapshot, isSameSource } from './assemble';
import { collectCuratedIssues } from './collect';
import { DEPARTED_LOOKUPS_MAX, explainDepartures, goneItems } from './departed';
import { createDigester } from './digest';
import { fetchGroupContacts } from './group-contacts';
import { consoleOutput } from './output';
import { createLimiter } from './paging';
import { isLoopback } from './redirects';
import { createRetryingRequester, DEFAULT_RETRY_POLICY, type RequestStats } from './requester';
import { secretIn } from './secret-in-data';
import { MAX_TIMER_MS } from './timers';
import { prepareTarget, readPreviousSnapshot, shrinkRefusal, writeFileAtomic } from './write-snapshot';

const USAGE = `usage: npm run fetch -- [--out PATH] [--allow-shrink] [--no-epics] [--concurrency N] [--timeout SECONDS] [--retries N] [--backoff-ms MS]`;

// Pages in flight at once when GitLab reports totals. A 5,000-issue list is about 60 pages, far under any
// per-minute limit; the requester still pauses when RateLimit-Remaining runs out. Against the stand-in with 150 ms
// latency, 16 took a warm fetch from 2.7 s (8) to 2.2 s with no 429 (npm run bench).
const DEFAULT_CONCURRENCY = 16;

function positiveInt(name: string, value: string | undefined, fallback: number, min = 1, max = 1_000_000): number {
  if (value === undefined) return fallback;
  const number = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return number;
}

// A timer cannot wait longer than MAX_TIMER_MS; a per-request timeout of days would mean no timeout at all.
const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

function parseOptions(argv: string[]) {
  const values = parseOptionValues(
    argv,
    {
      out: { type: 'string' },
      'allow-shrink': { type: 'boolean', default: false },
      'no-epics': { type: 'boolean', default: false },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      'backoff-ms': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    USAGE,
  );
  return {
    out: values.out,
    allowShrink: values['allow-shrink'],
    epics: !values['no-epics'],
    help: values.help,
    concurrency: positiveInt('concurrency', values.concurrency, DEFAULT_CONCURRENCY),
    policy: {
      ...DEFAULT_RETRY_POLICY,
      requestTimeoutMs: positiveInt('timeout', values.timeout, DEFAULT_RETRY_POLICY.requestTimeoutMs / 1000, 1, MAX_TIMEOUT_SECONDS) * 1000,
      maxAttempts: positiveInt('retries', values.retries, DEFAULT_RETRY_POLICY.maxAttempts - 1, 0, 20) + 1,
      baseDelayMs: positiveInt('backoff-ms', values['backoff-ms'], DEFAULT_RETRY_POLICY.baseDelayMs, 0, DEFAULT_RETRY_POLICY.maxDelayMs),
    },
  };
}

/** The snapshot's timestamp: SOURCE_DATE_EPOCH when set (reproducible output), else now. */
function generatedAt(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date().toISOString();
  if (!/^\d+$/.test(epoch)) throw new ConfigError('invalid setting SOURCE_DATE_EPOCH: must be unix seconds');
  return new Date(Number(epoch) * 1000).toISOString();
}

async function main(): Promise<number> {
  const token = readGitlabToken();
  const out = consoleOutput([token]);
  const started = performance.now();
  const controller = new AbortController();
  // Each request in flight and each wait listens for the run's abort, up to --concurrency of them at once: more
  // than the 10 after which Node warns of a leak.
  setMaxListeners(Infinity, controller.signal);
  try {
    const options = parseOptions(process.argv.slice(2));
    if (options.help) {
      out.info(USAGE);
      return 0;
    }
    const config = loadConfig();
    const instance = new URL(config.gitlabUrl);
    if (token && instance.protocol === 'http:' && !isLoopback(instance.hostname)) {
      throw new ConfigError(`GITLAB_TOKEN is sent only over https (or to this machine); GITLAB_URL is ${instance.origin}`);
    }
    const path = options.out ?? config.issuesFile;
    // Before any request: a run that cannot write its result should not spend ten minutes finding out.
    await prepareTarget(path);
    const timestamp = generatedAt(process.env);
    const stats: RequestStats = { requests: 0, retries: 0, rateLimitWaitMs: 0, totalWaitMs: 0 };
    const requesterFn = createRetryingRequester({
      policy: options.policy,
      stats,
      log: (line) => out.warn(line),
      signal: controller.signal,
    });
    const api = new Gitlab({
      host: config.gitlabUrl,
      ...(token ? { token } : {}),
      requesterFn,
      // gitbeaker's queryTimeout spans a whole paginated call; the requester times each request instead.
      queryTimeout: null,
    });
    // Read first: the previous snapshot guards against shrinking and says since when each item is listed; nothing
    // else is taken from it (it comes from the published site, see digest.ts).
    const previous = await readPreviousSnapshot(path);
    if (previous && 'invalid' in previous) out.warn(`ignoring the unreadable previous snapshot at ${path}: ${previous.invalid}`);
    const usable = previous && !('invalid' in previous) ? previous : undefined;
    const digester = createDigester();
    // Read beside the issues. It only adds names to cards: a failure is one warning, never a failed fetch.
    const contactsFile = config.groupContacts;
    const contacts = contactsFile
      ? fetchGroupContacts(api, contactsFile).catch((error: Error) => {
          if (!controller.signal.aborted) out.warn(`group contacts left out: ${error.message.split('\n')[0]}`);
          return undefined;
        })
      : Promise.resolve(undefined);
    out.info(`fetching ${config.curatedLabels.map((l) => `"${l}"`).join(', ')} items of ${config.group} from ${config.gitlabUrl}`);
    // One limiter for every request: the bound is on requests to GitLab, whatever they ask for.
    const limit = createLimiter(options.concurrency);
    const collected = await collectCuratedIssues({
      api,
      gitlabUrl: config.gitlabUrl,
      group: config.group,
      curatedLabels: config.curatedLabels,
      itemTypes: config.itemTypes,
      epics: options.epics,
      limit,
      digester,
      progress: (line) => out.progress(line),
      warn: (line) => out.warn(line),
      signal: controller.signal,
    });
    // Before asking why items left: a list that shrank by half is refused whatever the reasons.
    if (usable && !options.allowShrink) {
      const refusal = shrinkRefusal(usable.issues.length, collected.issues.length);
      if (refusal) {
        out.error(`fetch refused: ${refusal}; ${path} is unchanged`);
        return 3;
      }
    }
    // Only the kinds listed tonight can have left: epics GitLab refused tonight were not looked at.
    const kinds = new Set([...config.itemTypes, ...(typeof collected.epics === 'number' ? ['epic' as const] : [])]);
    const gone = isSameSource(usable, { url: config.gitlabUrl, group: config.group }) ? goneItems(usable.issues, collected.issues, kinds) : [];
    const departed = await explainDepartures({
      api,
      limit,
      gone,
      context: { gitlabUrl: config.gitlabUrl, curatedLabels: config.curatedLabels, generatedAt: timestamp, previousGeneratedAt: usable?.generatedAt ?? timestamp },
      warn: (line) => out.warn(line),
      signal: controller.signal,
    });
    const contactsByGroup = await contacts;
    const snapshot = assembleSnapshot({
      source: { url: config.gitlabUrl, group: config.group, labels: config.curatedLabels },
      generatedAt: timestamp,
      previous: usable,
      items: collected.issues,
      contacts: contactsByGroup ?? new Map(),
      departed,
    });
    const text = serializeSnapshot(snapshot);
    // Whatever the snapshot holds is published: a token GitLab echoed into an issue must not be.
    const leak = token ? secretIn(snapshot, token) : undefined;
    if (leak) throw new Error(`the token appears in GitLab's data (${leak}); nothing written: revoke the token`);
    await writeFileAtomic(path, text);

    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const count = (kind: string) => snapshot.issues.filter((item) => item.kind === kind).length;
    const tasks = config.itemTypes.includes('task') ? ` and ${count('task')} tasks` : '';
    out.info(`fetched ${count('issue')} unique issues${tasks} in ${seconds(performance.now() - started)}`);
    for (const [label, n] of Object.entries(collected.perLabel)) out.info(`  ${label}: ${n}`);
    if (typeof collected.epics === 'number') out.info(`  epics: ${collected.epics}`);
    else if (collected.epics) {
      out.info(`  epics: not available from ${config.group} (${collected.epics.unavailable}); listing issues only`);
    }
    const dropped = Object.entries(collected.dropped).sort(([, a], [, b]) => b - a);
    if (dropped.length > 0) {
      out.info(`  dropped ${dropped.map(([what, n]) => `${n} ${n === 1 ? what : `${what}s`}`).join(', ')} the API returned`);
    }
    if (collected.invalid.count > 0) {
      out.info(`  left out ${collected.invalid.count} of ${collected.invalid.of} items that failed validation (see the warnings)`);
    }
    const { issues: asked, open } = collected.mergeRequests;
    out.info(`  open merge requests: ${open}, looked up for ${asked} issues that GitLab links to any`);
    out.info(`  descriptions parsed: ${digester.parsed}`);
    if (gone.length > 0) {
      const over = gone.length > DEPARTED_LOOKUPS_MAX ? ` (asked about the first ${DEPARTED_LOOKUPS_MAX}; the rest: unknown)` : '';
      const why = DEPARTED_REASONS.map((reason) => [reason, departed.filter((entry) => entry.reason === reason).length] as const);
      out.info(`  left the list: ${gone.length}${over}: ${why.filter(([, n]) => n > 0).map(([reason, n]) => `${reason} ${n}`).join(', ')}`);
    }
    if (contactsFile && contactsByGroup) {
      const groups = new Set(snapshot.issues.map((item) => item.group).filter((group) => group !== null)).size;
      out.info(`  group contacts: ${snapshot.groupContacts.length} of ${groups} groups named in ${contactsFile.project}:${contactsFile.file}`);
    }
    out.info(`  requests: ${stats.requests}, retries: ${stats.retries}, waited for rate limits: ${seconds(stats.rateLimitWaitMs)}`);
    out.info(`wrote ${path} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB)`);
    return 0;
  } catch (error) {
    controller.abort(error);
    const message = (error as Error)?.message?.split('\n') ?? [String(error)];
    if (error instanceof UsageError || error instanceof ConfigError) {
      out.error(`fetch: ${message.join('\n')}`);
      return 2;
    }
    out.error(`fetch failed: ${message[0]}`);
    if (process.env.DEBUG === '1') for (const line of String((error as Error)?.stack ?? error).split('\n')) out.error(line);
    return 1;
  }
}

process.exitCode = await main();
