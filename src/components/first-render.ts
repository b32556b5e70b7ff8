// How many results the list renders before the rest of its page (the fill, useFillAfterPaint): what the page's
// HTML serves, and what a new view (a keystroke, a filter) renders in its own frame. The bench's floor inserts as many.
import type { Density } from '../lib/model';

/** Cards per page; more on request, so a broad view never renders thousands of cards. */
export const PAGE_SIZE = 25;

/**
 * Cards served in the page's HTML, and rendered once the data is in: more than a screen holds (a card is 270 to 330 px
 * tall, the first starts about 390 px down; three reach past 1,080 px). The rest of the page follows once they are
 * painted (useFillAfterPaint, in steps of FIRST_FILL_STEP this first time), so hydrating the page pays only for what
 * can be seen.
 */
export const FIRST_CARDS = 3;
/**
 * Cards rendered for a new view (a keystroke, a filter): two fill a screen up to about 1,080 px tall, and on a taller
 * one the third comes with the rest of the page, in a background task after the view's frame. At 10,000 issues, with
 * the bench's session typed into a build of each in turn, the next frame after a key came at 15.5 against 18.6 ms
 * (p95) and 8.9 against 9.7 ms (p50) with three. Four, as it once was, cost a third more per keystroke than three.
 */
export const NEW_VIEW_CARDS = 2;
/**
 * The same for compact rows: a row is about 51 px tall and eight show on a 1280×800 screen, where four would leave
 * half of it empty until the fill. Ten rows made a keystroke in the bench at 2,000 issues 1 to 2 ms slower than
 * four cards (they are 1.75 times the elements and text), twelve rows more.
 */
export const NEW_VIEW_ROWS = 8;
/**
 * How many results the page's first fill after the data came adds a step, each step in a task of its own after a
 * frame (useFillAfterPaint); later fills add the rest of the page in one. Lighthouse (mobile, simulated throttling),
 * ten runs of each build in turn at 2,000 issues: total blocking time 28 to 113 ms (median 58) in one step, 7 to
 * 57 ms (median 17) in steps of 6; at 10,000, five runs each, 210 to 280 ms against 168 to 182 ms.
 */
export const FIRST_FILL_STEP = 6;
/** How many results a new view renders before its fill. */
export const firstOfNewView = (density: Density): number => (density === 'compact' ? NEW_VIEW_ROWS : NEW_VIEW_CARDS);
