import { wordSpans } from './words';

/** Inclusive [start, end] character indices of a match. */
export type MatchRange = [number, number];

/** A piece of text and whether it is part of a match. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** Where in `text` the matched words are, for highlighting. */
export function matchRanges(text: string, words: ReadonlySet<string>): MatchRange[] | undefined {
  if (!words.size) return undefined;
  const ranges = wordSpans(text)
    .filter((span) => words.has(span.word))
    .map((span): MatchRange => [span.start, span.end]);
  return ranges.length ? ranges : undefined;
}

function mergeRanges(ranges: readonly MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: MatchRange[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Splits text into matched and unmatched segments covering all of it, ignoring single-character ranges. */
export function highlightSegments(text: string, ranges: readonly MatchRange[] | undefined): TextSegment[] {
  const usable = mergeRanges(
    (ranges ?? [])
      .map(([start, end]): MatchRange => [Math.max(0, start), Math.min(text.length - 1, end)])
      .filter(([start, end]) => end > start),
  );
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of usable) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end + 1), match: true });
    at = end + 1;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
