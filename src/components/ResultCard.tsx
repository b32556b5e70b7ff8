import { Component } from 'preact';
import { matchRanges } from '../lib/search/highlight';
import { IssueCard, type IssueCardProps } from './IssueCard';

interface Props extends Omit<IssueCardProps, 'ranges'> {
  /** The search's matched words, or undefined without a search. */
  words: ReadonlySet<string> | undefined;
  /** The same words as one string, so a card can tell cheaply whether its highlights changed. */
  wordsKey: string;
}

/**
 * A result card that renders again only when its issue, the clock or the matched words change: while someone
 * types, most keystrokes leave most cards as they were, and re-rendering 25 cards was most of a keystroke's cost.
 */
export class ResultCard extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    // Every prop but `words`, which the cheaper `wordsKey` stands for.
    return (Object.keys(next) as Array<keyof Props>).some((key) => key !== 'words' && next[key] !== this.props[key]);
  }

  override render({ issue, gitlabUrl, now, asOf, apply, words }: Props) {
    const ranges = words && { title: matchRanges(issue.title, words), excerpt: matchRanges(issue.excerpt, words) };
    return <IssueCard issue={issue} gitlabUrl={gitlabUrl} now={now} asOf={asOf} apply={apply} ranges={ranges} />;
  }
}
