import { describe, expect, it } from 'vitest';
import { parseEpicPage } from '../../../scripts/fetch/api-epic';
import { MINIMAL_EPIC } from './api-fixtures';

describe('parseEpicPage', () => {
  it('accepts an epic with every optional field missing or null', () => {
    const nulls = { ...MINIMAL_EPIC, id: 42, labels: null, description: null, confidential: null, references: null };
    expect(parseEpicPage([MINIMAL_EPIC, nulls], 'p').items).toHaveLength(2);
  });

  it('reads confidential as GitLab’s docs show it, the string "false" or "true"', () => {
    const page = parseEpicPage([{ ...MINIMAL_EPIC, confidential: 'false' }, { ...MINIMAL_EPIC, id: 43, confidential: 'true' }], 'p');
    expect(page.items.map((epic) => epic.confidential)).toEqual([false, true]);
    expect(parseEpicPage([{ ...MINIMAL_EPIC, confidential: 'no' }], 'p').invalid).toHaveLength(1);
  });

  it('leaves out an epic that fails, naming it and the field of its problem', () => {
    const page = parseEpicPage([{ ...MINIMAL_EPIC, references: { full: 'gitlab-org#12' } }, { ...MINIMAL_EPIC, id: 44 }], 'GET x page 1');
    expect(page.items.map((epic) => epic.id)).toEqual([44]);
    expect(page.invalid).toEqual(['GET x page 1: epic id 41: field references.full: must look like group&12']);
    expect(() => parseEpicPage({ message: '403 Forbidden' }, 'p')).toThrow('p: expected a list of epics, got object');
  });
});
