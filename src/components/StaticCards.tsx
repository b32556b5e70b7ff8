import { Component } from 'preact';
import { itemKey, type Issue } from '../lib/model';
import { IssueCard, type IssueCardProps } from './IssueCard';

interface Props extends Omit<IssueCardProps, 'issue' | 'ranges'> {
  issues: readonly Issue[];
}

/**
 * The cards of one plain list page, rendered by Astro as one Preact tree. A class, not a function: to learn which
 * framework a function component belongs to, Astro's Preact renderer renders it once in full before rendering it
 * for the page, which doubled the cost of every card; a Preact class is recognised by its prototype.
 */
export class StaticCards extends Component<Props> {
  override render() {
    const { issues, ...card } = this.props;
    return (
      <ol class="mt-4 flex flex-col gap-3">
        {issues.map((issue) => (
          <li key={itemKey(issue)}>
            <IssueCard issue={issue} {...card} />
          </li>
        ))}
      </ol>
    );
  }
}
