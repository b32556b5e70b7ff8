// Runs before first paint (inline, hashed in the CSP) so a visitor's chosen theme never flashes the other one.
// First, say that scripts run: controls that need JavaScript (class `needs-js`) are hidden until this is set
// (global.css), so a page read without JavaScript offers nothing that looks usable and does nothing.
document.documentElement.dataset.js = '';
try {
  const theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage can be blocked; the system preference applies then.
}
// The list's density: the URL's `view` when it names one, else the visitor's remembered choice (density.ts). The
// server renders cards; until the island renders compact rows, global.css cuts the served cards to their first lines
// so the page does not jump from four tall cards to rows. No more than that: the rows themselves need the island.
try {
  const view = new URLSearchParams(location.search).get('view')?.trim().toLowerCase();
  const density = view === 'cards' || view === 'compact' ? view : localStorage.getItem('density');
  if (density === 'compact') document.documentElement.dataset.density = 'compact';
} catch {
  // Storage blocked and no view in the URL: cards, as served.
}
