import { useEffect, useState } from 'preact/hooks';

const STORAGE_KEY = 'theme';

function effectiveDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'dark' || chosen === 'light') return chosen === 'dark';
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/**
 * A "Dark theme" toggle button; the page follows the system until a visitor presses it, then remembers. Without
 * JavaScript it is not shown (needs-js): served disabled, it would stay so.
 */
export function ThemeToggle() {
  // Unknown until mounted: the server cannot know the visitor's theme.
  const [dark, setDark] = useState<boolean | null>(null);

  useEffect(() => {
    setDark(effectiveDark());
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onSystemChange = () => setDark(effectiveDark());
    media.addEventListener('change', onSystemChange);
    return () => media.removeEventListener('change', onSystemChange);
  }, []);

  const toggle = () => {
    const next = !effectiveDark();
    document.documentElement.dataset.theme = next ? 'dark' : 'light';
    try {
      localStorage.setItem(STORAGE_KEY, next ? 'dark' : 'light');
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    setDark(next);
  };

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={dark ?? false}
      disabled={dark === null}
      class="needs-js inline-flex h-10 items-center gap-2 rounded-md border border-border bg-bg px-3 text-sm font-medium disabled:opacity-60 aria-pressed:border-accent aria-pressed:bg-surface aria-pressed:ring-2 aria-pressed:ring-accent"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" class="h-4 w-4" fill="none" stroke="currentColor" stroke-width="2">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" />
      </svg>
      Dark theme
    </button>
  );
}
