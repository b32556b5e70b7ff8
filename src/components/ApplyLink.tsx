import { applyUrl } from '../lib/links/apply-link';
import type { Issue } from '../lib/model';
import { useSite } from './site-context';

/** "Apply with this issue": the application form, filled in with the issue when the site has a template for that. */
export function ApplyLink({ issue }: { issue: Issue }) {
  const { apply } = useSite();
  return (
    <span class="text-muted">
      <a href={applyUrl(apply.template, apply.formUrl, issue)} rel="noopener noreferrer" aria-label={`Apply with this issue (${issue.reference})`}>
        Apply with this issue
      </a>
      {/* Without a template the form cannot know the issue: the visitor brings its reference along. */}
      {apply.template === null && ' (paste its reference in the form)'}
    </span>
  );
}
