import { Fragment, type ComponentChildren } from 'preact';
import { gitlabViewLink, type IgnoredPart, type UnsupportedSort } from '../lib/view/gitlab-link';
import type { ViewState } from '../lib/model';
import { displayValue, FACET_NAMES } from './facet-names';
import { useSite } from './site-context';


const SORT_PHRASES: Record<UnsupportedSort, string> = {
  relevance: 'best-match order',
  recommended: 'recommended order',
  comments: 'most-discussed order',
};

const joined = (items: ComponentChildren[], separator: string) =>
  items.map((item, i) => (
    <Fragment key={i}>
      {i > 0 && separator}
      {item}
    </Fragment>
  ));

function describe(part: IgnoredPart): ComponentChildren {
  switch (part.kind) {
    case 'values': {
      // Values come from the URL: each is isolated, so a direction override in one cannot reorder the note.
      const values = part.values.map((value) => <bdi>{displayValue(part.facet, value)}</bdi>);
      return (
        <>
          {FACET_NAMES[part.facet]}: {joined(values, ' or ')}
        </>
      );
    }
    case 'without-mr':
      return 'without an open MR';
    case 'ready':
      return 'ready to pick up';
    case 'sort':
      return SORT_PHRASES[part.sort];
  }
}

/** A link to GitLab's own issue list showing the current view, and a note on what that list will not apply. */
export function GitlabViewLink({ view }: { view: ViewState }) {
  const { gitlabUrl, group, curatedLabels } = useSite();
  const { href, ignored } = gitlabViewLink(view, gitlabUrl, group, curatedLabels);
  return (
    <p class="mt-1 text-sm">
      <a href={href} rel="noopener noreferrer">
        Open this view in GitLab
      </a>
      {ignored.length > 0 && (
        <span class="text-muted"> · GitLab’s list ignores: {joined(ignored.map(describe), '; ')}</span>
      )}
    </p>
  );
}
