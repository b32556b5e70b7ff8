import type { Issue } from '../model';

/** The placeholders an apply URL template (APPLY_URL_TEMPLATE) may use. */
export const APPLY_PLACEHOLDERS = ['formUrl', 'url', 'reference', 'title'] as const;
type Placeholder = (typeof APPLY_PLACEHOLDERS)[number];

/** Where a card's "Apply with this issue" leads: the application form, and the optional template naming the issue. */
export interface ApplyLink {
  formUrl: string;
  template: string | null;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

const isPlaceholder = (name: string): name is Placeholder => (APPLY_PLACEHOLDERS as readonly string[]).includes(name);

/** The `{names}` in a template that are not placeholders, in order of appearance; empty for a valid template. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!).filter((name) => !isPlaceholder(name));
}

/**
 * The link to apply with an issue: `template` with its placeholders filled in (every value but {formUrl}
 * URL-encoded, so issue text cannot change the link's structure), or the plain form URL without a template.
 */
export function applyUrl(template: string | null, formUrl: string, issue: Pick<Issue, 'url' | 'reference' | 'title'>): string {
  if (template === null) return formUrl;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    return name === 'formUrl' ? formUrl : encodeURIComponent(issue[name]);
  });
}
