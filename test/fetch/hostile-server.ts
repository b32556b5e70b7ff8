import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach } from 'vitest';
import { serveOnLoopback } from '../../tools/loopback-server';

/** A request a hostile server received: where to, and whether a token came with it. */
export interface Received {
  url: string;
  token: string | null;
}

/** A server on 127.0.0.1 that answers as the test says, recording every request. */
export interface Hostile {
  url: string;
  received: Received[];
}

type Handler = (request: IncomingMessage, res: ServerResponse, url: URL) => void;

/** Starts hostile servers for the calling test file; each is closed (connections dropped) after its test. */
export function useHostileServers(): (handler: Handler) => Promise<Hostile> {
  const open: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((close) => close()));
  });
  return async (handler) => {
    const received: Received[] = [];
    const server = await serveOnLoopback((request, res) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const token = request.headers['private-token'];
      received.push({ url: url.pathname + url.search, token: typeof token === 'string' ? token : null });
      // A client that gives up mid-body resets the socket; that is the point of several tests.
      res.on('error', () => {});
      handler(request, res, url);
    });
    open.push(server.close);
    return { url: server.url, received };
  };
}

/** Answers a JSON list page with GitLab's pagination headers. */
export function page(res: ServerResponse, items: unknown[], headers: Record<string, string> = {}): void {
  const body = JSON.stringify(items);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}
