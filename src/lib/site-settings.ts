import type { ApplyLink } from './links/apply-link';

/** What every part of a page needs to know about the site: the same for all of it, set once at its root. */
export interface SiteSettings {
  /** The GitLab instance the data came from: only links under it are made clickable. */
  gitlabUrl: string;
  /** The group the issues were fetched from. */
  group: string;
  /** The configured curated labels, in order. */
  curatedLabels: readonly string[];
  /** Where each card's "Apply with this issue" leads. */
  apply: ApplyLink;
  /** The snapshot's time in milliseconds: markers and health rules say what the data said then. */
  asOf: number;
}
