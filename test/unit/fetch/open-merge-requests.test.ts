import { describe, expect, it } from 'vitest';
import type { ApiMergeRequest } from '../../../scripts/fetch/api-issue';
import { openMergeRequests } from '../../../scripts/fetch/open-merge-requests';

const mr = (state: string, full: string): ApiMergeRequest => ({
  id: 1,
  state,
  web_url: 'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/1',
  references: { full },
});

describe('openMergeRequests', () => {
  it('keeps the open ones, once each', () => {
    const closing = [mr('opened', 'gitlab-org/gitlab!1'), mr('merged', 'gitlab-org/gitlab!2'), mr('opened', 'gitlab-org/gitlab!1')];
    expect(openMergeRequests(closing).map((open) => open.reference)).toEqual(['gitlab-org/gitlab!1']);
  });

  it('strips bidi controls and zero-width characters from the reference, as from an issue’s', () => {
    expect(openMergeRequests([mr('opened', 'gitlab-org/\u202Eevil\u200B!1')])[0]!.reference).toBe('gitlab-org/evil!1');
  });
});
