import { useRef, useState } from 'preact/hooks';

interface Props {
  /** What to copy, asked for at the click (a URL can change after render). */
  text: () => string;
  /** The button's text; with `labelSuffix`, hidden words that tell one button from its like ("(gitlab-org/gitlab#1)"). */
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
 * A button that copies a text and says so visibly on itself and to screen readers (a polite live region), or says
 * where to find the text when the clipboard is refused. It needs JavaScript, so it is hidden without it (needs-js).
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
    } catch {
      setState('failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), CONFIRM_MS);
  };
  return (
    <>
      <button type="button" onClick={copy} class={`needs-js ${className ?? ''}`}>
        {state === 'copied' ? copied : state === 'failed' ? 'Copy failed' : label}
        {labelSuffix && <span class="sr-only"> {labelSuffix}</span>}
      </button>
      <span class="sr-only" aria-live="polite">
        {state === 'copied' ? announced : state === 'failed' ? failed : ''}
      </span>
    </>
  );
}
