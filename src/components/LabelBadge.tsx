import { labelColorClass } from '../lib/label-style';
import type { SnapshotLabel } from '../lib/snapshot';

/** A label drawn like GitLab draws it: its own colours when valid, neutral otherwise; scoped labels in two parts. */
export function LabelBadge({ label }: { label: SnapshotLabel }) {
  const colorClass = labelColorClass(label) ?? 'bg-surface text-fg';
  const at = label.name.lastIndexOf('::');
  const scoped = at > 0 && at + 2 < label.name.length;
  return (
    <span
      class={`inline-flex max-w-full items-center overflow-hidden rounded-full border border-border text-xs leading-5 ${colorClass}`}
    >
      {scoped ? (
        <>
          <span class="truncate px-2">{label.name.slice(0, at)}</span>
          <span class="truncate bg-bg px-2 text-fg">{label.name.slice(at + 2)}</span>
        </>
      ) : (
        <span class="truncate px-2">{label.name}</span>
      )}
    </span>
  );
}
