// An HTTP server on a free port of 127.0.0.1, for the bench's static site server and the fetch tests' fake sites.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running server: its base URL (no trailing slash) and port; `close` also drops connections left open. */
export interface LoopbackServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `handler` on a free port of 127.0.0.1 (never on other interfaces). */
export async function serveOnLoopback(handler: RequestListener): Promise<LoopbackServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
