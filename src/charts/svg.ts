/**
 * Building SVG as text (escaped with src/format/escape.ts): rounding, element helpers and a text-width estimate for
 * wrapping. Output must be byte-for-byte stable (golden tests), so numbers are rounded to one
 * decimal and attributes are written in the order given.
 */
import { escapeXml } from '../format/escape.ts';

/**
 * A coordinate as drawn: rounded to a tenth of a unit, which is a tenth of a CSS pixel or
 * less (the 360- and 760-unit drawings are shown at most 480 and 832 pixels wide), too little
 * to see, and a digit less on every number of every chart. Equal drawn positions compare equal.
 */
export function round(n: number): number {
  const rounded = Math.round(n * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A number rounded as `round`, without "-0" or trailing zeros. */
export function num(n: number): string {
  return String(round(n));
}

export type AttrValue = string | number | undefined | false;

/** ` a="1" b="x"`; numbers rounded, colours shortened, strings escaped, undefined/false skipped. */
export function attrs(values: Record<string, AttrValue>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === false) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(shortColour(value))}"`;
  }
  return out;
}

/** "#ffffff" as "#fff": the same colour (the palette keeps six digits for its contrast checks). */
function shortColour(value: string): string {
  return value.replace(/^#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3$/i, '#$1$2$3');
}

/** An element; `children` is raw markup (already escaped), omitted for a self-closing tag. */
export function el(name: string, values: Record<string, AttrValue>, children?: string): string {
  return children === undefined ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${children}</${name}>`;
}

/**
 * Children sharing presentation attributes, written once on a <g> (inherited): a chart's
 * dozens of labels would otherwise repeat font-size and fill on each.
 */
export function group(values: Record<string, AttrValue>, children: string): string {
  return children ? el('g', values, children) : '';
}

/** A <text> element with escaped content. */
export function text(x: number, y: number, content: string, values: Record<string, AttrValue> = {}): string {
  return el('text', { x, y, ...values }, escapeXml(content));
}

/** An id safe in XML and CSS, derived from the caller's chart id. */
export function idPart(chartId: string, part: string): string {
  const base = chartId.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z]+/, '');
  return `${base || 'chart'}-${part}`;
}

/**
 * Approximate rendered width: CJK and full-width characters are one em, digits and most Latin
 * letters about 0.58 em. Good enough to wrap lines and reserve margins without a font engine.
 */
export function textWidth(content: string, fontSize: number): number {
  let ems = 0;
  for (const ch of content) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x2e80 || (code >= 0x3000 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef)) ems += 1;
    else if (/[ il.,:;'|!()[\]]/.test(ch)) ems += 0.3;
    else if (/[mwMW@%]/.test(ch)) ems += 0.85;
    else if (/[A-Z]/.test(ch)) ems += 0.66;
    else ems += 0.56;
  }
  return ems * fontSize;
}

/** Greedy line breaking at spaces (Latin) or between characters (CJK). */
export function wrapText(content: string, maxWidth: number, fontSize: number): string[] {
  const tokens = content.match(/[\u2e80-\u9fff\uff00-\uffef][，。、；：）」』]?|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line !== '' && textWidth(candidate.trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/**
 * Several wrapped lines as one <text>, the first line its own text and each further one a
 * <tspan> back at x and a line lower; returns the markup and the height used. `fontSize` sets
 * the wrapping and line height; the font-size attribute is the caller's (often inherited).
 */
export function paragraph(
  x: number,
  y: number,
  content: string,
  maxWidth: number,
  fontSize: number,
  values: Record<string, AttrValue> = {},
): { markup: string; height: number } {
  const lines = wrapText(content, maxWidth, fontSize);
  const lineHeight = fontSize * 1.35;
  const spans = lines.map((line, i) => (i === 0 ? escapeXml(line) : el('tspan', { x, dy: lineHeight }, escapeXml(line)))).join('');
  return { markup: el('text', { x, y, ...values }, spans), height: lines.length * lineHeight };
}
