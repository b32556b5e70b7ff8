import { Fragment } from 'preact';
import { itemKey, type Issue } from '../lib/model';
import { profileUrl } from '../lib/links/safe-url';
import { ApplyLink } from './ApplyLink';
import { CopyButton } from './CopyButton';
import { CuratedLabelLink } from './CuratedLabelLink';
import { GitlabLink } from './GitlabLink';
import { Highlight } from './Highlight';
import { IssueStatus } from './IssueStatus';
import { LabelBadge } from './LabelBadge';
import { Reference } from './Reference';
import { RelativeTime } from './RelativeTime';
import { ShortlistToggle } from './ShortlistToggle';
import { useSite } from './site-context';

/** What a card shows and how: the issue, the time its ages count from, and the search's highlights. */
export interface IssueCardProps {
  issue: Issue;
  /** "Now" for relative ages: the visitor's clock in the browser; null in static HTML, which gives dates instead. */
  now: number | null;
  ranges?: { title?: [number, number][]; excerpt?: [number, number][] } | undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "!1234 in progress", linked to the merge request when its URL lies under the instance; another project's in full. */
function OpenMergeRequest({ mr, project }: { mr: Issue['openMergeRequests'][number]; project: string }) {
  const at = mr.reference.lastIndexOf('!');
  const reference = mr.reference.slice(0, at) === project ? mr.reference.slice(at) : mr.reference;
  return (
    <li class="[overflow-wrap:anywhere]">
      <GitlabLink url={mr.url}>
        <Reference reference={reference} />
      </GitlabLink>{' '}
      in progress
    </li>
  );
}

/** "Assigned to @alice, @bob", each linked to their profile on the instance; "Unassigned" when nobody is. */
function Assignees({ usernames }: { usernames: readonly string[] }) {
  const { gitlabUrl } = useSite();
  if (usernames.length === 0) return <li>Unassigned</li>;
  return (
    <li class="[overflow-wrap:anywhere]">
      Assigned to{' '}
      {usernames.map((username, at) => (
        <Fragment key={username}>
          {at > 0 && ', '}
          <GitlabLink url={profileUrl(username, gitlabUrl)}>{`@${username}`}</GitlabLink>
        </Fragment>
      ))}
    </li>
  );
}

/** "Hana Mwangi, Omar Reyes (product managers)": names as published, isolated so none can reorder the line. */
function role(names: readonly string[], one: string) {
  if (names.length === 0) return null;
  return (
    <>
      {names.map((name, at) => (
        <Fragment key={name}>
          {at > 0 && ', '}
          <bdi>{name}</bdi>
        </Fragment>
      ))}
      {` (${names.length === 1 ? one : `${one}s`})`}
    </>
  );
}

/** Whom to ask about the issue: its group's managers, from GitLab's handbook data (see the fetch's group-contacts.ts). */
function WhoToTalkTo({ contacts }: { contacts: Issue['contacts'] }) {
  if (!contacts) return null;
  const managers = role(contacts.productManagers, 'product manager');
  const engineering = role(contacts.engineeringManagers, 'engineering manager');
  return (
    <p class="mt-2 text-sm [overflow-wrap:anywhere]" data-part="contacts">
      Who to talk to: {managers}
      {managers && engineering && '; '}
      {engineering}
    </p>
  );
}

/** One issue: what it is, why it is listed, how big and how busy it is. */
export function IssueCard({ issue, now, ranges }: IssueCardProps) {
  const titleId = itemKey(issue);
  const curated = new Set(issue.curated);
  const otherLabels = issue.labels.filter((label) => !curated.has(label.name));
  const title = <Highlight text={issue.title} ranges={ranges?.title} />;
  return (
    <article aria-labelledby={titleId} class="card">
      {/* The title leads, in reading order too: heading navigation lands on it, then the card says the rest. dir="auto":
          a right-to-left title (or one with a direction override) cannot reorder what surrounds it. */}
      <h3 id={titleId} dir="auto" class="card-title">
        <GitlabLink url={issue.url} class="no-underline hover:underline">
          {title}
        </GitlabLink>
      </h3>
      <div class="card-meta">
        {/* Isolated (a <bdi>), like dir="auto" above: a direction override in GitLab's text cannot reorder ours. */}
        <Reference reference={issue.reference} />
        {issue.curated.map((label) => (
          <CuratedLabelLink key={label} label={label} />
        ))}
        <IssueStatus issue={issue} />
      </div>
      {issue.excerpt && (
        <p dir="auto" class="mt-1 text-sm text-muted [overflow-wrap:anywhere]">
          <Highlight text={issue.excerpt} ranges={ranges?.excerpt} />
        </p>
      )}
      {otherLabels.length > 0 && (
        <ul class="mt-2 flex flex-wrap gap-1" aria-label="Labels">
          {otherLabels.map((label) => (
            <LabelBadge key={label.name} label={label} />
          ))}
        </ul>
      )}
      <ul class="card-details" aria-label="Details">
        <li>{issue.weight === null ? 'No weight' : `Weight ${issue.weight}`}</li>
        {issue.milestone && (
          <li class="[overflow-wrap:anywhere]">
            Milestone <bdi>{issue.milestone.title}</bdi>
            {issue.milestone.dueDate && (
              <>
                {' '}
                (due <time dateTime={issue.milestone.dueDate}>{issue.milestone.dueDate}</time>)
              </>
            )}
          </li>
        )}
        {issue.parentEpic && (
          <li class="[overflow-wrap:anywhere]">
            Epic{' '}
            <GitlabLink url={issue.parentEpic.url}>
              <bdi>{issue.parentEpic.title}</bdi>
            </GitlabLink>
          </li>
        )}
        <li>{plural(issue.upvotes, 'upvote')}</li>
        <li>{plural(issue.comments, 'comment')}</li>
        <Assignees usernames={issue.assignees} />
        {issue.openMergeRequests.length === 0 ? (
          <li>No open MR</li>
        ) : (
          issue.openMergeRequests.map((mr) => <OpenMergeRequest key={mr.reference} mr={mr} project={issue.project} />)
        )}
        <li>
          Created <RelativeTime ms={issue.createdAt} now={now} />
        </li>
        <li>
          Updated <RelativeTime ms={issue.updatedAt} now={now} />
        </li>
      </ul>
      <WhoToTalkTo contacts={issue.contacts} />
      <p class="card-actions">
        <ApplyLink issue={issue} />
        <CopyButton
          text={() => issue.reference}
          label="Copy reference"
          labelSuffix={issue.reference}
          copied="Reference copied"
          announced={`${issue.reference} copied`}
          failed={`Could not copy; the reference is ${issue.reference}`}
          class="rounded-md border border-border bg-surface px-2 py-0.5 text-sm font-medium"
        />
        <ShortlistToggle reference={issue.reference} />
      </p>
    </article>
  );
}
