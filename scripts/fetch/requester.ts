import { createRequesterFn, type ResourceOptions, type RequesterType } from '@gitbeaker/requester-utils';
import { BodyTooLarge, MAX_PAGE_BYTES, readBoundedText } from './bounded-body';
import { MAX_REDIRECTS, redirectTarget } from './redirects';
import { MAX_TIMER_MS, sleep } from './timers';

/** How hard the fetch tries before it gives up on one request. */
export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Per-request timeout, covering the headers and the whole body. */
  requestTimeoutMs: number;
  /** First backoff delay for 5xx and network errors; doubles each attempt, with jitter. */
  baseDelayMs: number;
  /**
   * First wait after a 429 that says neither Retry-After nor RateLimit-Reset (gitlab.com sends such); doubles each
   * attempt up to maxDelayMs, so that GitLab's one-minute window has passed before a request gives up.
   */
  rateLimitDelayMs: number;
  maxDelayMs: number;
  /** Total time one run may spend waiting (backoff and rate limits together) before it fails. */
  maxTotalWaitMs: number;
  /** The most one response body may hold after decompression. */
  maxBodyBytes: number;
}

/** Defaults sized for gitlab.com: survives a minute-long rate-limit window and a few minutes of 5xx. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  requestTimeoutMs: 30_000,
  baseDelayMs: 1_000,
  rateLimitDelayMs: 15_000,
  maxDelayMs: 60_000,
  maxTotalWaitMs: 10 * 60_000,
  maxBodyBytes: MAX_PAGE_BYTES,
};

// An error body is read only for GitLab's message.
const MAX_ERROR_BYTES = 64 * 1024;

/** Counters a run reports in its summary. */
export interface RequestStats {
  requests: number;
  retries: number;
  rateLimitWaitMs: number;
  totalWaitMs: number;
}

/** A request that could not be completed; the message is one line, e.g. "GET /groups/x/issues page 3: 503 after 6 attempts". */
export class RequestFailure extends Error {
  override name = 'RequestFailure';

  constructor(
    where: string,
    /** Why, e.g. "403 Forbidden"; without the request. */
    readonly reason: string,
    /** The status of a refusal that is not retried (401, 403, 404, …); null when retries ran out. */
    readonly status: number | null = null,
  ) {
    super(`${where}: ${reason}`);
  }
}

interface RequesterOptions {
  policy: RetryPolicy;
  stats: RequestStats;
  /** Receives one line per retry. */
  log: (line: string) => void;
  /** Aborted when the run gives up, so requests in flight and waits end at once. */
  signal: AbortSignal;
  random?: () => number;
}

type Outcome =
  | { kind: 'ok'; value: { body: unknown; headers: Record<string, string>; status: number } }
  | { kind: 'retry'; reason: string; waitMs?: number; rateLimited?: boolean }
  | { kind: 'fail'; reason: string; status: number };

const RETRIED_STATUSES = new Set([500, 502, 503, 504]);

/** "GET /groups/gitlab-org/issues?labels=quick win page 3": what a person needs to find the failing request. */
export function describeRequest(method: string, url: URL): string {
  const apiPath = decodeURIComponent(url.pathname.replace(/^.*?\/api\/v4/, ''));
  const labels = url.searchParams.get('labels');
  const page = url.searchParams.get('page') ?? '1';
  return `${method} ${apiPath}${labels ? `?labels=${labels}` : ''} page ${page}`;
}

/**
 * Milliseconds GitLab asks us to wait: Retry-After (seconds or HTTP date), else RateLimit-Reset (unix seconds);
 * undefined when neither says a wait above zero (missing, zero, negative, in the past): then the backoff decides.
 */
export function rateLimitWaitMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const wait = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
    if (wait > 0) return wait;
  }
  const reset = Number(headers.get('ratelimit-reset'));
  if (Number.isFinite(reset) && reset * 1000 > now) return reset * 1000 - now;
  return undefined;
}

/** "connection failed (ECONNREFUSED)": why fetch() threw, in a few words. */
export function networkReason(error: unknown): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(error);
  return `connection failed (${code})`;
}

