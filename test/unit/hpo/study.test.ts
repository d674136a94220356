import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import type { SearchSpace, StudyState } from '../../../src/lib/contracts/hpo';
import {
  createStudy,
  decodeJsonNumber,
  encodeJsonNumber,
  studyFromJSON,
  trialRng,
  type Study,
  type StudyOptions,
} from '../../../src/lib/hpo/study';

const space: SearchSpace = [
  { name: 'lr', kind: 'float', low: 1e-4, high: 1e-1, log: true },
  { name: 'units', kind: 'int', low: 8, high: 128, step: 8 },
  { name: 'act', kind: 'categorical', choices: ['relu', 'tanh'] },
];
const options: StudyOptions = {
  space,
  sampler: 'tpe',
  seed: 42,
  direction: 'minimize',
  budget: 30,
  samplerOptions: { nStartupTrials: 5 },
};

/** A deterministic objective of the parameters. */
const objective = (p: Record<string, unknown>) =>
  Math.abs(Math.log10(p['lr'] as number) + 2) +
  Math.abs((p['units'] as number) - 64) / 64 +
  (p['act'] === 'tanh' ? 0 : 0.5);

function runTo(study: Study, count: number): void {
  for (let i = 0; i < count; i++) {
    const t = study.ask();
    if (!t) return;
    study.tell(t.number, objective(t.params));
  }
}

describe('createStudy: ask / tell / report', () => {
  it('asks numbered running trials, takes results and finds the best', () => {
    const study = createStudy(options);
    const a = study.ask()!;
    const b = study.ask()!; // two running at once (two cores)
    expect([a.number, b.number, a.state, a.intermediate]).toEqual([0, 1, 'running', []]);
    expect(study.tell(b.number, 0.5)).toMatchObject({ number: 1, state: 'complete', value: 0.5 });
    expect(study.tell(a.number, 0.25).value).toBe(0.25);
    expect(study.best()).toMatchObject({ number: 0, value: 0.25 });
    expect(study.trials().map((t) => t.state)).toEqual(['complete', 'complete']);
    expect(study.remaining()).toBe(28);
  });

  it('stops at the budget, counting failed and pruned trials', () => {
    const study = createStudy({ ...options, budget: 3 });
    study.tell(study.ask()!.number, 'failed');
    study.tell(study.ask()!.number, 'pruned');
    study.tell(study.ask()!.number, NaN); // NaN fails the trial, as in Optuna
    expect(study.ask()).toBeNull();
    expect(study.remaining()).toBe(0);
    expect(study.trials().map((t) => t.state)).toEqual(['failed', 'pruned', 'failed']);
    expect(study.best()).toBeNull();
  });

  it('maximizes when asked to, ties going to the earliest trial', () => {
    const study = createStudy({ ...options, direction: 'maximize' });
    for (const v of [1, 3, 3, 2]) study.tell(study.ask()!.number, v);
    expect(study.best()).toMatchObject({ number: 1, value: 3 });
  });

  it('reports intermediate values and prunes with the median pruner', () => {
    const study = createStudy({ ...options, pruner: { id: 'median', nStartupTrials: 2 } });
    for (const curve of [
      [1, 0.8],
      [2, 1.5],
    ]) {
      const t = study.ask()!;
      curve.forEach((v, step) => expect(study.report(t.number, step, v)).toEqual({ prune: false }));
      study.tell(t.number, curve[1]!);
    }
    const t = study.ask()!;
    // median at step 0 of [1, 2] is 1.5: 1.2 is better, 1.7 is worse
    expect(study.report(t.number, 0, 1.7)).toEqual({ prune: true });
    expect(study.report(t.number, 0, 0.1)).toEqual({ prune: true }); // a repeated step is ignored
    const told = study.tell(t.number, 'pruned');
    expect(told).toMatchObject({ state: 'pruned', value: 1.7 }); // Optuna keeps the last value
    expect(told.intermediate).toEqual([{ step: 0, value: 1.7 }]);
  });

  it('never prunes without a pruner', () => {
    const study = createStudy(options);
    const t = study.ask()!;
    expect(study.report(t.number, 0, NaN)).toEqual({ prune: false });
  });

  it('rejects telling or reporting on unknown or finished trials, and bad steps', () => {
    const study = createStudy(options);
    const t = study.ask()!;
    expect(() => study.report(t.number, -1, 1)).toThrow(
      /step = -1: must be an integer of at least 0/,
    );
    expect(() => study.report(t.number, 0.5, 1)).toThrow(InvalidArgumentError);
    study.tell(t.number, 1);
    expect(() => study.tell(t.number, 2)).toThrow(
      /trial = 0: is already complete; only a running trial/,
    );
    expect(() => study.report(t.number, 0, 1)).toThrow(/is already complete/);
    expect(() => study.tell(7, 1)).toThrow(/trial = 7: no such trial/);
    expect(() => study.tell(study.ask()!.number, 'done' as 'failed')).toThrow(/result = "done"/);
  });

  it('returns copies: editing them does not change the study', () => {
    const study = createStudy(options);
    const t = study.ask()!;
    t.params['lr'] = 99;
    t.intermediate.push({ step: 0, value: 1 });
    expect(study.trials()[0]!.params['lr']).not.toBe(99);
    expect(study.trials()[0]!.intermediate).toEqual([]);
  });

  it('validates its options', () => {
    expect(() => createStudy({ ...options, budget: 0 })).toThrow(/budget = 0/);
    expect(() => createStudy({ ...options, seed: 1.5 })).toThrow(/seed = 1\.5: must be an integer/);
    expect(() => createStudy({ ...options, direction: 'up' as 'minimize' })).toThrow(
      /direction = "up"/,
    );
    expect(() => createStudy({ ...options, sampler: 'grid' })).toThrow(/space\.lr\.gridPoints/);
    expect(() => createStudy({ ...options, pruner: { id: 'hyperband' as 'median' } })).toThrow(
      /pruner\.id = "hyperband"/,
    );
    expect(() => createStudy({ ...options, samplerOptions: { nEiCandidates: 0 } })).toThrow(
      /samplerOptions\.nEiCandidates = 0/,
    );
    expect(() => createStudy({ ...options, samplerOptions: { priorWeight: -1 } })).toThrow(
      /samplerOptions\.priorWeight/,
    );
    expect(() =>
      createStudy({ ...options, samplerOptions: { multivariate: 1 as unknown as boolean } }),
    ).toThrow(/multivariate/);
  });
});

