/** A GitLab reference cut where a line may break (see components/Reference.tsx). */
export interface ReferenceParts {
  /** The path cut after each `/`: "gitlab-org/", "gitlab". Empty for a bare number ("!1234"). */
  path: string[];
  /** What it ends with, which must stay whole: "#384734", "&12" (an epic), "!1234" (a merge request); or "". */
  number: string;
}

/** Cuts a reference into its path's parts and its number; joined, they are the reference as given. */
export function referenceParts(reference: string): ReferenceParts {
  const at = reference.search(/[#&!]\d+$/);
  const path = at === -1 ? reference : reference.slice(0, at);
  return { path: path === '' ? [] : path.split(/(?<=\/)/), number: at === -1 ? '' : reference.slice(at) };
}
