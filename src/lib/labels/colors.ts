/** A label's colours as the snapshot carries them (see snapshot.ts, whose schema uses HEX_COLOR). */
type LabelColors = { color: string | null; textColor: string | null };

/** A #rgb or #rrggbb colour, as GitLab stores label colours: the one pattern every check of a colour uses. */
export const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The colour, lower-cased, when it is a #rgb or #rrggbb hex colour; anything else (names, CSS, url()) is null. */
export function validColor(value: unknown): string | null {
  return typeof value === 'string' && HEX_COLOR.test(value.trim()) ? value.trim().toLowerCase() : null;
}

function channels(hex: string): [number, number, number] {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG relative luminance of a valid hex colour. */
function relativeLuminance(hex: string): number {
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

/** The CSS class that paints a label in GitLab's colours, or null when it has none (then it is drawn neutral). */
export function labelColorClass(label: LabelColors): string | null {
  // Re-validated here because the class name is built from the colours: only hex digits may reach it.
  const color = validColor(label.color);
  const text = validColor(label.textColor);
  return color && text ? `lc-${color.slice(1)}-${text.slice(1)}` : null;
}

/** A stylesheet with one rule per colour pair the labels use, sorted so the same labels give the same CSS. */
export function labelColorsCss(labels: Iterable<LabelColors>): string {
  const rules = new Map<string, string>();
  for (const label of labels) {
    const name = labelColorClass(label);
    if (name && !rules.has(name)) rules.set(name, `.${name}{background-color:${label.color};color:${label.textColor}}`);
  }
  return [...rules.keys()].sort().map((name) => rules.get(name)).join('\n');
}
