import type { ComponentChildren } from 'preact';
import { PROBLEM_NAMES, PROBLEMS, type Problem } from '../../lib/health/rules';
import type { HealthReport } from '../../lib/health/report';
import { emptyView, withoutFilter, type Facet, type IgnoredValue, type ViewFilter } from '../../lib/model';
import { ActiveFilters } from '../ActiveFilters';
import { CopyLinkButton } from '../CopyLinkButton';
import { IgnoredValues } from '../IgnoredValues';
import { useSite } from '../site-context';
import type { HealthState } from './use-health-url';

interface Props {
  state: HealthState;
  /** The unfiltered report: which stages and groups there are to choose from. */
  initialReport: HealthReport;
  pending: boolean;
  ignored: readonly IgnoredValue[];
  onChange: (next: HealthState) => void;
  /** The status line: how many issues, or why there are none yet. */
  children: ComponentChildren;
}

/** The view of /health: a select per filter, the filters as removable chips, Copy link, and how many issues it has. */
export function HealthFilters({ state, initialReport, pending, ignored, onChange, children }: Props) {
  const { curatedLabels } = useSite();
  const { view, problems } = state;
  const only = (facet: Facet, value: string) => onChange({ ...state, view: { ...view, filters: { ...view.filters, [facet]: value ? [value] : [] } } });
  const remove = (what: ViewFilter, value?: string) => onChange({ ...state, view: withoutFilter(view, what, value) });
  const problemChips = problems.map((problem) => ({
    key: `problem:${problem}`,
    name: 'Problem',
    value: PROBLEM_NAMES[problem],
    remove: () => onChange({ ...state, problems: problems.filter((p) => p !== problem) }),
  }));
  return (
    <section aria-labelledby="filter-heading" class="flex flex-col gap-3">
      {/* needs-js: without JavaScript the selects could not filter; the count below stays, for every issue. */}
      <div class="needs-js flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="filter-heading" class="text-xl font-semibold">
          Filter
        </h2>
        <CopyLinkButton class="rounded-md border border-border bg-surface px-3 py-1 text-sm font-medium" />
      </div>
      <div class="needs-js flex flex-wrap gap-3">
        <Select id="health-label" label="Curated label" value={single(view.filters.label)} options={curatedLabels} onChange={(v) => only('label', v)} />
        <Select id="health-stage" label="Stage" value={single(view.filters.stage)} options={keys(initialReport.stages)} onChange={(v) => only('stage', v)} />
        <Select id="health-group" label="Group" value={single(view.filters.group)} options={keys(initialReport.groups)} onChange={(v) => only('group', v)} />
        <Select
          id="health-problem"
          label="Problem"
          value={single(problems)}
          options={PROBLEMS}
          display={(p) => PROBLEM_NAMES[p as Problem]}
          onChange={(v) => onChange({ ...state, problems: v ? [v as Problem] : [] })}
        />
      </div>
      <ActiveFilters
        view={view}
        more={problemChips}
        onRemove={remove}
        onClearAll={() => onChange({ ...state, view: emptyView(), problems: [] })}
        focusWhenEmpty="health-label"
        pending={pending}
      />
      <p role="status" class="text-sm text-muted">
        {children}
      </p>
      <IgnoredValues ignored={ignored} />
    </section>
  );
}

const single = (values: readonly string[]) => (values.length === 1 ? values[0]! : '');
const keys = (tallies: HealthReport['groups']) => tallies.flatMap((tally) => (tally.key === null ? [] : [tally.key]));

interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  display?: (value: string) => string;
  onChange: (value: string) => void;
}

function Select({ id, label, value, options, display = (v) => v, onChange }: SelectProps) {
  return (
    <div class="flex min-w-0 flex-col gap-1 text-sm">
      <label for={id} class="font-semibold">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
        class="max-w-[16rem] rounded-md border border-border bg-bg px-2 py-1"
      >
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {display(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
