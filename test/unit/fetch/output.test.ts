import { describe, expect, it } from 'vitest';
import { redactor } from '../../../scripts/fetch/output';

describe('redactor', () => {
  it('removes the secret and its URL-encoded form', () => {
    const redact = redactor(['glpat-a/b+c', undefined]);
    expect(redact('token glpat-a/b+c and glpat-a%2Fb%2Bc')).toBe('token [redacted] and [redacted]');
  });
});
