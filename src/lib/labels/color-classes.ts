import { validColor } from './scoped';
import type { SnapshotLabel } from '../snapshot';

/** The CSS class that paints a label in GitLab's colours, or null when it has none (then it is drawn neutral). */
export function labelColorClass(label: Pick<SnapshotLabel, 'color' | 'textColor'>): string | null {
  // Re-validated here because the class name is built from the colours: only hex digits may reach it.
  const color = validColor(label.color);
  const text = validColor(label.textColor);
  return color && text ? `lc-${color.slice(1)}-${text.slice(1)}` : null;
}

/** A stylesheet with one rule per colour pair the labels use, sorted so the same labels give the same CSS. */
export function labelColorsCss(labels: Iterable<Pick<SnapshotLabel, 'color' | 'textColor'>>): string {
  const rules = new Map<string, string>();
  for (const label of labels) {
    const name = labelColorClass(label);
    if (name && !rules.has(name)) rules.set(name, `.${name}{background-color:${label.color};color:${label.textColor}}`);
  }
  return [...rules.keys()].sort().map((name) => rules.get(name)).join('\n');
}
