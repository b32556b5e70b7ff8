import { referenceParts } from '../lib/text/reference';

/**
 * A GitLab reference (gitlab-org/gitlab#384734, gitlab-org&12, !1234) in monospace, which wraps on a narrow screen
 * only between the parts of its path. Isolated (<bdi>): a direction override in it cannot reorder the text around it.
 *
 * Each part of the path is a box of its own (`.ref > span`, global.css): a line breaks between parts, after a `/`,
 * and not at a hyphen inside one ("gitlab-vscode-" at a line's end). A part longer than the whole line still breaks,
 * anywhere, rather than widen the page. The number shares its box with the path's last part, one text: no break falls
 * between a letter and a `#`, and the box of a project's name and number ("gitlab-vscode-extension#12345") fits any
 * phone's line. A bare number ("!1234") is one text, without a box: cards are made anew on every keystroke.
 */
export function Reference({ reference, class: className = '' }: { reference: string; class?: string }) {
  const { path, number } = referenceParts(reference);
  const last = path.length - 1;
  return (
    <bdi class={className ? `ref ${className}` : 'ref'}>
      {last < 0
        ? reference
        : [...path.slice(0, last).map((part, at) => <span key={at}>{part}</span>), <span key="last">{`${path[last]}${number}`}</span>]}
    </bdi>
  );
}
