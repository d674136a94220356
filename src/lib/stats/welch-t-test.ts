/**
 * Welch's unequal-variances t-test, `scipy.stats.ttest_ind(b, a, equal_var=False)`, with the
 * Welch–Satterthwaite degrees of freedom.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { cleanNumeric } from './clean';
import { meanVariance } from './moments';
import { studentTTwoSidedP } from './student-t';

/** Result of {@link welchTTest}. */
export interface WelchTTestResult {
  t: number;
  df: number;
  pValue: number;
  /** mean(b) − mean(a). */
  diff: number;
}

/**
 * Welch's t-test of B against A (two-sided).
 * @param a sample of arm A (NaN and ±Infinity dropped)
 * @param b sample of arm B (NaN and ±Infinity dropped)
 * @returns `{ t, df, pValue, diff }` with diff = mean(b) − mean(a)
 * @throws {InvalidArgumentError} when an arm has fewer than 2 values or both arms are constant
 * @example
 * welchTTest([1, 2, 3, 4], [2, 4, 6, 8])
 * // { t: 1.7320508075688774, df: 4.411764705882353, pValue: 0.15158..., diff: 2.5 }
 */
export function welchTTest(a: ArrayLike<number>, b: ArrayLike<number>): WelchTTestResult {
  const A = armStats(a, 'a');
  const B = armStats(b, 'b');
  return welchFromStats(A, B);
}

/**
 * Welch's t-test from summary statistics.
 * @param a `{ mean, variance (ddof 1), n }` of arm A
 * @param b the same for arm B
 * @returns `{ t, df, pValue, diff }`
 * @throws {InvalidArgumentError} when both variances are 0
 * @example
 * welchFromStats({ mean: 2.5, variance: 5 / 3, n: 4 }, { mean: 5, variance: 20 / 3, n: 4 }).t // 1.732...
 */
export function welchFromStats(
  a: { mean: number; variance: number; n: number },
  b: { mean: number; variance: number; n: number },
): WelchTTestResult {
  const vb = b.variance / b.n;
  const va = a.variance / a.n;
  if (!(vb + va > 0)) {
    throw new InvalidArgumentError(
      'a, b',
      [a.mean, b.mean],
      'both samples are constant, so the t statistic is undefined',
    );
  }
  const diff = b.mean - a.mean;
  const t = diff / Math.sqrt(vb + va);
  const df = (vb + va) ** 2 / (vb ** 2 / (b.n - 1) + va ** 2 / (a.n - 1));
  return { t, df, pValue: studentTTwoSidedP(t, df), diff };
}

function armStats(
  x: ArrayLike<number>,
  name: string,
): { mean: number; variance: number; n: number } {
  const { values } = cleanNumeric(x, name);
  if (values.length < 2) {
    throw new InvalidArgumentError(
      name,
      Array.from(values),
      'needs at least 2 values for a variance',
    );
  }
  return meanVariance(values);
}
