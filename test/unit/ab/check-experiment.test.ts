import { describe, expect, it } from 'vitest';
import { checkExperiment } from '../../../src/lib/ab/check-experiment';
import { experiment } from './helpers';

describe('checkExperiment', () => {
  it('accepts a valid experiment and names the first bad field otherwise', () => {
    expect(checkExperiment(experiment())).toBeTruthy();
    expect(() => checkExperiment(experiment({ name: ' ' }))).toThrow(/name/);
    expect(() =>
      checkExperiment(experiment({ arms: [{ name: 'A', modelVersionId: 'm@1', weight: 1 }] })),
    ).toThrow(/at least two arms/);
    expect(() =>
      checkExperiment(
        experiment({
          arms: [
            { name: 'A', modelVersionId: 'm@1', weight: 0.5 },
            { name: 'B', modelVersionId: 'm@1', weight: 0.5 },
          ],
        }),
      ),
    ).toThrow('arms[1].modelVersionId = "m@1"');
    expect(() => checkExperiment(experiment({ salt: '' }))).toThrow(/salt/);
    expect(() => checkExperiment(experiment({ unitKey: { kind: 'column', column: '' } }))).toThrow(
      /unit key/,
    );
    expect(() => checkExperiment(experiment({ plannedSampleSize: 2.5 }))).toThrow(
      /plannedSampleSize/,
    );
  });
});
