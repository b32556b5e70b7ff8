import { parseIssuePage, type ApiIssue } from '../../scripts/fetch/api-issue';
import { assembleSnapshot } from '../../scripts/fetch/assemble';
import { mergeLabelResults } from '../../scripts/fetch/collect';
import { departureOf, type ApiItemState } from '../../scripts/fetch/departed';
import { parseStagesFile } from '../../scripts/fetch/group-contacts';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotDeparted } from '../../src/lib/snapshot';
import { type PreviousSnapshot } from '../../src/lib/previous-snapshot-schema';
import type { ApiIssue as StandInIssue } from './api-types';
import { STAGES_FILE_TEXT } from './files';
import { mergeRequestsOf } from './merge-requests';

// The contacts the fetch reads from the stand-in's stages file by default.
const STAGES_CONTACTS = parseStagesFile(STAGES_FILE_TEXT);

/** Options of snapshotFromApiIssues. */
export interface GeneratedSnapshotOptions {
  source: Snapshot['source'];
  generatedAt: string;
  /** Every n-th listed issue was not in the simulated previous snapshot, so it comes out new. */
  newEvery: number;
  /** Where the input came from, for validation errors. */
  what: string;
  /** How many of the generated items the list does not show (closed, confidential) left it in the last month. */
  departures?: number;
}

const DAY_MS = 86_400_000;

/** Whether GitLab's issue carries `label`: what the label's query returns. */
const named = (issue: ApiIssue, label: string) => issue.labels.some((l) => (typeof l === 'string' ? l : l.name) === label);

/**
 * Turns generated GitLab issues into a snapshot exactly as the fetch does: validation, what each curated label's
 * query returns, merging and normalisation (collect.ts), then the fetch's assembleSnapshot with a simulated previous
 * snapshot a day older that lacked every `newEvery`-th issue, and the contacts of the stand-in's stages file. The sample, the benchmarks and the browser tests use it.
 */
export function snapshotFromApiIssues(generated: readonly unknown[], options: GeneratedSnapshotOptions): Snapshot {
  const { source, generatedAt } = options;
  const page = parseIssuePage([...generated], options.what);
  if (page.invalid.length > 0) throw new Error(page.invalid[0]);
  const api = page.items;
  const perLabel = source.labels.map((label) => [label, api.filter((issue) => named(issue, label))] as const);
  // Each issue's closing merge requests as the stand-in serves them from GET …/closed_by.
  const byId = new Map(generated.map((item) => [(item as StandInIssue).id, item as StandInIssue]));
  const closing = (issue: ApiIssue) => {
    const original = byId.get(issue.id);
    return original && original.merge_requests_count > 0 ? mergeRequestsOf(original).closing : [];
  };
  const { issues } = mergeLabelResults(perLabel, source.labels, source.url, closing);
  const previousAt = new Date(Date.parse(generatedAt) - DAY_MS).toISOString();
  const previous: PreviousSnapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: previousAt,
    source,
    issues: issues
      .filter((issue, n) => (n + 1) % options.newEvery !== 0 && issue.createdAt <= previousAt)
      .map((issue) => ({ ...issue, firstSeenAt: issue.createdAt })),
    departed: [],
  };
  const departed = monthOfDepartures(api, options.departures ?? 0, source, generatedAt);
  return assembleSnapshot({ source, generatedAt, previous, items: issues, contacts: STAGES_CONTACTS, departed });
}

// What a reason makes of a generated item the list does not show, n days ago: its answer as GitLab would give it.
const DEPARTURES: Array<(issue: ApiIssue, at: string) => ApiItemState> = [
  (issue, at) => ({ ...issue, state: 'closed', confidential: false, closed_at: at }),
  (issue, at) => ({ ...issue, state: 'closed', confidential: false, closed_at: at }),
  (issue, at) => ({ ...issue, state: 'opened', confidential: false, updated_at: at, labels: [] }),
  (issue, at) => ({ ...issue, state: 'closed', confidential: false, closed_at: at, moved_to_id: issue.id + 1 }),
  (issue) => ({ ...issue, confidential: true }),
];

/**
 * `count` departures over the last 30 days, each explained by the fetch's own departureOf: the generated items the
 * list leaves out (closed, confidential), as if an earlier snapshot had listed them and they then left, each for one
 * of the reasons in turn.
 */
function monthOfDepartures(api: readonly ApiIssue[], count: number, source: Snapshot['source'], generatedAt: string): SnapshotDeparted[] {
  const left = api.filter((issue) => issue.state !== 'opened' || issue.confidential === true).slice(0, count);
  const asListed = left.map((issue) => ({ ...issue, state: 'opened', confidential: false }));
  const perLabel = source.labels.map((label) => [label, asListed.filter((issue) => named(issue, label))] as const);
  const { issues } = mergeLabelResults(perLabel, source.labels, source.url);
  const monthAgo = new Date(Date.parse(generatedAt) - 30 * DAY_MS).toISOString();
  const context = { gitlabUrl: source.url, curatedLabels: source.labels, generatedAt, previousGeneratedAt: monthAgo };
  return issues.flatMap((item, n) => {
    const at = new Date(Date.parse(generatedAt) - ((n * 7) % 29) * DAY_MS - DAY_MS / 2).toISOString();
    const original = left.find((issue) => issue.id === item.id)!;
    const entry = departureOf({ ...item, firstSeenAt: item.createdAt }, DEPARTURES[n % DEPARTURES.length]!(original, at), context);
    return entry ? [entry] : [];
  });
}
