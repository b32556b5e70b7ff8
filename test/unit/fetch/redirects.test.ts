import { describe, expect, it } from 'vitest';
import { isLoopback, redirectTarget } from '../../../scripts/fetch/redirects';

const from = new URL('http://gitlab.example.com/api/v4/groups/x/issues?page=1');

describe('redirectTarget', () => {
  it('follows the same origin, relative or absolute, and http → https on the same host', () => {
    expect(redirectTarget(from, '/gitlab/api/v4/groups/x/issues')).toEqual(new URL('http://gitlab.example.com/gitlab/api/v4/groups/x/issues'));
    expect(redirectTarget(from, 'https://gitlab.example.com/api/v4/x')).toEqual(new URL('https://gitlab.example.com/api/v4/x'));
  });

  it('refuses another host, another port, https → http, a missing or broken Location, without printing credentials', () => {
    expect(redirectTarget(from, 'http://evil.example.net/api')).toEqual({ refused: 'to http://evil.example.net/api: set GITLAB_URL to the final address' });
    expect(redirectTarget(from, 'http://gitlab.example.com:8080/api')).toHaveProperty('refused');
    expect(redirectTarget(new URL('https://gitlab.example.com/a'), 'http://gitlab.example.com/a')).toHaveProperty('refused');
    expect(redirectTarget(from, null)).toEqual({ refused: 'without a Location' });
    expect(redirectTarget(from, 'http://[::1')).toEqual({ refused: 'to an invalid address' });
    expect(redirectTarget(from, 'http://user:pw@evil.example.net/')).toEqual({ refused: 'to http://evil.example.net/: set GITLAB_URL to the final address' });
  });
});

describe('isLoopback', () => {
  it('knows this machine by name and address, and nothing else', () => {
    for (const host of ['localhost', '127.0.0.1', '127.10.0.3', '[::1]', '::1']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['gitlab.com', '10.0.0.1', '127.0.0.1.example.com', 'localhost.example.com', '::2']) expect(isLoopback(host), host).toBe(false);
  });
});
