// The e2e fixture: generated GitLab issues run through the fetch's own validation and normalisation (as
// scripts/make-sample.ts does), plus a few hand-made hostile issues. Tests read the written file back and compute
// what the page should show from it, so nothing here is a hard-coded expectation.
import { parseSnapshot, serializeSnapshot, type Snapshot, type SnapshotIssue } from '../../src/lib/snapshot';
import { snapshotFromApiIssues } from '../../tools/gitlab-stand-in/generated-snapshot';
import { CURATED_LABELS, generateIssues, type ApiIssue } from '../../tools/gitlab-stand-in/generator';

export const GITLAB_URL = 'https://gitlab.com';
export const GENERATED_COUNT = 400;
/** Nights of the /health trend the fixture site was built with (tools/simulated-history.ts). */
export const FIXTURE_NIGHTS = 30;
export const SEED = 7331;
/** Issues per plain list page in the fixture site (PLAIN_PAGE_SIZE): few enough that /all/ and a label run to pages. */
export const FIXTURE_PLAIN_PAGE_SIZE = 60;
/** A word only the hand-made hostile issues carry, so one search shows all of them. */
export const HOSTILE_MARKER = 'Hostilefixture';
/** Title words of the issue whose `url` lies off the GitLab instance. */
export const FOREIGN_URL_TITLE_MARKER = 'foreign URL marker';
export const FOREIGN_URL = 'https://gitlab.com.evil.example/gitlab-org/gitlab/-/issues/90002';
export const BAD_COLOR = 'red;background:url(javascript:alert(1))';
/** Title words of the fixture's one epic. */
export const EPIC_TITLE_MARKER = 'Epicfixture';
/** A title word of the issue whose project name carries a right-to-left override (U+202E). */
export const BIDI_TITLE_MARKER = 'Bidifixture';
/** Title words of the new issue whose title and excerpt carry characters XML 1.0 forbids. */
export const XML_FORBIDDEN_TITLE_MARKER = 'Forbidden characters marker';

// Each payload sets a flag when it runs, on top of calling alert, so a test sees it even if alert is replaced.
const SCRIPT = '<script>window.__xss=1;alert("script")</script>';
const IMG = '<img src=x onerror="window.__xss=1;alert(\'img\')">';
const SVG = '"><svg onload="window.__xss=1;alert(\'svg\')">';

const HOSTILE_START_ID = 990_000_001;

// Hostile API issues made from generated ones (so every other field is realistic), fed through the fetch like any.
function hostileApiIssues(template: ApiIssue, milestone: NonNullable<ApiIssue['milestone']>): ApiIssue[] {
  const make = (n: number, title: string, labels: ApiIssue['labels']): ApiIssue => ({
    ...structuredClone(template),
    id: HOSTILE_START_ID + n,
    iid: 90_000 + n,
    title,
    state: 'opened',
    confidential: false,
    web_url: `${GITLAB_URL}/gitlab-org/gitlab/-/issues/${90_000 + n}`,
    references: { short: `#${90_000 + n}`, relative: `#${90_000 + n}`, full: `gitlab-org/gitlab#${90_000 + n}` },
    labels,
  });
  const label = (id: number, name: string, color: string, textColor = '#FFFFFF') => ({
    id,
    name,
    color,
    text_color: textColor,
    description: null,
    description_html: '',
    archived: false,
  });
  return [
    make(0, `${HOSTILE_MARKER} ${SCRIPT} in the title`, [
      label(9_910_001, 'co-create', '#6b2fd6'),
      label(9_910_002, SCRIPT, '#dc143c'),
      label(9_910_003, IMG, BAD_COLOR, '#ffffff; position:fixed'),
      label(9_910_004, 'type::bug', '#dc143c'),
    ]),
    make(1, `${HOSTILE_MARKER} ${IMG} image in the title`, [
      label(9_910_001, 'quick win', '#009966'),
      label(9_910_005, `group::${SVG}`, '#428bca'),
      label(9_910_006, 'type::feature', '#428bca'),
    ]),
    // U+202E reverses what follows it: gitlab-org/\u202Eevil reads as "gitlab-org/live", and in a title, label or
    // milestone it would reverse the page's own text after it unless that text is isolated.
    {
      ...make(4, `${HOSTILE_MARKER} ${BIDI_TITLE_MARKER} \u202Ereversed title`, [
        label(9_910_001, 'co-create', '#6b2fd6'),
        label(9_910_007, '\u202Ereversed label', '#428bca'),
      ]),
      web_url: `${GITLAB_URL}/gitlab-org/%E2%80%AEevil/-/issues/90004`,
      references: { short: '#90004', relative: '#90004', full: 'gitlab-org/\u202Eevil#90004' },
      milestone: { ...milestone, title: '\u202Ereversed milestone' },
    },
  ];
}

