import { Component } from 'preact';
import { itemKey, type Issue } from '../lib/model';
import type { SiteSettings } from '../lib/site-settings';
import { ApplyLink } from './ApplyLink';
import { CuratedLabelLink } from './CuratedLabelLink';
import { GitlabLink } from './GitlabLink';
import { IssueStatus } from './IssueStatus';
import { Reference } from './Reference';
import { SiteContext } from './site-context';

interface Props {
  issues: readonly Issue[];
  site: SiteSettings;
}

/**
 * The issues of one plain list page (/all/, /label/): what each is, why it is listed, whether it can be picked up,
 * what it is about and how to apply with it, the title linking to the issue on GitLab. Not a card: a card's details
 * (weight, people, merge requests, times, other labels) are on the list page, whose first cards are served without
 * JavaScript too, and on GitLab. A plain page has to reach every issue and say enough to choose; full cards for
 * every issue were most of a large build's time (README, "The build").
 *
 * A class, not a function: to learn which framework a function component belongs to, Astro's Preact renderer renders
 * it once in full before rendering it for the page; a Preact class is recognised by its prototype.
 */
export class PlainList extends Component<Props> {
  override render() {
    const { issues, site } = this.props;
    return (
      <SiteContext.Provider value={site}>
        <ol class="mt-4">
          {issues.map((issue) => (
            <li key={itemKey(issue)} class="flex flex-col gap-1 border-b border-border py-3">
              {/* The title leads, as on a card, and is a heading for the same reason: heading navigation goes from issue
                  to issue. dir="auto" isolates GitLab's text, so a direction override in it cannot reorder ours.
                  Utilities only: the stylesheet is the list page's first load too, and has them all already. */}
              <div class="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <h3 id={itemKey(issue)} dir="auto" class="font-semibold [overflow-wrap:anywhere]">
                  <GitlabLink url={issue.url}>{issue.title}</GitlabLink>
                </h3>
                <Reference reference={issue.reference} class="text-sm text-muted" />
                {issue.curated.map((label) => (
                  <CuratedLabelLink key={label} label={label} />
                ))}
              </div>
              <IssueStatus issue={issue} />
              {issue.excerpt && (
                <p dir="auto" class="text-sm text-muted [overflow-wrap:anywhere]">
                  {issue.excerpt}
                </p>
              )}
              <p class="text-sm print:hidden">
                <ApplyLink issue={issue} />
              </p>
            </li>
          ))}
        </ol>
      </SiteContext.Provider>
    );
  }
}