/** "503 Service Unavailable": the status with GitLab's message, which often repeats the status already. */
async function statusLine(response: Response): Promise<string> {
  const message = await gitlabMessage(response);
  return message.startsWith(String(response.status)) ? message : `${response.status} ${message}`.trim();
}

// Not cut here: the output redacts the token first and only then shortens the line (a cut token would not redact).
async function gitlabMessage(response: Response): Promise<string> {
  const text = await readBoundedText(response, MAX_ERROR_BYTES).catch(() => '');
  try {
    const data = JSON.parse(text) as { message?: unknown; error?: unknown };
    const message = data?.message ?? data?.error;
    if (typeof message === 'string') return message.replace(/\s+/g, ' ');
  } catch {
    // Not JSON: the status text says enough.
  }
  return response.statusText;
}

/** A gitbeaker requesterFn whose requests survive a real GitLab: rate limits, 5xx, resets, hangs, cut bodies. */
export function createRetryingRequester(options: RequesterOptions): (resourceOptions: ResourceOptions) => RequesterType {
  const { policy, stats, log, signal } = options;
  const random = options.random ?? Math.random;
  // Pacing from GitLab's RateLimit-* headers, so that a long fetch slows down before it is refused.
  const window = { remaining: Infinity, resetAt: 0, inFlight: 0 };
  // A rate limit holds for the whole client: no request starts before `until`. Only the time it adds counts against
  // the wait budget, so sixteen requests waiting out one window count as one wait.
  const pause = { until: 0 };

  function overBudget(ms: number): boolean {
    return stats.totalWaitMs + ms > policy.maxTotalWaitMs;
  }

  async function wait(ms: number): Promise<void> {
    stats.totalWaitMs += ms;
    await sleep(ms, signal);
  }

  /** Holds every request until `ms` from now (or later, when a pause already runs longer). */
  function pauseAll(ms: number): void {
    const now = Date.now();
    const until = now + ms;
    if (until <= pause.until) return;
    const added = until - Math.max(now, pause.until);
    stats.totalWaitMs += added;
    stats.rateLimitWaitMs += added;
    pause.until = until;
  }

  async function paused(): Promise<void> {
    const ms = pause.until - Date.now();
    if (ms > 0) await sleep(ms, signal);
  }

  async function attempt(url: URL, init: RequestInit): Promise<Outcome> {
    stats.requests += 1;
    window.inFlight += 1;
    // One controller per attempt, aborted by its own timer or by the run: composing AbortSignal.timeout() with
    // AbortSignal.any() does not reliably fire on Node 20. The timer covers the headers and the whole body.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('request timed out', 'TimeoutError')),
      Math.min(policy.requestTimeoutMs, MAX_TIMER_MS),
    );
    const onRunAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onRunAbort, { once: true });
    try {
      // The signal goes to fetch() itself, not through a Request object: undici follows a Request's signal by a
      // weak reference, so once that Request is garbage-collected an abort would never reach a hung request.
      // Redirects are followed by hand, never by fetch(): it would take the token to any host it is sent to.
      let response = await fetch(url, { ...init, redirect: 'manual', signal: controller.signal });
      for (let hops = 0; response.status >= 300 && response.status < 400; hops += 1) {
        await response.body?.cancel();
        const target = redirectTarget(new URL(response.url || url), response.headers.get('location'));
        if ('refused' in target) return { kind: 'fail', reason: `answered ${response.status} ${target.refused}`, status: response.status };
        if (hops >= MAX_REDIRECTS) return { kind: 'fail', reason: `more than ${MAX_REDIRECTS} redirects`, status: response.status };
        response = await fetch(target, { ...init, redirect: 'manual', signal: controller.signal });
      }
      const remaining = Number(response.headers.get('ratelimit-remaining'));
      const reset = Number(response.headers.get('ratelimit-reset'));
      if (response.headers.has('ratelimit-remaining') && Number.isFinite(remaining)) window.remaining = remaining;
      if (Number.isFinite(reset) && reset > 0) window.resetAt = reset * 1000;
      if (response.status === 429) {
        await response.body?.cancel();
        return { kind: 'retry', reason: '429 Too Many Requests', waitMs: rateLimitWaitMs(response.headers), rateLimited: true };
      }
      if (RETRIED_STATUSES.has(response.status)) {
        return { kind: 'retry', reason: await statusLine(response) };
      }
      if (!response.ok) return { kind: 'fail', reason: await statusLine(response), status: response.status };
      const text = await readBoundedText(response, policy.maxBodyBytes);
      const headers = Object.fromEntries(response.headers.entries());
      // A file read through the raw-file API comes as plain text; every other answer is JSON.
      if (/^text\/plain\b/i.test(headers['content-type'] ?? '')) return { kind: 'ok', value: { body: text, headers, status: response.status } };
      try {
        return { kind: 'ok', value: { body: JSON.parse(text), headers, status: response.status } };
      } catch {
        return { kind: 'retry', reason: `truncated or invalid JSON body (${text.length} bytes)` };
      }
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (error instanceof BodyTooLarge) return { kind: 'fail', reason: error.message, status: 200 };
      return { kind: 'retry', reason: controller.signal.aborted ? 'timed out' : networkReason(error) };
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onRunAbort);
      window.inFlight -= 1;
    }
  }

  async function handle(endpoint: string, requestOptions?: Record<string, unknown>) {
    const { prefixUrl, searchParams, method = 'GET', headers } = (requestOptions ?? {}) as {
      prefixUrl?: string;
      searchParams?: string;
      method?: string;
      headers?: Record<string, string>;
    };
    const url = new URL(endpoint, prefixUrl?.endsWith('/') ? prefixUrl : `${prefixUrl}/`);
    url.search = searchParams ?? '';
    const where = describeRequest(method, url);

    for (let attemptNo = 1; ; attemptNo += 1) {
      await paused();
      if (window.remaining - window.inFlight <= 0 && window.resetAt > Date.now()) {
        const ms = window.resetAt - Date.now();
        if (overBudget(ms)) throw new RequestFailure(where, `rate limit used up; waiting ${Math.ceil(ms / 1000)} s for it would pass the ${policy.maxTotalWaitMs / 1000} s wait budget`);
        log(`rate limit nearly used up: pausing ${(ms / 1000).toFixed(1)} s before ${where}`);
        pauseAll(ms);
        window.remaining = Infinity;
        await paused();
      }
      const outcome = await attempt(url, { method, headers });
      if (outcome.kind === 'ok') return outcome.value;
      if (outcome.kind === 'fail') throw new RequestFailure(where, outcome.reason, outcome.status);
      if (attemptNo >= policy.maxAttempts) throw new RequestFailure(where, `${outcome.reason} after ${attemptNo} attempts`);
      const doubling = (base: number) => Math.min(policy.maxDelayMs, base * 2 ** (attemptNo - 1));
      // A 429 that tells no wait is waited out in whole steps (15, 30, 60 s …); other failures back off with jitter.
      const waitMs = Math.ceil(
        outcome.waitMs ??
          (outcome.rateLimited ? doubling(policy.rateLimitDelayMs) : doubling(policy.baseDelayMs) * (0.5 + random() / 2)),
      );
      const added = outcome.rateLimited ? Math.max(0, Date.now() + waitMs - Math.max(Date.now(), pause.until)) : waitMs;
      if (overBudget(added)) {
        throw new RequestFailure(
          where,
          `${outcome.reason}; waiting ${Math.ceil(waitMs / 1000)} s more would pass the ${policy.maxTotalWaitMs / 1000} s wait budget`,
        );
      }
      stats.retries += 1;
      log(`retry ${attemptNo}/${policy.maxAttempts - 1} in ${(waitMs / 1000).toFixed(1)} s: ${where}: ${outcome.reason}`);
      if (outcome.rateLimited) pauseAll(waitMs);
      else await wait(waitMs);
    }
  }

  return createRequesterFn((_, requestOptions) => Promise.resolve(requestOptions), handle as never);
}
