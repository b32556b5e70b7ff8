const MIN_QUERY_CHARS = 2;

/** Whether a query is long enough to search: 2 or more non-space characters; callers show everything otherwise. */
export function isSearchQuery(query: string): boolean {
  return [...query.replace(/\s+/g, '')].length >= MIN_QUERY_CHARS;
}
