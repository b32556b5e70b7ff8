import { Component } from 'preact';
import type { Density } from '../lib/model';
import { matchRanges } from '../lib/search/highlight';
import { IssueCard, type IssueCardProps } from './IssueCard';
import { IssueRow } from './IssueRow';

interface Props extends Omit<IssueCardProps, 'ranges'> {
  /** The search's matched words, or null without a search: the same Set while they stay the same (see query.ts). */
  words: ReadonlySet<string> | null;
  /** A card, or a compact row (IssueRow). */
  density: Density;
}

/**
 * A result card that renders again only when its issue, the clock, the matched words or the density change: while
 * someone types, most keystrokes leave most cards as they were, and re-rendering 25 cards was most of a keystroke's
 * cost.
 */
export class ResultCard extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    return (
      next.issue !== this.props.issue ||
      next.now !== this.props.now ||
      next.words !== this.props.words ||
      next.density !== this.props.density
    );
  }

  override render({ issue, now, words, density }: Props) {
    // A row shows no excerpt, so only its title is matched.
    if (density === 'compact') return <IssueRow issue={issue} now={now} titleRanges={words ? matchRanges(issue.title, words) : undefined} />;
    const ranges = words ? { title: matchRanges(issue.title, words), excerpt: matchRanges(issue.excerpt, words) } : undefined;
    return <IssueCard issue={issue} now={now} ranges={ranges} />;
  }
}
