import { cleanReferences, cleanTitle, SHORTLIST_MAX } from '../lib/shortlist';

// The visitor's shortlist, kept in the browser's storage so it survives reloads and is shared by the site's tabs: the
// references in the order picked, and the title its link will carry. Storage may be blocked (private modes): the
// shortlist then lasts as long as the page.

const REFERENCES_KEY = 'shortlist';
const TITLE_KEY = 'shortlist-title';

/** The shortlist as the page shows it. */
export interface Shortlist {
  references: readonly string[];
  title: string;
}

let current: Shortlist | null = null;
const listeners = new Set<() => void>();

function read(): Shortlist {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(REFERENCES_KEY) ?? '[]');
    const references = Array.isArray(stored) ? cleanReferences(stored.filter((value) => typeof value === 'string')) : [];
    return { references, title: cleanTitle(localStorage.getItem(TITLE_KEY) ?? '') };
  } catch {
    // Unreadable or blocked: start empty rather than fail the page.
    return { references: [], title: '' };
  }
}

function write(next: Shortlist): void {
  current = next;
  try {
    localStorage.setItem(REFERENCES_KEY, JSON.stringify(next.references));
    localStorage.setItem(TITLE_KEY, next.title);
  } catch {
    // Blocked: kept in this page only.
  }
  for (const listener of listeners) listener();
}

/** The visitor's shortlist (the same object until it changes). */
export function shortlist(): Shortlist {
  return (current ??= read());
}

/** Adds the reference at the end, or takes it off; a full shortlist takes no more. */
export function toggleShortlisted(reference: string): void {
  const { references, title } = shortlist();
  if (references.includes(reference)) write({ references: references.filter((each) => each !== reference), title });
  else if (references.length < SHORTLIST_MAX) write({ references: cleanReferences([...references, reference]), title });
}

export function setShortlistTitle(title: string): void {
  write({ ...shortlist(), title });
}

export function clearShortlist(): void {
  write({ references: [], title: '' });
}

// Another tab's change, heard once for the whole page (every card's toggle subscribes: a keystroke mounts several).
let listening = false;
function onStorage(event: StorageEvent): void {
  if (event.key !== REFERENCES_KEY && event.key !== TITLE_KEY && event.key !== null) return;
  current = read();
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the shortlist changes, in this tab or another; returns the unsubscribe. */
export function subscribeShortlist(listener: () => void): () => void {
  listeners.add(listener);
  if (!listening) {
    listening = true;
    addEventListener('storage', onStorage);
  }
  return () => listeners.delete(listener);
}
