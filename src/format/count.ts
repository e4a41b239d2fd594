/** Whole numbers as charts and their notes print them. */

/** Integers with thousands separators, the same in both languages ("12,345"). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
