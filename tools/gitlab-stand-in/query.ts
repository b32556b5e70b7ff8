// The list parameters GET /groups/:id/issues and /projects/:id/issues understand, parsed and validated the way
// GitLab's Grape API does: bad enum values are a 400, odd paging values fall back to defaults.

/** A validated issue-list request. */
export interface ListQuery {
  /** Every one must be present (GitLab's labels= is AND). */
  labels: string[];
  /** None may be present. */
  notLabels: string[];
  state: 'opened' | 'closed' | 'all';
  /** null = no filter. */
  confidential: boolean | null;
  orderBy: 'created_at' | 'updated_at';
  sort: 'asc' | 'desc';
  /** Epoch ms; issues updated at or after it. */
  updatedAfter: number | null;
  withLabelsDetails: boolean;
  /** One work item type (`issue_type=incident`); null lists every type, as GitLab does. */
  issueType: IssueType | null;
  page: number;
  perPage: number;
}

/** The values GitLab's `issue_type` parameter takes on the issue lists: one at a time. */
const ISSUE_TYPES = ['issue', 'incident', 'test_case', 'requirement', 'task', 'ticket'] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 20;

// GitLab takes labels both as a comma-separated string and as an array (labels[]=a&labels[]=b).
function labelList(params: URLSearchParams, key: string): string[] {
  return [...params.getAll(key), ...params.getAll(`${key}[]`)]
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
}

function positiveInt(value: string | null): number | null {
  const parsed = value !== null && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isSafeInteger(parsed) && parsed >= 1 ? parsed : null;
}

/** The page a request asks for (1 when missing or junk); faults match on it too. */
export function pageOf(params: URLSearchParams): number {
  return positiveInt(params.get('page')) ?? 1;
}

/** The labels a request filters on, in order. */
export function labelsOf(params: URLSearchParams): string[] {
  return labelList(params, 'labels');
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T | undefined {
  if (value === null || value === '') return fallback;
  return allowed.find((candidate) => candidate === value);
}

/** Parses a list request's query, or returns GitLab's 400 message for the first invalid parameter. */
export function parseListQuery(params: URLSearchParams): ListQuery | { error: string } {
  const state = oneOf(params.get('state'), ['opened', 'closed', 'all'] as const, 'all');
  if (!state) return { error: 'state does not have a valid value' };
  const orderBy = oneOf(params.get('order_by'), ['created_at', 'updated_at'] as const, 'created_at');
  // GitLab knows more orderings (priority, weight, ...); the stand-in refuses them rather than pretend.
  if (!orderBy) return { error: 'order_by does not have a valid value' };
  const sort = oneOf(params.get('sort'), ['asc', 'desc'] as const, 'desc');
  if (!sort) return { error: 'sort does not have a valid value' };
  const confidential = params.get('confidential') || null;
  if (confidential !== null && confidential !== 'true' && confidential !== 'false') {
    return { error: 'confidential is invalid' };
  }
  const rawUpdatedAfter = params.get('updated_after');
  const updatedAfter = rawUpdatedAfter === null ? null : Date.parse(rawUpdatedAfter);
  if (updatedAfter !== null && Number.isNaN(updatedAfter)) return { error: 'updated_after is invalid' };
  const issueType = params.get('issue_type') || null;
  if (issueType !== null && !oneOf(issueType, ISSUE_TYPES, 'issue')) return { error: 'issue_type does not have a valid value' };
  const perPage = positiveInt(params.get('per_page')) ?? DEFAULT_PER_PAGE;
  return {
    labels: labelsOf(params),
    notLabels: labelList(params, 'not[labels]'),
    state,
    confidential: confidential === null ? null : confidential === 'true',
    orderBy,
    sort,
    updatedAfter,
    withLabelsDetails: params.get('with_labels_details') === 'true',
    issueType: issueType as IssueType | null,
    page: pageOf(params),
    perPage: Math.min(perPage, MAX_PER_PAGE),
  };
}

// Above this many results GitLab stops counting: no x-total, x-total-pages or rel="last".
const MAX_COUNTED = 10_000;

/** One page of results and GitLab's offset-pagination headers for it. */
export function paginate<T>(
  items: readonly T[],
  query: Pick<ListQuery, 'page' | 'perPage'>,
  requestUrl: URL,
): { page: T[]; headers: Record<string, string> } {
  const { page, perPage } = query;
  const counted = items.length <= MAX_COUNTED;
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const start = (page - 1) * perPage;
  const slice = items.slice(start, start + perPage);
  // Kaminari gives no prev/next for a page past the end.
  const outOfRange = counted ? page > totalPages : slice.length === 0 && page > 1;
  const next = !outOfRange && items.length > start + perPage ? page + 1 : null;
  const prev = !outOfRange && page > 1 ? page - 1 : null;
  const href = (target: number): string => {
    const url = new URL(requestUrl);
    url.searchParams.set('page', String(target));
    url.searchParams.set('per_page', String(perPage));
    return url.href;
  };
  const links = [
    ...(prev === null ? [] : [`<${href(prev)}>; rel="prev"`]),
    ...(next === null ? [] : [`<${href(next)}>; rel="next"`]),
    `<${href(1)}>; rel="first"`,
    ...(counted ? [`<${href(totalPages)}>; rel="last"`] : []),
  ];
  const headers: Record<string, string> = {
    'x-page': String(page),
    'x-per-page': String(perPage),
    'x-next-page': next === null ? '' : String(next),
    'x-prev-page': prev === null ? '' : String(prev),
    link: links.join(', '),
  };
  if (counted) {
    headers['x-total'] = String(items.length);
    headers['x-total-pages'] = String(totalPages);
  }
  return { page: slice, headers };
}
