/** A label split at its last `::`, as GitLab scopes labels (`workflow::ready for development`). */
export interface ScopedLabel {
  scope: string | null;
  value: string;
}

/** Splits a label name into scope and value; the scope is everything before the last `::`, as in GitLab. */
export function parseScopedLabel(name: string): ScopedLabel {
  const at = name.lastIndexOf('::');
  if (at <= 0 || at + 2 >= name.length) return { scope: null, value: name };
  return { scope: name.slice(0, at), value: name.slice(at + 2) };
}

/** The snapshot's fields that hold a scoped label's value, each with its scope: `type::bug` gives type "bug". */
export const SCOPED_FIELDS = { type: 'type', stage: 'devops', group: 'group', workflow: 'workflow' } as const;
export type ScopedField = keyof typeof SCOPED_FIELDS;

// By scope; a Map, so a label scoped `constructor::` finds nothing.
const FIELD_OF_SCOPE = new Map<string, ScopedField>(Object.entries(SCOPED_FIELDS).map(([field, scope]) => [scope, field as ScopedField]));

/**
 * Each scoped field's value among `labels` (split by parseScopedLabel), or null. Two labels of one scope cannot
 * happen in GitLab; if the data says so anyway, the first value by name wins, wherever the labels are read.
 */
export function scopedFields(labels: Iterable<ScopedLabel>): Record<ScopedField, string | null> {
  const fields: Record<ScopedField, string | null> = { type: null, stage: null, group: null, workflow: null };
  for (const { scope, value } of labels) {
    const field = scope === null ? undefined : FIELD_OF_SCOPE.get(scope);
    if (field && (fields[field] === null || value < fields[field])) fields[field] = value;
  }
  return fields;
}
