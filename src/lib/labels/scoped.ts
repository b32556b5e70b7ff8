/** A label split at its last `::`, as GitLab scopes labels (`workflow::ready for development`). */
export interface ScopedLabel {
  scope: string | null;
  value: string;
}

/** Splits a label name into scope and value; the scope is everything before the last `::`, as in GitLab. */
export function parseScopedLabel(name: string): ScopedLabel {
  const at = name.lastIndexOf('::');
  if (at <= 0 || at + 2 >= name.length) return { scope: null, value: name };
  return { scope: name.slice(0, at), value: name.slice(at + 2) };
}

/** The value of the first label (by name) in `scope`, or null; `type` → "bug" for `type::bug`. */
export function scopedValue(labelNames: readonly string[], scope: string): string | null {
  const values = labelNames
    .map(parseScopedLabel)
    .filter((label) => label.scope === scope)
    .map((label) => label.value)
    .sort();
  return values[0] ?? null;
}

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The colour, lower-cased, when it is a #rgb or #rrggbb hex colour; anything else (names, CSS, url()) is null. */
export function validColor(value: unknown): string | null {
  return typeof value === 'string' && HEX_COLOR.test(value.trim()) ? value.trim().toLowerCase() : null;
}

function channels(hex: string): [number, number, number] {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG relative luminance of a valid hex colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two valid hex colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/**
 * The colours to draw a label with: GitLab's background, and its text colour only when it is valid and readable
 * on that background (WCAG AA, 4.5:1); otherwise black or white, whichever reads better.
 */
export function labelColors(color: unknown, textColor: unknown): { color: string | null; textColor: string | null } {
  const background = validColor(color);
  if (!background) return { color: null, textColor: null };
  const text = validColor(textColor);
  if (text && contrastRatio(background, text) >= 4.5) return { color: background, textColor: text };
  const best = contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
  return { color: background, textColor: best };
}
