// A tiny static file server over a built site, so each dataset's site is served on its own free port without
// starting Astro. Like GitLab Pages, it sends the build's precompressed .br or .gz copy of a file when the
// browser accepts it (Chromium offers br only over HTTPS, so here that is gzip), and sets no caching headers.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { serveOnLoopback, type LoopbackServer } from '../../tools/loopback-server';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

/** A running server; `url` has no trailing slash. */
export type StaticServer = LoopbackServer;

// The file a URL path names: the file itself, or the index.html of a directory (with or without the slash).
function resolveFile(root: string, pathname: string): string | null {
  const path = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const direct = join(root, path);
  if (!direct.startsWith(root)) return null;
  for (const candidate of [direct, join(direct, 'index.html'), `${direct}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

// The precompressed copy of `file` the request accepts, if the build wrote one.
function encoded(file: string, acceptEncoding: string): { path: string; encoding: string } | null {
  const accepted = acceptEncoding.split(',').map((part) => part.split(';')[0]!.trim());
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (accepted.includes(encoding) && existsSync(file + suffix)) return { path: file + suffix, encoding };
  }
  return null;
}

/** The bytes the server sends for `pathname` to a browser that accepts gzip (the body, without headers); 0 if none. */
export function servedBytes(root: string, pathname: string): number {
  const file = resolveFile(root, pathname);
  return file ? statSync(encoded(file, 'gzip')?.path ?? file).size : 0;
}

/** Serves `root` on 127.0.0.1 at a free port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  return serveOnLoopback((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = resolveFile(root, pathname);
    const status = file ? 200 : 404;
    const body = file ?? resolveFile(root, '/404.html');
    const compressed = body ? encoded(body, String(request.headers['accept-encoding'] ?? '')) : null;
    response.writeHead(status, {
      'content-type': (body && TYPES[extname(body)]) || 'application/octet-stream',
      vary: 'accept-encoding',
      ...(compressed && { 'content-encoding': compressed.encoding }),
    });
    if (!body || request.method === 'HEAD') return void response.end();
    createReadStream(compressed?.path ?? body).pipe(response);
  });
}
