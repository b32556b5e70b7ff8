import { itemKey, type Issue } from '../lib/model';
import { formatCount } from '../lib/text/format';
import { CuratedLabelLink } from './CuratedLabelLink';
import { GitlabLink } from './GitlabLink';
import { Highlight } from './Highlight';
import { IssueStatus } from './IssueStatus';
import { LabelBadge } from './LabelBadge';
import { Reference } from './Reference';
import { RelativeTime } from './RelativeTime';
import { ShortlistToggle } from './ShortlistToggle';

/** What a compact row shows: the issue, the time its age counts from, and the search's highlights in its title. */
export interface IssueRowProps {
  issue: Issue;
  /** "Now" for the relative update time, as on a card (null: no clock, a date). */
  now: number | null;
  titleRanges?: [number, number][] | undefined;
}

// A row names this many labels besides the curated ones and counts the rest ("+4"): a long tail of labels would wrap
// the row onto more lines, and the card view lists them all.
const SHOWN_LABELS = 3;

/**
 * One count after its icon (global.css): the number for the eye, with its noun for a screen reader and a tooltip.
 * Texts here are single strings, as in the rest of the row: `{a} {b}` would make three text nodes of it, and a
 * keystroke renders ten rows.
 */
function Count({ icon, n, noun }: { icon: 'upvotes' | 'comments' | 'merge-requests'; n: number; noun: [one: string, many: string] }) {
  const word = n === 1 ? noun[0] : noun[1];
  return (
    <li class={`count-icon icon-${icon}`} title={`${formatCount(n)} ${word}`}>
      {formatCount(n)}
      <span class="sr-only">{` ${word}`}</span>
    </li>
  );
}

/**
 * One issue as one row, like GitLab's own issue list: the title, then its status, reference and labels, then how big
 * and how busy it is and when it last changed. The card's excerpt and details are left to the card view.
 */
export function IssueRow({ issue, now, titleRanges }: IssueRowProps) {
  const titleId = itemKey(issue);
  const curated = new Set(issue.curated);
  const otherLabels = issue.labels.filter((label) => !curated.has(label.name));
  const hidden = otherLabels.length - SHOWN_LABELS;
  return (
    // Two lines from 640 px on, like GitLab's list: the title over its status, reference and labels, with the counts
    // and the update time at the right; narrower, each part wraps onto lines of its own.
    <article aria-labelledby={titleId} class="grid gap-x-4 gap-y-1 bg-bg px-3 py-2 sm:grid-cols-[minmax(0,1fr)_auto] sm:gap-y-0 sm:py-1">
      {/* The title leads, as on a card: heading navigation lands on it. dir="auto" and <bdi> below: GitLab's text is
          isolated, so a direction override in it cannot reorder ours. */}
      <h3 id={titleId} dir="auto" class="font-semibold leading-tight [overflow-wrap:anywhere]">
        <GitlabLink url={issue.url} class="no-underline hover:underline">
          <Highlight text={issue.title} ranges={titleRanges} />
        </GitlabLink>
      </h3>
      <div class="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
        <IssueStatus issue={issue} />
        <Reference reference={issue.reference} class="text-xs" />
        {issue.curated.map((label) => (
          <CuratedLabelLink key={label} label={label} />
        ))}
        {/* The labels take what is left of the line and never wrap: what does not fit fades out at the row's end (a
            screen reader still reads them all). From 640 px they never start a line of their own either, so a row
            stays two lines even when its status says much; narrower, they do once less than 6rem is left.
            The fade is a gradient of the row's background laid over the end, not a CSS mask, which would give the
            labels of every row a masked layer of their own to paint.
            relative: the sr-only text inside is absolutely placed, and would otherwise escape the clipping. */}
        {otherLabels.length > 0 && (
          <ul
            class="relative flex min-w-24 flex-1 gap-1 overflow-hidden after:absolute after:inset-y-0 after:right-0 after:w-6 after:bg-linear-to-r after:from-transparent after:to-bg after:content-[''] sm:min-w-0 [&>li]:shrink-0"
            aria-label="Labels"
          >
            {otherLabels.slice(0, SHOWN_LABELS).map((label) => (
              <LabelBadge key={label.name} label={label} />
            ))}
            {hidden > 0 && (
              <li class="shrink-0 text-xs leading-5">
                {`+${hidden}`}
                <span class="sr-only"> more</span>
              </li>
            )}
          </ul>
        )}
      </div>
      <div class="flex flex-wrap items-center gap-x-3 text-sm text-muted sm:col-start-2 sm:row-span-2 sm:row-start-1 sm:flex-col sm:items-end sm:justify-center">
        <ul class="flex items-center gap-3" aria-label="Details">
          <li>{issue.weight === null ? 'No weight' : `Weight ${issue.weight}`}</li>
          <Count icon="upvotes" n={issue.upvotes} noun={['upvote', 'upvotes']} />
          <Count icon="comments" n={issue.comments} noun={['comment', 'comments']} />
          {issue.openMergeRequests.length > 0 && (
            <Count icon="merge-requests" n={issue.openMergeRequests.length} noun={['open merge request', 'open merge requests']} />
          )}
        </ul>
        <p class="flex items-center gap-2">
          <ShortlistToggle reference={issue.reference} small />
          {'Updated '}
          <RelativeTime ms={issue.updatedAt} now={now} />
        </p>
      </div>
    </article>
  );
}
