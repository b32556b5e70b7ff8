/** The most one API page's body may hold, after decompression: a page of 100 issues is about 0.5 MB. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/** Thrown when a body is larger than allowed; one line, never retried (a bigger body will not shrink). */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * The body as text, read as a stream and counted as it arrives (after the transparent gzip/br decoding, so a
 * compression bomb is counted by what it inflates to), refused at once when Content-Length already says too much.
 */
export async function readBoundedText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new BodyTooLarge(`the body is ${megabytes(declared)} (Content-Length), more than the ${megabytes(maxBytes)} allowed`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge(`the body passed ${megabytes(maxBytes)}, the most allowed; stopped reading`);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
