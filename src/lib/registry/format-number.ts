/**
 * Numbers in the registry's plain-language text (gate reasons, model cards): at most four
 * significant digits, no trailing zeros, no exponent for everyday magnitudes.
 */

/**
 * Formats a number for a sentence or a table cell.
 * @param x the number (null or NaN shows as "n/a")
 * @param digits significant digits, 4 by default
 * @returns the text
 * @throws never
 * @example
 * formatFigure(0.91234)   // '0.9123'
 * formatFigure(0.004)     // '0.004'
 * formatFigure(1234567.8) // '1234568'
 * formatFigure(null)      // 'n/a'
 */
export function formatFigure(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || Number.isNaN(x)) return 'n/a';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  // Large values keep their integer digits: 1234567.8 → '1234568', not '1.235e+6'.
  if (Math.abs(x) >= 10 ** digits) return String(Math.round(x));
  const text = String(Number(x.toPrecision(digits)));
  // Tiny values (< 1e-6) come back in exponent form from String(); that is fine for them.
  return text;
}

/**
 * Formats a signed difference: `+0.01`, `−0.004` (a true minus sign), `0`.
 * @param x the difference
 * @returns the text with an explicit sign
 * @throws never
 * @example
 * formatSigned(0.01)   // '+0.01'
 * formatSigned(-0.004) // '−0.004'
 */
export function formatSigned(x: number): string {
  if (x === 0 || Number.isNaN(x)) return formatFigure(x);
  return x > 0 ? `+${formatFigure(x)}` : `−${formatFigure(-x)}`;
}

/**
 * Formats a fraction as a percentage with up to 3 significant digits.
 * @param x a fraction (0.05 = 5%)
 * @returns the text
 * @throws never
 * @example
 * formatPercent(0.05)  // '5%'
 * formatPercent(0.125) // '12.5%'
 */
export function formatPercent(x: number): string {
  return `${formatFigure(x * 100, 3)}%`;
}
