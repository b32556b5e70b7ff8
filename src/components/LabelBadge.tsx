import { labelColorClass } from '../lib/labels/color-classes';
import type { SnapshotLabel } from '../lib/snapshot';

/**
 * One item of a card's label list, drawn like GitLab draws a label: its own colours when valid, neutral otherwise;
 * scoped labels in two parts. The item is the pill itself: one element fewer per label, of the most repeated markup.
 */
export function LabelBadge({ label }: { label: SnapshotLabel }) {
  const colorClass = labelColorClass(label) ?? 'bg-surface text-fg';
  const at = label.name.lastIndexOf('::');
  const scoped = at > 0 && at + 2 < label.name.length;
  return (
    // label-pill (global.css) rather than utilities: a card carries several labels, so this markup repeats most.
    <li class={`label-pill ${colorClass}`}>
      {scoped ? (
        <>
          <span>{label.name.slice(0, at)}</span>
          <span class="bg-bg text-fg">{label.name.slice(at + 2)}</span>
        </>
      ) : (
        <span>{label.name}</span>
      )}
    </li>
  );
}
