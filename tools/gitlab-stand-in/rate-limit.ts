// GitLab.com-style API throttling: a fixed 60-second window per user (token) or for anonymous callers, with the
// RateLimit-* headers on every response so clients can pace themselves before they are refused.

const WINDOW_MS = 60_000;

/** The outcome of counting one request. */
export interface RateLimitHit {
  headers: Record<string, string>;
  limited: boolean;
  /** Whole seconds until the window resets, at least 1. */
  retryAfterSeconds: number;
}

/** Counts requests per caller in fixed one-minute windows. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** Counts a request by `caller` at `now` (epoch ms); refused requests count too, as with Rack::Attack. */
  hit(caller: string, authenticated: boolean, now: number): RateLimitHit {
    let window = this.windows.get(caller);
    if (!window || now >= window.start + WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(caller, window);
    }
    window.count += 1;
    const resetsAt = window.start + WINDOW_MS;
    return {
      headers: {
        'ratelimit-name': authenticated ? 'throttle_authenticated_api' : 'throttle_unauthenticated_api',
        'ratelimit-limit': String(this.perMinute),
        'ratelimit-observed': String(window.count),
        'ratelimit-remaining': String(Math.max(0, this.perMinute - window.count)),
        'ratelimit-reset': String(Math.ceil(resetsAt / 1000)),
      },
      limited: window.count > this.perMinute,
      retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now) / 1000)),
    };
  }
}
