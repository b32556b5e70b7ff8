import type { Facet } from '../lib/model';

/** What each facet is called on the page. */
export const FACET_NAMES: Record<Facet, string> = {
  label: 'Curated label',
  type: 'Type',
  stage: 'DevOps stage',
  group: 'Group',
  area: 'Area',
  project: 'Project',
  weight: 'Weight',
};

const WEIGHT_NAMES: Record<string, string> = { '0-1': '0–1', '2-3': '2–3', '4+': '4 or more', none: 'No weight' };

/** A facet value as shown to people (weight buckets get words; everything else is shown as is). */
export function displayValue(facet: Facet, value: string): string {
  return facet === 'weight' ? (WEIGHT_NAMES[value] ?? value) : value;
}
