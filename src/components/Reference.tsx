import { referenceParts } from '../lib/text/reference';

// Each part of the path is a box of its own: a line breaks between parts, after a `/`, and not at a hyphen inside one
// ("gitlab-vscode-" at a line's end). A part longer than the whole line still breaks, anywhere, rather than widen the
// page. The number is never broken, and shares its box with the path's last part. A link's underline does not reach
// into an inline box by itself: the boxes take it over (text-decoration: inherit) from the <bdi>, which takes it over
// from the link around it, if any.
const PART = 'inline-block max-w-full [overflow-wrap:anywhere] [text-decoration:inherit]';

/**
 * A GitLab reference (gitlab-org/gitlab#384734, gitlab-org&12, !1234) in monospace, which wraps on a narrow screen
 * only between the parts of its path. Isolated (<bdi>): a direction override in it cannot reorder the text around it.
 */
export function Reference({ reference, class: className = '' }: { reference: string; class?: string }) {
  const { path, number } = referenceParts(reference);
  const last = path.length - 1;
  return (
    <bdi class={`font-mono [text-decoration:inherit] ${className}`}>
      {path.slice(0, last).map((part, at) => (
        <span key={at} class={PART}>
          {part}
        </span>
      ))}
      <span class={PART}>
        {path[last]}
        <span class="whitespace-nowrap">{number}</span>
      </span>
    </bdi>
  );
}
