import {
  createServer,
  STATUS_CODES,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { setMaxListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { ApiEpic, ApiIssue } from './api-types';
import { Catalog, type Listing } from './catalog';
import { FaultBook, type Fault, type Verdict } from './faults';
import { DEFAULT_FILES, type RepositoryFiles } from './files';
import { mergeRequestsOf, type IssueMergeRequests } from './merge-requests';
import { singleItem } from './single-item';
import { labelsOf, pageOf, paginate, parseListQuery } from './query';
import { RateLimiter, type RateLimitHit } from './rate-limit';

export type { Fault, FaultMatch } from './faults';

/** How to run the stand-in. */
export interface StandInOptions {
  issues: readonly ApiIssue[];
  /** The epics GET /groups/:id/epics lists. Without them the endpoint answers 404, as on GitLab Free. */
  epics?: readonly ApiEpic[];
  /**
   * Makes GET /groups/:id/epics answer this status instead: 403 as GitLab does without the Premium tier's epics,
   * 404 as where the endpoint does not exist.
   */
  epicsStatus?: 403 | 404;
  /**
   * The merge requests of some issues, by issue id, for GET /projects/:id/issues/:iid/closed_by and
   * related_merge_requests; any other issue gets the ones `mergeRequestsOf` makes up for it.
   */
  mergeRequests?: ReadonlyMap<number, IssueMergeRequests>;
  /** Ignore `issue_type=` and list every work item type, as GitLab versions from before the parameter do. */
  ignoresIssueType?: boolean;
  /** Sub-path the instance lives under, e.g. '/gitlab' for http://host/gitlab/api/v4. Default ''. */
  basePath?: string;
  /** Known tokens (PRIVATE-TOKEN or Authorization: Bearer); any other token gets 401. No token = anonymous. */
  tokens?: Record<string, { confidential: boolean }>;
  /** Delay before every response. */
  latencyMs?: number;
  /** Per-caller limit in fixed 60 s windows; adds RateLimit-* headers to every response. */
  rateLimit?: { perMinute: number };
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
  /** What GET /projects/:id/repository/files/:path/raw serves; default DEFAULT_FILES (the stages file). */
  files?: RepositoryFiles;
}

/** One request the stand-in received. */
export interface RequestRecord {
  method: string;
  /** URL path as received (still percent-encoded). */
  path: string;
  /** Decoded query parameters (last value wins for repeated keys). */
  query: Record<string, string>;
  /** Status sent; null when none was (reset, hang, closed during latency). */
  status: number | null;
  /** Whether a PRIVATE-TOKEN or Authorization header was sent. */
  authenticated: boolean;
  /** The fault that hit it ('storm' for a 429 of a rate-limit storm), or null. */
  fault: Verdict['kind'] | null;
  /** Epoch ms when it arrived. */
  at: number;
  /** Time from arrival to the response being handed to the socket; null when there was no response. */
  durationMs: number | null;
}

/** A running stand-in. */
export interface StandIn {
  /** Base URL of the instance including basePath, no trailing slash (what gitbeaker takes as `host`). */
  url: string;
  requests: RequestRecord[];
  inject(fault: Fault): void;
  /** Stops the server, dropping keep-alive, hung and delayed connections; safe to call twice. */
  close(): Promise<void>;
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function json(status: number, payload: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: JSON.stringify(payload) };
}

const NOT_FOUND = json(404, { error: '404 Not Found' });

function tokenOf(headers: IncomingHttpHeaders): string | null {
  const privateToken = headers['private-token'];
  if (typeof privateToken === 'string') return privateToken;
  const authorization = headers.authorization;
  return authorization === undefined ? null : authorization.replace(/^Bearer\s+/i, '');
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

// A page whose first `count` issues break the schema: `title` removed and `created_at` a number. An empty page
// gets a lone such object; replies that are not a 200 page pass through unchanged.
function wrongShape(reply: Reply, count: number): Reply {
  if (reply.status !== 200) return reply;
  const page = JSON.parse(reply.body) as Record<string, unknown>[];
  const broken = (page.length ? page.slice(0, count) : [{}]).map(({ title: _dropped, ...item }) => ({
    ...item,
    created_at: 12345,
  }));
  return { ...reply, body: JSON.stringify([...broken, ...page.slice(count)]) };
}

function send(res: ServerResponse, reply: Reply, limit: RateLimitHit | undefined, truncate = false): void {
  const body = Buffer.from(reply.body);
  res.writeHead(reply.status, {
    ...limit?.headers,
    'content-type': 'application/json',
    ...reply.headers,
    'content-length': String(body.length),
  });
  if (!truncate) {
    res.end(body);
    return;
  }
  // Content-Length promises the whole body, so the client sees the cut as an error, not a short document.
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}

/** A sub-path with one leading and no trailing slash ('gitlab/' → '/gitlab'); '' stays ''. */
export function normalizeBasePath(basePath: string): string {
  return basePath.replace(/\/+$/, '').replace(/^(?=[^/])/, '/');
}

// Which list a path under /api/v4/ asks for: issues of a group or project, or epics of a group.
function listingOf(kind: string | undefined, leaf: string | undefined): Listing | null {
  if (leaf === 'issues' && (kind === 'groups' || kind === 'projects')) return 'issues';
  return leaf === 'epics' && kind === 'groups' ? 'epics' : null;
}

/** The merge request lists of one issue: GET /projects/:id/issues/:iid/closed_by and …/related_merge_requests. */
const ISSUE_MERGE_REQUESTS = new Set(['closed_by', 'related_merge_requests']);

/** Starts a GitLab REST v4 stand-in on 127.0.0.1 serving `issues` (and `epics`) from the group and project endpoints. */
export async function startGitLab(options: StandInOptions): Promise<StandIn> {
  const basePath = normalizeBasePath(options.basePath ?? '');
  const tokens = options.tokens ?? {};
  const catalog = new Catalog(options.issues, options.epics);
  const epicsStatus = options.epicsStatus ?? (options.epics ? null : 404);
  const faults = new FaultBook();
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit.perMinute) : null;
  const requests: RequestRecord[] = [];
  const closing = new AbortController();
  // Every request in flight waits on this signal; a concurrent fetch keeps more than the default 10 listeners.
  setMaxListeners(0, closing.signal);
  // Own keys only, so a token like "constructor" is not mistaken for a known one.
  const known = (token: string): boolean => Object.hasOwn(tokens, token);

  function route(method: string, url: URL, token: string | null, limit: RateLimitHit | undefined): Reply {
    const prefix = `${basePath}/api/v4/`;
    if (!url.pathname.startsWith(prefix)) return NOT_FOUND;
    const [kind, rawId, leaf, ...rest] = url.pathname.slice(prefix.length).split('/');
    const id = decode(rawId ?? '');
    if (method === 'GET' && kind === 'projects' && leaf === 'repository' && rest[0] === 'files' && rest[2] === 'raw' && rest.length === 3 && id) {
      return rawFile(id, decode(rest[1]!), url.searchParams.get('ref'));
    }
    const listing = listingOf(kind, leaf);
    const [iid, relation] = rest;
    const ofIssue = kind === 'projects' && leaf === 'issues' && rest.length === 2 && ISSUE_MERGE_REQUESTS.has(relation!);
    const single = rest.length === 1;
    if (method !== 'GET' || !listing || (rest.length > 0 && !ofIssue && !single) || !id) return NOT_FOUND;
    if (listing === 'epics' && epicsStatus === 404) return NOT_FOUND;
    const access = token === null ? { confidential: false } : known(token) ? tokens[token] : undefined;
    if (!access) return json(401, { message: '401 Unauthorized' });
    if (limit?.limited) {
      return json(429, { message: 'Retry later' }, { 'retry-after': String(limit.retryAfterSeconds) });
    }
    if (ofIssue) return issueMergeRequests(id, iid!, relation as 'closed_by' | 'related_merge_requests', url, access);
    if (single) {
      const { status, payload } = singleItem(catalog, listing, kind === 'groups' ? catalog.group(id) : catalog.project(id), iid!, { seesConfidential: access.confidential });
      return json(status, payload);
    }
    const path = kind === 'groups' ? catalog.group(id) : catalog.project(id);
    if (path === null) {
      return json(404, { message: kind === 'groups' ? '404 Group Not Found' : '404 Project Not Found' });
    }
    // GitLab checks the group before the licence that epics need.
    if (listing === 'epics' && epicsStatus === 403) return json(403, { message: '403 Forbidden' });
    const parsed = parseListQuery(url.searchParams);
    if ('error' in parsed) return json(400, { error: parsed.error });
    const query = options.ignoresIssueType ? { ...parsed, issueType: null } : parsed;
    const scope = kind === 'groups' ? { group: path } : { project: path };
    const found = catalog.list(listing, scope, query, { seesConfidential: access.confidential });
    const { page, headers } = paginate(found, query, url);
    return { status: 200, headers, body: catalog.serialize(page, query.withLabelsDetails) };
  }

  // A repository file as GitLab's raw-file endpoint sends a text blob. The files are public, as GitLab's handbook
  // data is: anyone may read them, with or without a token. `ref` names the default branch or HEAD; the stand-in
  // keeps no other.
  function rawFile(project: string, path: string | null, ref: string | null): Reply {
    const files = options.files ?? DEFAULT_FILES;
    const inProject = files.get(project);
    if (!inProject) return json(404, { message: '404 Project Not Found' });
    if (ref !== null && ref !== 'HEAD' && ref !== 'master') return json(404, { message: '404 Commit Not Found' });
    const text = path === null ? undefined : inProject.get(path);
    if (text === undefined) return json(404, { message: '404 File Not Found' });
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
  }

  // GitLab lists the merge requests that close an issue (closed_by) or that mention or close it
  // (related_merge_requests), paginated, to whoever may read the issue.
  function issueMergeRequests(
    projectId: string,
    rawIid: string,
    relation: 'closed_by' | 'related_merge_requests',
    url: URL,
    access: { confidential: boolean },
  ): Reply {
    const project = catalog.project(projectId);
    const iid = Number(rawIid);
    const issue = project === null || !/^\d+$/.test(rawIid) ? null : catalog.issue(project, iid, { seesConfidential: access.confidential });
    if (issue === null) return json(404, { message: project === null ? '404 Project Not Found' : '404 Not found' });
    const { closing, mentioning } = options.mergeRequests?.get(issue.id) ?? mergeRequestsOf(issue);
    const list = relation === 'closed_by' ? closing : [...closing, ...mentioning];
    const query = parseListQuery(url.searchParams);
    if ('error' in query) return json(400, { error: query.error });
    const { page, headers } = paginate(list, query, url);
    return json(200, page, headers);
  }

  async function handle(request: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = performance.now();
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    const token = tokenOf(request.headers);
    const record: RequestRecord = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: null,
      authenticated: token !== null,
      fault: null,
      at: Date.now(),
      durationMs: null,
    };
    requests.push(record);
    const answer = (reply: Reply, limit: RateLimitHit | undefined, truncate = false): void => {
      record.status = reply.status;
      record.durationMs = performance.now() - arrived;
      send(res, reply, limit, truncate);
    };

    if (options.latencyMs) {
      try {
        await delay(options.latencyMs, undefined, { signal: closing.signal });
      } catch {
        return; // closed while waiting; close() has dropped the socket
      }
    }
    const now = Date.now();
    const limit = limiter?.hit(token ?? 'anonymous', token !== null && known(token), now);
    const facts = {
      path: decode(url.pathname) ?? url.pathname,
      labels: labelsOf(url.searchParams),
      page: pageOf(url.searchParams),
    };
    const verdict = faults.take(facts, now);
    record.fault = verdict?.kind ?? null;
    switch (verdict?.kind) {
      case 'reset':
        request.socket.resetAndDestroy();
        return;
      case 'hang':
        return; // close() destroys the socket
      case 'storm':
        if (verdict.bare) answer(json(429, { message: 'Retry later' }), undefined);
        else answer(json(429, { message: 'Retry later' }, { 'retry-after': String(verdict.retryAfterSeconds) }), limit);
        return;
      case 'status':
        answer(json(verdict.status, { message: `${verdict.status} ${STATUS_CODES[verdict.status]}` }), limit);
        return;
      default: {
        const reply = route(record.method, url, token, limit);
        const shaped = verdict?.kind === 'wrong-shape' ? wrongShape(reply, verdict.items ?? 1) : reply;
        answer(shaped, limit, verdict?.kind === 'truncate');
      }
    }
  }

  const server = createServer((request, res) => {
    handle(request, res).catch((error: unknown) => {
      // A bug in the stand-in should read as one in the test output, not as a network fault.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `stand-in error: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    inject: (fault) => faults.add(fault),
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}
