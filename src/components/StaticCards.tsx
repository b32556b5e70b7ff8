import { Component } from 'preact';
import { itemKey, type Issue } from '../lib/model';
import { IssueCard } from './IssueCard';
import type { SiteSettings } from '../lib/site-settings';
import { SiteContext } from './site-context';

interface Props {
  issues: readonly Issue[];
  site: SiteSettings;
}

/**
 * The cards of one plain list page, rendered by Astro as one Preact tree. A class, not a function: to learn which
 * framework a function component belongs to, Astro's Preact renderer renders it once in full before rendering it
 * for the page, which doubled the cost of every card; a Preact class is recognised by its prototype.
 */
export class StaticCards extends Component<Props> {
  override render() {
    const { issues, site } = this.props;
    return (
      <SiteContext.Provider value={site}>
        <ol class="mt-4 flex flex-col gap-3">
          {issues.map((issue) => (
            <li key={itemKey(issue)}>
              {/* No clock: static HTML can be read any time after the build, so cards give dates (see RelativeTime).
                  No Copy reference or Shortlist: no script here runs them. */}
              <IssueCard issue={issue} now={null} actions={false} />
            </li>
          ))}
        </ol>
      </SiteContext.Provider>
    );
  }
}
