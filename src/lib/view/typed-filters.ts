import type { Facet, ViewState } from '../model';

// Filters typed into the search box, as GitLab's filtered search takes them: a scoped label (`type::bug`,
// `devops::verify`, `group::runner`, `group::"source code"` for a value with spaces) or `is:ready` / `is:available`.

const FACET_OF_SCOPE: Readonly<Record<string, Facet>> = { type: 'type', devops: 'stage', group: 'group' };

// Group 1 keeps the whitespace before a token; a token ends at whitespace or at the end of the query.
const TOKEN = /(^|\s)(?:(type|devops|group)::(?:"([^"]*)"|([^\s"]+))|is:(ready|available))(?=\s|$)/gi;

/**
 * The view with `q` as the search, each filter typed into it taken out and applied as a filter instead. While
 * someone types (`complete` false) a token at the very end may still grow, so it stays text until a space or Enter
 * follows it. Values are matched to the data's leniently by the query (see FacetIndex.resolve).
 */
export function withTypedFilters(view: ViewState, q: string, complete: boolean): ViewState {
  const filters = { ...view.filters };
  let { ready, available } = view;
  let taken = false;
  const rest = q.replace(TOKEN, (whole: string, lead: string, scope?: string, quoted?: string, bare?: string, flag?: string, ...more) => {
    const offset = more[0] as number;
    if (!complete && offset + whole.length === q.length) return whole;
    taken = true;
    if (flag?.toLowerCase() === 'ready') ready = true;
    else if (flag) available = true;
    else {
      const facet = FACET_OF_SCOPE[scope!.toLowerCase()]!;
      const value = (quoted ?? bare ?? '').trim();
      if (value && !filters[facet].includes(value)) filters[facet] = [...filters[facet], value];
    }
    return lead;
  });
  if (!taken) return { ...view, q };
  const text = rest.replace(/\s{2,}/g, ' ').trimStart();
  return { ...view, q: complete ? text.trimEnd() : text, filters, ready, available };
}
