import type { Density } from '../lib/model';

// The key theme-init.js reads too, to show the served cards as compact rows would stand before the island renders.
const STORAGE_KEY = 'density';

/** The density this visitor last chose with the toggle; cards when they never did, or storage is blocked. */
export function rememberedDensity(): Density {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'compact' ? 'compact' : 'cards';
  } catch {
    return 'cards';
  }
}

/**
 * Remembers the visitor's choice; only the toggle calls this, so a link that opens the other density does not
 * overwrite it. The page's attribute follows, so the pre-hydration rule of global.css never acts on a changed mind.
 */
export function rememberDensity(density: Density): void {
  document.documentElement.dataset.density = density;
  try {
    localStorage.setItem(STORAGE_KEY, density);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}
