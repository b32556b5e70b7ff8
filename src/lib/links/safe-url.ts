/** The URL when it is http(s) and lies under the GitLab instance the data came from; otherwise null (not linked). */
export function safeGitlabUrl(url: string, gitlabUrl: string): string | null {
  try {
    const target = new URL(url);
    const base = new URL(gitlabUrl);
    if (target.protocol !== 'https:' && target.protocol !== 'http:') return null;
    if (target.origin !== base.origin) return null;
    const basePath = base.pathname.replace(/\/+$/, '');
    return target.pathname.startsWith(`${basePath}/`) ? target.href : null;
  } catch {
    return null;
  }
}

/** A user's profile page on the instance; `username` is one the snapshot accepted (USERNAME in snapshot.ts). */
export function profileUrl(username: string, gitlabUrl: string): string {
  return `${gitlabUrl.replace(/\/+$/, '')}/${encodeURIComponent(username)}`;
}
