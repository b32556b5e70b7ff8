import { relativeTime } from '../lib/text/time';

// Static HTML gives dates, as it cannot know when it is read (see calendarDate); here the reader's clock is known, so
// every time says how long ago, against the same clock as the list's cards. The exact time stays in the tooltip.
// Times inside an island are the island's to render (with the same clock, once it runs): hydration would undo a
// rewrite here, and the page would flicker from date to age to date to age.
for (const element of document.querySelectorAll<HTMLTimeElement>('time[data-relative]')) {
  if (element.closest('astro-island')) continue;
  const then = Date.parse(element.dateTime);
  if (Number.isFinite(then)) element.textContent = relativeTime(then, Date.now());
}
