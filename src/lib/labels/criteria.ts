/** Why an issue with a curated label is on the list: what the label means, and what GitLab asks of such issues. */
export interface LabelCriteria {
  summary: string;
  /** The criteria, one per item; empty when the site knows none for the label. */
  criteria: string[];
}

const QUICK_WIN_CRITERIA = [
  'The description has an implementation plan: a level-2 or level-3 heading starting with “Implementation” (such as “Implementation plan” or “Implementation guide”). GitLab’s triage bot removes the label from issues without one.',
  'It is small: a weight of 0 to 3 is expected.',
  'A contact person, usually a GitLab team member who knows the code, is recommended in the issue.',
];

// Keyed by the label name in lower case: GitLab's handbook and the labels themselves differ in capitals. A Map, not an
// object: a label named `constructor` would find Object's own property and crash the page.
const KNOWN = new Map<string, LabelCriteria>(Object.entries({
  'quick win': {
    summary: 'A well-prepared, small issue that a contributor new to the code can finish.',
    criteria: QUICK_WIN_CRITERIA,
  },
  'quick win::first-time contributor': {
    summary: 'A quick win reserved for someone’s first contribution to GitLab.',
    criteria: [
      ...QUICK_WIN_CRITERIA,
      'It is kept for a first-time contributor: if you have contributed to GitLab before, leave it to a newcomer.',
    ],
  },
  'co-create': {
    summary: 'Work that GitLab’s product team approved as suitable for a paired Co-Create engagement with GitLab engineers.',
    criteria: [
      'The change is wanted: product management agreed on it, so a merge request is likely to be accepted.',
      'It suits a customer team working together with GitLab engineers, who pair with the contributors through review and merge.',
    ],
  },
}));

/** The criteria behind a curated label; a generic explanation for labels the site knows nothing about. */
export function labelCriteria(label: string): LabelCriteria {
  return (
    KNOWN.get(label.toLowerCase()) ?? {
      summary: `Issues labelled “${label}” are listed because this site is configured to list that label.`,
      criteria: [],
    }
  );
}
