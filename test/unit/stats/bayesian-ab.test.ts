import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { expectedLoss, probabilityBBeatsA } from '../../../src/lib/stats/bayesian-ab';
import { ab } from './ab-fixtures';

describe('Bayesian A/B (Beta(1,1) priors)', () => {
  it('P(B > A) and expected losses match numerical integration in SciPy (integrate.quad)', () => {
    // quad with epsabs 1e-13: the closed forms agree to ~1e-10 absolute.
    for (const c of ab.bayes) {
      const what = `${c.xA}/${c.nA} vs ${c.xB}/${c.nB}`;
      expect(Math.abs(probabilityBBeatsA(c.xA, c.nA, c.xB, c.nB) - c.pBBeatsA), what).toBeLessThan(
        1e-9,
      );
      const l = expectedLoss(c.xA, c.nA, c.xB, c.nB);
      expect(Math.abs(l.a - c.lossA), `${what} loss A`).toBeLessThan(1e-10);
      expect(Math.abs(l.b - c.lossB), `${what} loss B`).toBeLessThan(1e-10);
    }
  });

  it('identical arms: P = 0.5 and equal losses; loss difference equals the mean difference', () => {
    expect(probabilityBBeatsA(30, 100, 30, 100)).toBeCloseTo(0.5, 12);
    const l = expectedLoss(30, 100, 30, 100);
    expect(l.a).toBeCloseTo(l.b, 14);
    const m = expectedLoss(10, 100, 20, 120);
    // E[max(pB-pA,0)] - E[max(pA-pB,0)] = E[pB] - E[pA]
    expect(m.a - m.b).toBeCloseTo(21 / 122 - 11 / 102, 12);
  });

  it('rejects invalid counts', () => {
    expect(() => probabilityBBeatsA(5, 4, 1, 4)).toThrow('xA = 5: cannot exceed nA = 4');
    expect(() => expectedLoss(1, 4, -1, 4)).toThrow(InvalidArgumentError);
  });
});
