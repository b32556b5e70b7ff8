import { describe, expect, it } from 'vitest';
import { createDigester } from '../../../scripts/fetch/digest';

describe('createDigester', () => {
  it('keeps an epic and an issue with the same id and updated_at apart', () => {
    const digester = createDigester();
    const when = '2025-01-02T00:00:00Z';
    const issue = digester.digest('issue', { id: 1, updated_at: when, description: 'The issue.' });
    const epic = digester.digest('epic', { id: 1, updated_at: when, description: 'The epic.' });
    expect([issue.excerpt, epic.excerpt, digester.parsed]).toEqual(['The issue.', 'The epic.', 2]);
  });
});
