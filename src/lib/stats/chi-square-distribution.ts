/**
 * Chi-square distribution survival function (p-values of chi-square tests):
 * sf(x; k) = Q(k/2, x/2), the regularized upper incomplete gamma function.
 *
 * For a = k/2 <= 500 Q comes from stdlib's `gammainc`. Above that stdlib loses accuracy (e.g.
 * chi2.sf(5200, 5000): stdlib 0.023996, SciPy 0.023819), so Q is computed here from the
 * classical series / continued fraction (Numerical Recipes §6.2) with the prefactor
 * x^a e^(−x) / Γ(a) formed as exp(a·(log1p(t) − t) + ½·log(a/2π) − stirlerr(a)), t = (x − a)/a,
 * which avoids the cancellation of a·log x − x − lnΓ(a) for large a.
 */
import gammainc from '@stdlib/math-base-special-gammainc';
import { InvalidArgumentError } from '../contracts/errors';

const LARGE_A = 500;

/**
 * `scipy.stats.chi2.sf(x, df)`.
 * @param x the statistic (may be +Infinity, giving 0)
 * @param df degrees of freedom, > 0
 * @returns P(X > x)
 * @throws {InvalidArgumentError} when df <= 0 or an argument is NaN
 * @example
 * chiSquareSf(3.841458820694124, 1) // 0.05000000000000008
 */
export function chiSquareSf(x: number, df: number): number {
  if (!(df > 0)) throw new InvalidArgumentError('df', df, 'must be > 0');
  if (Number.isNaN(x)) throw new InvalidArgumentError('x', x, 'must be a number');
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const a = df / 2;
  const y = x / 2;
  return a <= LARGE_A ? gammainc(y, a, true, true) : upperGammaLarge(a, y);
}

/** Q(a, x) for large a (a > 500). */
function upperGammaLarge(a: number, x: number): number {
  const t = (x - a) / a;
  const logPrefactor = a * (Math.log1p(t) - t) + 0.5 * Math.log(a / (2 * Math.PI)) - stirlerr(a);
  // prefactor = x^a e^(−x) / Γ(a) / ... : here pre = x^a e^(−x) / Γ(a + 1) · (a / x)... kept
  // as x^a e^(−x) / Γ(a) and divided where each branch needs it.
  const pre = Math.exp(logPrefactor);
  if (pre === 0) return x > a ? 0 : 1;
  if (x < a + 1) {
    // P(a, x) = x^a e^(−x) / Γ(a + 1) · Σ_n x^n / ((a + 1)···(a + n))
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 100000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.max(0, 1 - (pre / a) * sum);
  }
  // Q(a, x) = x^a e^(−x) / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − ...)), modified Lentz.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, pre * h);
}

/** lnΓ(a) − ((a − ½)·ln a − a + ½·ln 2π), by its asymptotic series (a > 500 here). */
function stirlerr(a: number): number {
  const a2 = a * a;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * a2)) / a2) / a2) / a;
}
