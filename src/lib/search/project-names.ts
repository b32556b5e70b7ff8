// A project named in a query ranks that project's issues first. People type "gitlab-runner" or "gitaly" rather
// than "gitlab-org/gitlab-runner"; searched as words, a bare name put the titles that mention "runner" (a title
// match weighs more than a project one) above the project's own issues.

/** The names a project goes by, lower case: its path, and the last segment of it (gitlab-runner). */
export function projectNames(project: string): string[] {
  const path = project.toLowerCase();
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last === path ? [path] : [path, last];
}

/** The parts of a query that can name a project: split at white space, lower case, without trailing slashes. */
export function nameTokens(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((token) => token.replace(/\/+$/, ''))
    .filter(Boolean);
}

/** Which issues belong to a project a query names. */
export interface ProjectNameIndex {
  /**
   * `found` (issue positions, best first) with the issues of every project the query names moved to the front;
   * both parts keep their order. `lead` counts the moved ones.
   */
  first(found: Int32Array, query: string): { order: Int32Array; lead: number };
}

/** The index over issues whose projects `projectOf` gives, by position; built once per dataset. */
export function projectNameIndex(count: number, projectOf: (at: number) => string): ProjectNameIndex {
  // Each issue's project as a small integer, and the projects each name stands for: several projects can share a
  // last segment (gitlab-org/gitlab and gitlab-org/charts/gitlab), and a name is one of them as much as the other.
  const projectIds = new Map<string, number>();
  const projectOfIssue = new Int32Array(count);
  const byName = new Map<string, number[]>();
  for (let at = 0; at < count; at++) {
    const project = projectOf(at);
    let id = projectIds.get(project);
    if (id === undefined) {
      id = projectIds.size;
      projectIds.set(project, id);
      for (const name of projectNames(project)) byName.set(name, [...(byName.get(name) ?? []), id]);
    }
    projectOfIssue[at] = id;
  }
  const named = new Uint8Array(projectIds.size);

  return {
    first(found, query) {
      let any = false;
      for (const token of nameTokens(query)) {
        for (const id of byName.get(token) ?? []) {
          named[id] = 1;
          any = true;
        }
      }
      if (!any) return { order: found, lead: 0 };
      // A stable partition in two linear passes: a keystroke never sorts.
      const order = new Int32Array(found.length);
      let lead = 0;
      for (const at of found) if (named[projectOfIssue[at]!]) order[lead++] = at;
      let n = lead;
      for (const at of found) if (!named[projectOfIssue[at]!]) order[n++] = at;
      named.fill(0);
      return { order, lead };
    },
  };
}
