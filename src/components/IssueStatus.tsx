import { formatCount } from '../lib/text/format';
import { pickUpStatus, readiness, type PickUpStatus, type ReadyCheck } from '../lib/health/ready';
import { daysSince, QUICK_WIN_MAX_WEIGHT, STALE_AFTER_DAYS } from '../lib/health/rules';
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

const STATUS: Record<PickUpStatus, Pick<Marker, 'title' | 'tone'> & { text: string | ((days: string) => string) }> = {
  blocked: { text: 'Blocked', title: 'Labelled workflow::blocked: the work cannot go on', tone: 'bad' },
  taken: { text: 'Someone is on it', title: 'Assigned, or an open merge request would close it', tone: 'muted' },
  'up-for-grabs': {
    text: (days) => `Possibly up for grabs: untouched ${days} days`,
    title: 'Assigned, but without an open merge request and untouched for a while',
    tone: 'warn',
  },
  ready: { text: 'Ready to pick up', title: 'Free, not blocked, fresh, agreed, sized and (quick wins) planned', tone: 'ok' },
  'not-ready': { text: 'Available, not ready', title: 'Nobody is on it, but it misses some of what makes it ready', tone: 'muted' },
};

// The check a status speaks for.
const STATED: Record<PickUpStatus, ReadyCheck | null> = {
  blocked: 'not-blocked',
  taken: 'free',
  'up-for-grabs': 'free',
  ready: null,
  'not-ready': null,
};

// What a card says of each check an issue misses.
const MISSING: Record<ReadyCheck, (issue: Issue) => string> = {
  free: () => 'someone is on it',
  'not-blocked': () => 'blocked',
  fresh: () => `no update in ${STALE_AFTER_DAYS} days`,
  agreed: (issue) => `workflow::${issue.workflow}`,
  sized: (issue) => (issue.weight === null ? 'no weight' : `weight over ${QUICK_WIN_MAX_WEIGHT}`),
  planned: () => 'no plan',
};

/** The markers a card shows, by the rules in lib/health/: new, its kind, its one status, and what it misses. */
function issueMarkers(issue: Issue, asOf: number): Marker[] {
  const markers: Marker[] = [];
  if (issue.isNew) markers.push({ key: 'new', text: 'New', title: 'New on the list since the previous update', tone: 'accent' });
  if (issue.kind === 'epic') {
    markers.push({ key: 'epic', text: 'Epic', title: 'An epic: a larger piece of work made of several issues', tone: 'muted' });
  }
  if (issue.kind === 'task') markers.push({ key: 'task', text: 'Task', title: 'A task: a small piece of work inside an issue', tone: 'muted' });
  const found = readiness(issue, asOf);
  const status = pickUpStatus(issue, asOf, found);
  if (status === null || found === null) return markers;
  const { text, ...look } = STATUS[status];
  markers.push({ key: 'status', text: typeof text === 'string' ? text : text(formatCount(daysSince(issue.updatedAt, asOf))), ...look });
  if (!found.ready) {
    // What the status already says is not said twice: "Someone is on it · 4 of 6 — also no weight".
    const stated = STATED[status];
    // workflow::blocked fails two checks (blocked, not agreed); it is one fact, said once.
    const repeated = (check: ReadyCheck) => check === 'agreed' && issue.workflow?.toLowerCase() === 'blocked' && status === 'blocked';
    const others = found.missing.filter((check) => check !== stated && !repeated(check)).map((check) => MISSING[check](issue));
    const also = others.length === found.missing.length ? '' : 'also ';
    markers.push({
      key: 'checks',
      text: `${found.passed} of ${found.applicable}${others.length ? ` — ${also}${others.join(', ')}` : ''}`,
      title: 'Checks passed of those that make an issue ready to pick up',
      tone: 'muted',
    });
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
        <li key={marker.key} title={marker.title} data-marker={marker.key} class={`marker ${TONES[marker.tone]}`}>
          {marker.text}
        </li>
      ))}
    </ul>
  );
}
