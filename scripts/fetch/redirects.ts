/** How many same-origin redirects one request may follow. */
export const MAX_REDIRECTS = 5;

/**
 * Where a redirect from `from` may be followed with the token: the same origin, or the same host and port moving
 * from http to https. Anything else (another host or port, https → http, no or a broken Location) is refused with
 * the reason, since following it would send the token elsewhere or read another server's answer.
 */
export function redirectTarget(from: URL, location: string | null): URL | { refused: string } {
  if (!location) return { refused: 'without a Location' };
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    return { refused: `to an invalid address` };
  }
  const upgrade = from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname && (to.port === '' || to.port === from.port);
  if (to.origin === from.origin || upgrade) return to;
  // Credentials in the Location are not printed.
  to.username = '';
  to.password = '';
  return { refused: `to ${to.href}: set GITLAB_URL to the final address` };
}

/** Whether a host is this machine, where plain http cannot be overheard. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