/** Builds the fixture snapshot (deterministic). */
export function makeFixture(): Snapshot {
  const generated = generateIssues({ count: GENERATED_COUNT, seed: SEED, baseUrl: GITLAB_URL });
  const template = generated.find((issue) => issue.state === 'opened' && !issue.confidential)!;
  const milestone = generated.find((issue) => issue.milestone)!.milestone!;
  const snapshot = snapshotFromApiIssues([...generated, ...hostileApiIssues(template, milestone)], {
    source: { url: GITLAB_URL, group: 'gitlab-org', labels: [...CURATED_LABELS] },
    generatedAt: '2026-11-01T06:00:00.000Z',
    newEvery: 20,
    what: 'e2e fixture',
    departures: 60,
  });
  const { issues } = snapshot;

  // The excerpt is made from markdown prose (raw HTML is dropped), so plant payloads in it after normalising.
  for (const issue of issues) {
    if (issue.id >= HOSTILE_START_ID) issue.excerpt = `${HOSTILE_MARKER} excerpt ${IMG} then ${SCRIPT} and ${SVG}`;
  }
  // The snapshot schema refuses anything but http(s) URLs, but any host: the page must not link one off the instance.
  const base = issues.find((issue) => issue.id === HOSTILE_START_ID)!;
  const foreignIssue: SnapshotIssue = {
    ...structuredClone(base),
    id: HOSTILE_START_ID + 2,
    iid: 90_002,
    reference: 'gitlab-org/gitlab#90002',
    url: FOREIGN_URL,
    title: `${HOSTILE_MARKER} ${FOREIGN_URL_TITLE_MARKER} ${SVG}`,
    labels: base.labels.filter((l) => l.name === 'co-create'),
    curated: ['co-create'],
    type: null,
    group: null,
    stage: null,
  };
  issues.push(foreignIssue);
  // A departure whose title carries markup: the /health page shows it as text.
  snapshot.departed.unshift({ ...snapshot.departed[0]!, reference: 'gitlab-org/gitlab#90004', url: `${GITLAB_URL}/gitlab-org/gitlab/-/issues/90004`, title: `${HOSTILE_MARKER} departed ${SCRIPT}`, reason: 'closed' });
  // More than a page of departures (the generated ones are fewer), each a copy under a reference of its own.
  const generatedDepartures = [...snapshot.departed];
  for (let n = 0; snapshot.departed.length <= 60; n += 1) {
    const iid = 91_000 + n;
    snapshot.departed.push({ ...generatedDepartures[n % generatedDepartures.length]!, reference: `gitlab-org/gitlab#${iid}`, url: `${GITLAB_URL}/gitlab-org/gitlab/-/issues/${iid}` });
  }
  // Newest first, as the fetch writes them.
  snapshot.departed.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.reference < b.reference ? -1 : 1));
  // Controls, a lone surrogate and U+FFFF (which XML forbids) and a bidi override, first seen now so the feed lists it.
  issues.push({
    ...structuredClone(foreignIssue),
    id: HOSTILE_START_ID + 3,
    iid: 90_003,
    reference: 'gitlab-org/gitlab#90003',
    url: `${GITLAB_URL}/gitlab-org/gitlab/-/issues/90003`,
    title: `${XML_FORBIDDEN_TITLE_MARKER} \u0000\u0001\u0008\u000b\u001f\ud800\uffff \u202egnp.exe`,
    excerpt: 'Escape \u001b[31m, bell \u0007 and a lone \udc00 surrogate',
    firstSeenAt: snapshot.generatedAt,
  });
  // An epic, as the fetch normalises one, sharing its id with an issue (GitLab numbers them apart).
  const shared = issues.find((issue) => issue.curated.includes('co-create') && issue.id < HOSTILE_START_ID)!;
  issues.push({
    ...structuredClone(shared),
    kind: 'epic',
    iid: 12,
    project: 'gitlab-org',
    reference: 'gitlab-org&12',
    url: `${GITLAB_URL}/groups/gitlab-org/-/epics/12`,
    title: `${EPIC_TITLE_MARKER}: a paired week on contributor onboarding`,
    weight: null,
    milestone: null,
    assignees: [],
    mergeRequests: 0,
    updatedAt: '2026-10-30T12:00:00.000Z',
    firstSeenAt: snapshot.generatedAt,
  });

  return snapshot;
}

/** The fixture as the file the build reads (validated by the site's own schema on the way). */
export function fixtureText(): string {
  const text = serializeSnapshot(makeFixture());
  parseSnapshot(text);
  return text;
}
