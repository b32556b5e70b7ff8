import { useCallback } from 'preact/hooks';
import { parseProblems } from '../../lib/health/report';
import type { Problem } from '../../lib/health/rules';
import { parseSorts, writeSorts, type TableSorts } from '../../lib/health/table-sort';
import { emptyView, type ViewState } from '../../lib/model';
import { parseView, serializeView } from '../../lib/view/url-state';
import { useSite } from '../site-context';
import { useUrlState } from '../use-url-view';

/** What a /health URL says: the list page's view, the problems asked for, and how each table is sorted. */
export interface HealthState {
  view: ViewState;
  problems: Problem[];
  sorts: TableSorts;
}

export const emptyHealthState = (): HealthState => ({ view: emptyView(), problems: [], sorts: {} });

/**
 * The /health page's state, kept in its URL as the list page keeps its view (see useUrlState): the view's own
 * parameters as the list page writes them, then `problem`, then each table's sort (`group-sort=-share`). A link
 * from before sorting (no sort parameter) shows every table in the report's order.
 */
export function useHealthUrl() {
  const { curatedLabels } = useSite();
  const parse = useCallback(
    (search: string): HealthState => {
      const params = new URLSearchParams(search);
      return { view: parseView(search, curatedLabels), problems: parseProblems(params), sorts: parseSorts(params) };
    },
    [curatedLabels],
  );
  const serialize = useCallback(
    ({ view, problems, sorts }: HealthState) => {
      const params = new URLSearchParams(serializeView(view, curatedLabels));
      for (const problem of problems) params.append('problem', problem);
      writeSorts(params, sorts);
      return params.toString();
    },
    [curatedLabels],
  );
  const [state, change] = useUrlState<HealthState>(emptyHealthState(), parse, serialize);
  return { state, change, parse, serialize };
}
