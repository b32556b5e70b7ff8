import { highlightSegments } from '../lib/search/highlight';

/** Text with the search's matched ranges marked; everything is rendered as text, never as markup. */
export function Highlight({ text, ranges }: { text: string; ranges?: readonly [number, number][] | undefined }) {
  if (!ranges?.length) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, ranges).map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
