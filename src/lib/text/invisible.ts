// Bidi controls and zero-width characters: invisible, yet they reorder or hide what a reader sees, so that
// "gitlab-org/\u202Eevil" reads as "gitlab-org/live". GitLab's project and group paths cannot contain them, so in a
// project name or reference they are always forged.
const INVISIBLE_CONTROLS = '\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C';

/** Matches text with none of them (for validation). */
export const NO_INVISIBLE_CONTROLS = new RegExp(`^[^${INVISIBLE_CONTROLS}]*$`);

const EVERY_INVISIBLE_CONTROL = new RegExp(`[${INVISIBLE_CONTROLS}]`, 'g');

/** `text` without bidi controls and zero-width characters. */
export function stripInvisibleControls(text: string): string {
  return text.replace(EVERY_INVISIBLE_CONTROL, '');
}