describe('determinism and resume', () => {
  it('gives the same parameters for the same seed and told values', () => {
    const a = createStudy(options);
    const b = createStudy(options);
    runTo(a, 30);
    runTo(b, 30);
    expect(a.trials()).toEqual(b.trials());
    const c = createStudy({ ...options, seed: 43 });
    runTo(c, 30);
    expect(c.trials().map((t) => t.params)).not.toEqual(a.trials().map((t) => t.params));
  });

  it('resumes from JSON text exactly where it stopped', () => {
    const whole = createStudy({ ...options, pruner: { id: 'median' } });
    runTo(whole, 30);
    const first = createStudy({ ...options, pruner: { id: 'median' } });
    runTo(first, 12);
    const text = JSON.stringify(first.toJSON());
    const resumed = studyFromJSON(JSON.parse(text));
    runTo(resumed, 30);
    expect(resumed.trials()).toEqual(whole.trials());
    expect(resumed.best()).toEqual(whole.best());
    expect(resumed.ask()).toBeNull();
  });

  it('keeps NaN and infinities and running trials through JSON', () => {
    const study = createStudy(options);
    const t0 = study.ask()!;
    study.report(t0.number, 0, NaN);
    study.report(t0.number, 1, -Infinity);
    study.tell(t0.number, Infinity);
    const t1 = study.ask()!;
    study.report(t1.number, 0, 0.5);
    const state: StudyState = JSON.parse(JSON.stringify(study.toJSON()));
    expect(state.trials[0]!.intermediate).toEqual([
      { step: 0, value: 'NaN' },
      { step: 1, value: '-Infinity' },
    ]);
    const resumed = studyFromJSON(state);
    expect(resumed.trials()).toEqual(study.trials());
    expect(resumed.tell(1, 0.4)).toMatchObject({ state: 'complete', value: 0.4 });
  });

  it('rejects corrupt states with the field named', () => {
    const study = createStudy(options);
    runTo(study, 2);
    const good = study.toJSON();
    const bad = (edit: (s: StudyState) => void): unknown => {
      const s: StudyState = JSON.parse(JSON.stringify(good));
      edit(s);
      return s;
    };
    expect(() => studyFromJSON({})).toThrow(/state\.format = undefined/);
    expect(() => studyFromJSON(bad((s) => (s.trials[1]!.number = 5)))).toThrow(
      /trials\[1\]\.number = 5: must be 1/,
    );
    expect(() => studyFromJSON(bad((s) => (s.trials[0]!.params['lr'] = 5)))).toThrow(
      /trials\[0\]\.params\.lr = 5/,
    );
    expect(() => studyFromJSON(bad((s) => (s.trials[0]!.params['extra'] = 1)))).toThrow(
      /trials\[0\]\.params = "extra"/,
    );
    expect(() => studyFromJSON(bad((s) => (s.trials[0]!.state = 'done' as 'failed')))).toThrow(
      /trials\[0\]\.state/,
    );
    expect(() => studyFromJSON(bad((s) => delete s.trials[0]!.value))).toThrow(
      /a complete trial needs a value/,
    );
    expect(() =>
      studyFromJSON(
        bad(
          (s) =>
            (s.trials[0]!.intermediate = [
              { step: 0, value: 1 },
              { step: 0, value: 2 },
            ]),
        ),
      ),
    ).toThrow(/intermediate\[1\]\.step/);
    expect(() => studyFromJSON(bad((s) => (s.space[0]!.name = '__proto__')))).toThrow(/reserved/);
  });

  it('encodes non-finite numbers for JSON and back', () => {
    for (const x of [0, -1.5, NaN, Infinity, -Infinity]) {
      expect(decodeJsonNumber(JSON.parse(JSON.stringify(encodeJsonNumber(x))), 'x')).toBe(x);
    }
    expect(() => decodeJsonNumber(null, 'value')).toThrow(/value = null: must be a number/);
  });

  it('derives a distinct generator per (seed, trial)', () => {
    expect(trialRng(1, 2).next()).toBe(trialRng(1, 2).next());
    const firsts = new Set(
      [0, 1, 2, 3].flatMap((s) => [0, 1, 2, 3].map((n) => trialRng(s, n).next())),
    );
    expect(firsts.size).toBe(16);
  });
});
