import { relativeTime } from '../lib/text/time';

// Static HTML says how old the data was at build time; in the browser, say how old it is now.
for (const element of document.querySelectorAll<HTMLTimeElement>('time[data-relative]')) {
  const then = Date.parse(element.dateTime);
  if (Number.isFinite(then)) element.textContent = relativeTime(then, Date.now());
}
