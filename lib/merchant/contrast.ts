/**
 * Colour contrast as WCAG 2 defines it (relative luminance, ratio (L1 + 0.05) / (L2 + 0.05)), so
 * a merchant's brand colour can be the portal's accent without its text becoming unreadable.
 */
type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

const hexOf = (rgb: Rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two hex colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(rgbOf(a)), luminance(rgbOf(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA for normal text. */
export const READABLE = 4.5;

/**
 * The brand colour as the portal uses it: as text on the page's light background and as the
 * background of white text (buttons). Kept when both read at 4.5:1 or more; otherwise darkened
 * (its hue kept) until they do, so a pale brand colour never makes a button unreadable.
 */
export function readableAccent(brand: string, background: string): string {
  const rgb = rgbOf(brand);
  for (let keep = 1; keep >= 0; keep -= 0.02) {
    const shade = hexOf(rgb.map((v) => v * keep) as Rgb);
    if (contrastRatio(shade, background) >= READABLE && contrastRatio(shade, '#ffffff') >= READABLE) return shade;
  }
  return '#000000';
}
