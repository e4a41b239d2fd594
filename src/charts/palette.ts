/**
 * Colours: the Okabe–Ito palette, which stays distinguishable under the common colour-vision
 * deficiencies, restricted to (or darkened into) shades with at least 3:1 contrast against
 * the white background, the WCAG minimum for graphics. Text uses ≥ 4.5:1. Charts never rely
 * on colour alone: series also differ by shape (bar vs line), dash pattern and direct labels.
 */

export const BACKGROUND = '#ffffff';
export const INK = '#1a1a1a';
export const MUTED_INK = '#555555';
export const GRID = '#dddddd';
export const AXIS = '#767676';
/** Pale fill of the year-only bands: decoration behind text, not an encoding. */
export const BAND_FILL = '#f2f2f2';

export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#007A5E', // #009E73 darkened to reach 3:1 on white
  reddishPurple: '#A8437F', // #CC79A7 darkened
  orange: '#A86500', // #E69F00 darkened
  skyBlue: '#2874A6', // #56B4E9 darkened; kept for completeness, close to blue once darkened
  black: '#000000',
} as const;

/** Series colours of the timeline charts. */
export const SERIES = {
  effective: OKABE_ITO.vermillion,
  announced: OKABE_ITO.blue,
  opened: OKABE_ITO.bluishGreen,
  overall: INK,
  event: '#444444',
} as const;

/** Platform lines, in the order platforms are drawn (most channels first). */
export const LINE_COLOURS = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.orange, INK] as const;
/** Dash patterns paired with LINE_COLOURS so lines differ without colour. */
export const LINE_DASHES = [undefined, '6 3', '2 2', '8 3 2 3', '1 3', '4 4'] as const;

/**
 * Sequential classes for the tile map, light to dark (ColorBrewer Oranges-like). Lightness
 * steps are large enough to read in greyscale; every tile also prints its number.
 */
export const SEQUENTIAL = ['#fdebd3', '#fdc48a', '#f4914a', '#d95f0e', '#993404'] as const;
export const NO_DATA_FILL = '#ffffff';

function channel(hex: string, offset: number): number {
  const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG 2 contrast ratio between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black-ish or white text, whichever reads better on the fill. */
export function inkOn(fill: string): string {
  return contrastRatio(fill, INK) >= contrastRatio(fill, BACKGROUND) ? INK : BACKGROUND;
}
