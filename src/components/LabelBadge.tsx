import { labelColorClass } from '../lib/label-style';
import type { SnapshotLabel } from '../lib/snapshot';

/** A label drawn like GitLab draws it: its own colours when valid, neutral otherwise; scoped labels in two parts. */
export function LabelBadge({ label }: { label: SnapshotLabel }) {
  const colorClass = labelColorClass(label) ?? 'bg-surface text-fg';
  const at = label.name.lastIndexOf('::');
  const scoped = at > 0 && at + 2 < label.name.length;
  return (
    // label-pill (global.css) rather than utilities: a card carries several labels, so this markup repeats most.
    <span class={`label-pill ${colorClass}`}>
      {scoped ? (
        <>
          <span>{label.name.slice(0, at)}</span>
          <span class="bg-bg text-fg">{label.name.slice(at + 2)}</span>
        </>
      ) : (
        <span>{label.name}</span>
      )}
    </span>
  );
}
