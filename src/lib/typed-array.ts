/** Any typed array these modules grow as they fill. */
type GrowableArray = Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/** A typed array twice as long, holding `array` and then `fill`: the indexes fill flat arrays of unknown length. */
export function doubled<T extends GrowableArray>(array: T, fill = 0): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  grown.fill(fill, array.length);
  return grown;
}
