import { useRef, useState } from 'preact/hooks';
import { announce } from '../client/announcer';

interface Props {
  /** What to copy, asked for at the click (a URL can change after render). */
  text: () => string;
  /** The button's text; with `labelSuffix`, words added to its name that tell one button from its like ("gitlab-org/gitlab#1"). */
  label: string;
  labelSuffix?: string;
  /** The button's text for a while after copying, and what a screen reader hears. */
  copied: string;
  announced: string;
  /** What to tell when the browser refuses the clipboard: where else to find the text. */
  failed: string;
  class?: string;
}

// How long the button says it copied: long enough to read, short enough not to mislead about the next click.
const CONFIRM_MS = 2500;

/**
 * A button that copies a text and says so visibly on itself and to screen readers (the page's live region, see
 * announcer.ts), or says where to find the text when the clipboard is refused. It needs JavaScript, so it is hidden
 * without it (needs-js). It is one element with one text: cards carry one each, and are made anew on every keystroke.
 */
export function CopyButton({ text, label, labelSuffix, copied, announced, failed, class: className }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  // No effect to clear it on unmount: cards mount by the dozen per keystroke, and a late setState on an unmounted
  // button does nothing.
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setState('copied');
      announce(announced);
    } catch {
      setState('failed');
      announce(failed);
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), CONFIRM_MS);
  };
  const shown = state === 'copied' ? copied : state === 'failed' ? 'Copy failed' : label;
  return (
    // The name begins with the visible text, so a speech user can say what they see.
    <button type="button" onClick={copy} aria-label={labelSuffix && `${shown} ${labelSuffix}`} class={`needs-js ${className ?? ''}`}>
      {shown}
    </button>
  );
}
