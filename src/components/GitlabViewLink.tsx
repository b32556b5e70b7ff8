import { gitlabViewLink, type IgnoredPart, type UnsupportedSort } from '../lib/gitlab-link';
import type { ViewState } from '../lib/model';
import { displayValue, FACET_NAMES } from './facet-names';

interface Props {
  view: ViewState;
  gitlabUrl: string;
  /** The group the issues were fetched from. */
  group: string;
  curatedLabels: readonly string[];
}

const SORT_PHRASES: Record<UnsupportedSort, string> = { relevance: 'best-match order', comments: 'most-discussed order' };

function describe(part: IgnoredPart): string {
  switch (part.kind) {
    case 'values':
      return `${FACET_NAMES[part.facet]}: ${part.values.map((value) => displayValue(part.facet, value)).join(' or ')}`;
    case 'without-mr':
      return 'without an open MR';
    case 'sort':
      return SORT_PHRASES[part.sort];
  }
}

/** A link to GitLab's own issue list showing the current view, and a note on what that list will not apply. */
export function GitlabViewLink({ view, gitlabUrl, group, curatedLabels }: Props) {
  const { href, ignored } = gitlabViewLink(view, gitlabUrl, group, curatedLabels);
  return (
    <p class="mt-1 text-sm">
      <a href={href} rel="noopener noreferrer">
        Open this view in GitLab
      </a>
      {ignored.length > 0 && (
        <span class="text-muted"> · GitLab’s list ignores: {ignored.map(describe).join('; ')}</span>
      )}
    </p>
  );
}
