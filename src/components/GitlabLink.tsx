import type { ComponentChildren } from 'preact';
import { safeGitlabUrl } from '../lib/links/safe-url';
import { useSite } from './site-context';

interface Props {
  /** A URL from the data: linked only when it is http(s) under the instance the data came from. */
  url: string;
  class?: string;
  children: ComponentChildren;
}

/** A link into GitLab when the data's URL is safe to follow (see safe-url.ts); otherwise the same content, unlinked. */
export function GitlabLink({ url, class: className, children }: Props) {
  const href = safeGitlabUrl(url, useSite().gitlabUrl);
  if (!href) return <>{children}</>;
  return (
    <a href={href} rel="noopener noreferrer" class={className}>
      {children}
    </a>
  );
}
