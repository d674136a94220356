/** Series colours for charts, distinguishable in light and dark themes. */
export const PALETTE = [
  '#1f6feb',
  '#d4a72c',
  '#1a7f37',
  '#cf222e',
  '#8250df',
  '#0a7ea4',
  '#bf3989',
];

export const colour = (i: number): string => PALETTE[i % PALETTE.length]!;

/** Formats a metric value for tables. */
export function fmtMetric(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0)) return v.toExponential(2);
  return v.toFixed(Math.abs(v) >= 100 ? 1 : 3);
}
