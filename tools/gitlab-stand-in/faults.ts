// Failures tests can inject into the stand-in: the ways GitLab.com and the network between really fail.

/** Which requests a fault hits; every given field must match. */
export interface FaultMatch {
  /** One of the request's `labels` values. */
  label?: string;
  /** The request's `page` (1 when absent). */
  page?: number;
  /** A substring of the request's decoded URL path, e.g. 'groups/gitlab-org/issues'. */
  path?: string;
}

interface Targeted {
  match?: FaultMatch;
  /** How many matching requests it hits; default 1, Infinity for all. */
  times?: number;
}

/**
 * A failure to inject. status: a JSON error response. reset: the socket is destroyed with no response. hang: no
 * response ever (the client's timeout must fire). truncate: headers with the full Content-Length, then half the
 * body, then the socket is destroyed. wrong-shape: a 200 page whose first `items` (default 1) issues have no
 * `title` and a numeric `created_at` (12345). rate-limit: from the first matching request, every request is
 * refused with 429 until retryAfterSeconds have passed; `bare` 429s carry no Retry-After or RateLimit-* header,
 * as gitlab.com sends some (gitlab-org/gitlab#365728).
 */
export type Fault =
  | (Targeted & { kind: 'status'; status: 500 | 502 | 503 | 504 })
  | (Targeted & { kind: 'reset' | 'hang' | 'truncate' })
  | (Targeted & { kind: 'wrong-shape'; items?: number })
  | { kind: 'rate-limit'; retryAfterSeconds: number; bare?: boolean; match?: FaultMatch };

/** What a faulted request gets: the fault itself, or a 429 of an ongoing storm. */
export type Verdict =
  | Exclude<Fault, { kind: 'rate-limit' }>
  | { kind: 'storm'; retryAfterSeconds: number; bare: boolean };

/** The facts about a request that faults match on. */
export interface RequestFacts {
  path: string;
  labels: readonly string[];
  page: number;
}

interface Pending {
  fault: Fault;
  remaining: number;
  /** Epoch ms when a started rate-limit storm ends. */
  stormEndsAt?: number;
}

function matches(match: FaultMatch | undefined, facts: RequestFacts): boolean {
  if (!match) return true;
  if (match.label !== undefined && !facts.labels.includes(match.label)) return false;
  if (match.page !== undefined && match.page !== facts.page) return false;
  return match.path === undefined || facts.path.includes(match.path);
}

/** Injected faults, consulted in insertion order for each request. */
export class FaultBook {
  private pending: Pending[] = [];

  /** Adds a fault after the ones already injected. */
  add(fault: Fault): void {
    const remaining = fault.kind === 'rate-limit' ? 1 : (fault.times ?? 1);
    this.pending.push({ fault, remaining });
  }

  /** The verdict for a request arriving at `now`, or null when no fault applies; consumes one hit. */
  take(facts: RequestFacts, now: number): Verdict | null {
    // An ongoing storm refuses everything, whatever was injected before it.
    this.pending = this.pending.filter((p) => p.stormEndsAt === undefined || p.stormEndsAt > now);
    const storm = this.pending.find((p) => p.stormEndsAt !== undefined);
    if (storm?.stormEndsAt !== undefined) return stormVerdict(storm, now);
    const hit = this.pending.find((p) => p.remaining > 0 && matches(p.fault.match, facts));
    if (!hit) return null;
    hit.remaining -= 1;
    if (hit.fault.kind === 'rate-limit') {
      hit.stormEndsAt = now + hit.fault.retryAfterSeconds * 1000;
      return stormVerdict(hit, now);
    }
    if (hit.remaining <= 0) this.pending = this.pending.filter((p) => p !== hit);
    return hit.fault;
  }
}

function stormVerdict(storm: Pending, now: number): Verdict {
  const bare = storm.fault.kind === 'rate-limit' && storm.fault.bare === true;
  return { kind: 'storm', retryAfterSeconds: Math.max(1, Math.ceil((storm.stormEndsAt! - now) / 1000)), bare };
}
