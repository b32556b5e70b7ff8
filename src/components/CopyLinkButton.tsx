import { CopyButton } from './CopyButton';

/** "Copy link": copies the address of the view shown, which the URL always holds (list page and /health alike). */
export function CopyLinkButton({ class: className }: { class: string }) {
  return (
    <CopyButton
      text={() => location.href}
      label="Copy link"
      copied="Link copied"
      announced="Link to this view copied"
      failed="Could not copy; the link is in the address bar"
      class={className}
    />
  );
}
