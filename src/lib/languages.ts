// What a contributor needs to know to work on an issue, as the Language filter offers it. The map from projects and
// labels to languages is configuration (LANGUAGE_MAP in src/config.ts); the build applies it, so the browser gets
// each issue's languages with the data and never needs the map.

/** The languages, by URL slug, in the order the filter lists them, with what the page calls them. */
export const LANGUAGE_NAMES = { go: 'Go', ruby: 'Ruby', javascript: 'JavaScript/Vue', docs: 'Docs' } as const;
export type Language = keyof typeof LANGUAGE_NAMES;
export const LANGUAGES = Object.keys(LANGUAGE_NAMES) as Language[];

/** Where languages come from: a project (by the last segment of its path), a label, or a label in one project. */
export interface LanguageMap {
  projects: Readonly<Record<string, readonly Language[]>>;
  labels: Readonly<Record<string, readonly Language[]>>;
  /** By full project path, then label: `backend` in gitlab-org/gitlab is Ruby, not in every project. */
  labelsInProject: Readonly<Record<string, Readonly<Record<string, readonly Language[]>>>>;
}

/** The languages an issue of `project` with these labels needs, in LANGUAGES order; an issue can need several. */
export function languagesOf(project: string, labelNames: readonly string[], map: LanguageMap): Language[] {
  const found = new Set<Language>();
  // Own keys only: a label named `constructor` must not find Object's property.
  const add = (record: Readonly<Record<string, readonly Language[]>>, key: string) => {
    if (Object.hasOwn(record, key)) for (const language of record[key]!) found.add(language);
  };
  add(map.projects, project.slice(project.lastIndexOf('/') + 1));
  const inProject = Object.hasOwn(map.labelsInProject, project) ? map.labelsInProject[project]! : {};
  for (const name of labelNames) {
    add(map.labels, name);
    add(inProject, name);
  }
  return LANGUAGES.filter((language) => found.has(language));
}
