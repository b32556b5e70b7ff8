import type { ApiEpic } from './api-types';
import { CURATED_LABELS } from './generator';
import { createRandom } from './prng';
import { label, makeUsers, STAGES, GROUPS } from './taxonomy';
import { makeDescription, makeTitle } from './text';

export type { ApiEpic } from './api-types';

/** Options of generateEpics. */
export interface GenerateEpicsOptions {
  count: number;
  /** Same seed, same epics. Default 1. */
  seed?: number;
  /** Instance URL for web_url and links, no trailing slash. Default https://gitlab.com. */
  baseUrl?: string;
  /** The curated labels handed out; every epic gets one or two of them. Default CURATED_LABELS. */
  curatedLabels?: readonly string[];
  /** Share (0..1) of epics that are closed, and of those that are confidential. Default 0.15 each. */
  closedShare?: number;
  confidentialShare?: number;
}

// Epics are older and fewer than issues; created_at spans the two years before a fixed date, in id order.
const REFERENCE_MS = Date.parse('2026-11-01T00:00:00.000Z');
const SPAN_MS = 2 * 365 * 86_400_000;

/** GitLab's docs and gitbeaker's types show an epic's `confidential` as the string "false"; some answers are so. */
function stringly(confidential: boolean, asString: boolean): ApiEpic['confidential'] {
  if (!asString) return confidential;
  return confidential ? 'true' : 'false';
}

/** Deterministic epics of the taxonomy's groups, as GET /groups/:id/epics?with_labels_details=true returns them. */
export function generateEpics(options: GenerateEpicsOptions): ApiEpic[] {
  const random = createRandom(options.seed ?? 1);
  const baseUrl = options.baseUrl ?? 'https://gitlab.com';
  const curatedLabels = options.curatedLabels ?? CURATED_LABELS;
  const users = makeUsers(baseUrl);
  const groups = Object.entries(GROUPS);
  // Fields added after the first datasets were made draw from a second sequence, keeping the others as they were.
  const extra = createRandom((options.seed ?? 1) * 6_151 + 3_571);
  const nextIid = new Map(groups.map(([path]) => [path, 1]));
  return Array.from({ length: options.count }, (_, index): ApiEpic => {
    const [group, groupId] = random.pick(groups);
    const iid = nextIid.get(group) ?? 1;
    nextIid.set(group, iid + random.int(1, 5));
    // Epic ids are far lower than issue ids on gitlab.com; an epic and an issue may still share one.
    const id = 900_000 + index;
    const createdMs = REFERENCE_MS - SPAN_MS + Math.floor((SPAN_MS * (index + random.next())) / options.count);
    const updatedMs = createdMs + Math.floor(random.next() * (REFERENCE_MS - createdMs));
    const closed = random.chance(options.closedShare ?? 0.15);
    const stage = random.pick(STAGES);
    const names = [
      ...new Set([random.pick(curatedLabels), ...(random.chance(0.3) ? [random.pick(curatedLabels)] : [])]),
      'type::feature',
      `devops::${stage.stage}`,
      `group::${random.pick(stage.groups).name}`,
    ];
    const apiGroup = `${baseUrl}/api/v4/groups/${groupId}`;
    return {
      id,
      work_item_id: 160_000_000 + id,
      iid,
      color: '#1068bf',
      text_color: '#FFFFFF',
      group_id: groupId,
      parent_id: null,
      parent_iid: null,
      imported: false,
      imported_from: 'none',
      title: makeTitle(random, 'feature'),
      description: makeDescription(random, {
        kind: 'feature',
        quickWin: names.some((name) => name.startsWith('quick win')),
        contact: random.pick(users).username,
        quickActionLabels: [],
        long: false,
      }),
      confidential: stringly(random.chance(options.confidentialShare ?? 0.15), extra.chance(0.3)),
      author: { ...random.pick(users) },
      start_date: null,
      due_date: null,
      state: closed ? 'closed' : 'opened',
      web_edit_url: `/groups/${group}/-/epics/${iid}`,
      web_url: `${baseUrl}/groups/${group}/-/epics/${iid}`,
      references: { short: `&${iid}`, relative: `&${iid}`, full: `${group}&${iid}` },
      created_at: new Date(createdMs).toISOString(),
      updated_at: new Date(updatedMs).toISOString(),
      closed_at: closed ? new Date(updatedMs).toISOString() : null,
      labels: names.map(label).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      upvotes: random.skewed(40),
      downvotes: 0,
      _links: {
        self: `${apiGroup}/epics/${iid}`,
        epic_issues: `${apiGroup}/epics/${iid}/issues`,
        group: apiGroup,
        parent: null,
      },
    };
  });
}
