import { labelColorClass } from '../lib/labels/colors';
import { parseScopedLabel } from '../lib/labels/scoped';
import type { SnapshotLabel } from '../lib/snapshot';

/**
 * One item of a card's label list, drawn like GitLab draws a label: its own colours when valid, neutral otherwise;
 * scoped labels in two parts. The item is the pill itself: one element fewer per label, of the most repeated markup.
 */
export function LabelBadge({ label }: { label: SnapshotLabel }) {
  const colorClass = labelColorClass(label) ?? 'bg-surface text-fg';
  const { scope, value } = parseScopedLabel(label.name);
  return (
    // label-pill (global.css) rather than utilities: a card carries several labels, so this markup repeats most.
    scope !== null ? (
      <li class={`label-pill ${colorClass}`}>
        <span>{scope}</span>
        <span class="bg-bg text-fg">{value}</span>
      </li>
    ) : (
      // One part: the pill is its own text box (label-one), one element fewer.
      <li class={`label-pill label-one ${colorClass}`}>{label.name}</li>
    )
  );
}
