import { formatCount } from '../lib/text/format';
import { availability, daysSince, isBlocked, isStale, STALE_AFTER_DAYS } from '../lib/health/rules';
import type { Issue } from '../lib/model';
import { useSite } from './site-context';


interface Marker {
  key: string;
  text: string;
  /** What the marker means, for a tooltip; the visible text must make sense alone. */
  title: string;
  tone: 'accent' | 'ok' | 'warn' | 'bad' | 'muted';
}

const TONES: Record<Marker['tone'], string> = {
  accent: 'border-accent bg-accent text-accent-fg',
  ok: 'border-ok text-ok',
  warn: 'border-warn text-warn',
  bad: 'border-bad text-bad',
  muted: 'border-border text-muted',
};

/** The markers a card shows, by the rules in lib/health/rules.ts: new, epic, available or not, blocked, stale. */
function issueMarkers(issue: Issue, asOf: number): Marker[] {
  const markers: Marker[] = [];
  if (issue.isNew) markers.push({ key: 'new', text: 'New', title: 'New on the list since the previous update', tone: 'accent' });
  if (issue.kind === 'epic') {
    markers.push({ key: 'epic', text: 'Epic', title: 'An epic: a larger piece of work made of several issues', tone: 'muted' });
  } else {
    if (issue.kind === 'task') markers.push({ key: 'task', text: 'Task', title: 'A task: a small piece of work inside an issue', tone: 'muted' });
    const state = availability(issue, asOf);
    const untouched = daysSince(issue.updatedAt, asOf);
    if (state === 'available') markers.push({ key: 'free', text: 'Available', title: 'Unassigned and without an open merge request that closes it', tone: 'ok' });
    else if (state === 'up-for-grabs') {
      markers.push({ key: 'free', text: `Possibly up for grabs: untouched ${formatCount(untouched)} days`, title: 'Assigned, but without an open merge request and untouched for a while', tone: 'warn' });
    } else markers.push({ key: 'free', text: 'Someone is on it', title: 'Assigned, or an open merge request would close it', tone: 'muted' });
  }
  if (isBlocked(issue)) markers.push({ key: 'blocked', text: 'Blocked', title: 'Labelled workflow::blocked', tone: 'bad' });
  if (isStale(issue, asOf)) {
    const days = daysSince(issue.updatedAt, asOf);
    markers.push({ key: 'stale', text: `Stale: ${formatCount(days)} days without update`, title: `Not updated for more than ${STALE_AFTER_DAYS} days`, tone: 'warn' });
  }
  return markers;
}

/**
 * The issue's markers as small pills, in a list screen readers announce as "Status". They say what the data said as
 * of the snapshot, so they are the same on the server and in the browser.
 */
export function IssueStatus({ issue }: { issue: Issue }) {
  const markers = issueMarkers(issue, useSite().asOf);
  return (
    <ul class="flex flex-wrap gap-1" aria-label="Status">
      {markers.map((marker) => (
        <li key={marker.key} title={marker.title} data-marker={marker.key} class={`rounded-full border px-2 text-xs font-semibold leading-5 ${TONES[marker.tone]}`}>
          {marker.text}
        </li>
      ))}
    </ul>
  );
}
