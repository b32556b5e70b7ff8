import { LANGUAGE_NAMES } from '../lib/languages';
import type { Facet } from '../lib/model';

/** What each facet is called on the page. */
export const FACET_NAMES: Record<Facet, string> = {
  label: 'Curated label',
  type: 'Type',
  stage: 'DevOps stage',
  group: 'Group',
  area: 'Area',
  language: 'Language',
  project: 'Project',
  weight: 'Weight',
};

const VALUE_NAMES: Partial<Record<Facet, Readonly<Record<string, string>>>> = {
  weight: { '0-1': '0–1', '2-3': '2–3', '4+': '4 or more', none: 'No weight' },
  language: LANGUAGE_NAMES,
};

/** A facet value as shown to people (weight buckets and languages get words; everything else is shown as is). */
export function displayValue(facet: Facet, value: string): string {
  const names = VALUE_NAMES[facet];
  return names && Object.hasOwn(names, value) ? names[value]! : value;
}
