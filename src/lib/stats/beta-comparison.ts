/**
 * P(Y > X) for independent Beta variables with an integer first shape parameter, in closed
 * form (Evan Miller, "Formulas for Bayesian A/B testing", 2015):
 *   P(Y > X) = Σ_{i=0}^{aY−1} B(aX + i, bX + bY) / ((bY + i) · B(1 + i, bY) · B(aX, bX)),
 * X ~ Beta(aX, bX), Y ~ Beta(aY, bY). Consecutive terms differ by the factor
 * (aX + i)(bY + i) / ((aX + bX + bY + i)(1 + i)), so the sum is a running product in logs
 * (O(aY), no special function inside the loop).
 */
import betaln from '@stdlib/math-base-special-betaln';

/**
 * P(Y > X) with X ~ Beta(aX, bX), Y ~ Beta(aY, bY); aX or aY must be a positive integer.
 * Sums over whichever of aX, aY is an integer and smaller (P(Y > X) = 1 − P(X > Y)).
 * @param aX first shape of X
 * @param bX second shape of X
 * @param aY first shape of Y
 * @param bY second shape of Y
 * @returns the probability
 * @example
 * betaProbGreater(2, 9, 3, 8) // 0.7089783281733745 (Y has the higher mean)
 */
export function betaProbGreater(aX: number, bX: number, aY: number, bY: number): number {
  const yInt = Number.isInteger(aY);
  const xInt = Number.isInteger(aX);
  if (yInt && (!xInt || aY <= aX)) return clip01(millerSum(aX, bX, aY, bY));
  return clip01(1 - millerSum(aY, bY, aX, bX));
}

function millerSum(aX: number, bX: number, aY: number, bY: number): number {
  // log of term 0: B(aX, bX + bY) / B(aX, bX)   (bY · B(1, bY) = 1)
  let logT = betaln(aX, bX + bY) - betaln(aX, bX);
  // Streaming log-sum-exp: total = s · e^m.
  let m = logT;
  let s = 1;
  for (let i = 0; i + 1 < aY; i++) {
    logT += Math.log(((aX + i) * (bY + i)) / ((aX + bX + bY + i) * (1 + i)));
    if (logT > m) {
      s = s * Math.exp(m - logT) + 1;
      m = logT;
    } else {
      s += Math.exp(logT - m);
    }
  }
  return s * Math.exp(m);
}

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
