/**
 * A hyperparameter study (Optuna's `Study` with ask/tell): proposes trials from a sampler, takes
 * their results, asks a pruner whether a running trial should stop, and serialises to plain
 * JSON so a search can be stored and resumed.
 *
 * Determinism: trial n is sampled with a generator seeded from (seed, n) alone, so the same seed
 * and the same told results give the same parameters, also across a save and resume. Several
 * trials may be running at once (one per core); samplers ignore running trials, as Optuna's do
 * by default.
 */
import { InvalidArgumentError } from '../contracts/errors';
import type {
  Direction,
  JsonNumber,
  Params,
  PrunerSpec,
  SamplerId,
  SamplerOptions,
  SearchSpace,
  StoredTrial,
  StudyState,
  Trial,
  TrialState,
} from '../contracts/hpo';
import { createRng, type Rng } from '../stats/rng';
import { isInDomain } from './param-scale';
import { getPruner } from './pruner-registry';
import { getSampler } from './sampler-registry';
import { validateSpace } from './validate-space';

/** What a study is made from. */
export interface StudyOptions {
  space: SearchSpace;
  sampler: SamplerId;
  seed: number;
  direction: Direction;
  /** Most trials to run, failed and pruned ones included (Optuna's `n_trials`). */
  budget: number;
  pruner?: PrunerSpec | null;
  samplerOptions?: SamplerOptions;
}

/** The result of a trial: its objective value, or how it ended. */
export type TrialResult = number | 'pruned' | 'failed';

/** A running study. Every method returns copies; nothing returned aliases the study's state. */
export interface Study {
  readonly space: SearchSpace;
  readonly sampler: SamplerId;
  readonly direction: Direction;
  readonly budget: number;
  /** min(budget, what the sampler can propose), e.g. the grid size. */
  readonly maxTrials: number;
  /** The next trial to run, now `running`; null when `maxTrials` trials have been asked for. */
  ask(): Trial | null;
  /** Ends a running trial; a NaN value fails it (as Optuna does). */
  tell(number: number, result: TrialResult): Trial;
  /** Records an intermediate value and says whether the pruner would stop the trial here. */
  report(number: number, step: number, value: number): { prune: boolean };
  /** The complete trial with the best value (the earliest among ties), or null. */
  best(): Trial | null;
  /** All trials in number order. */
  trials(): Trial[];
  /** How many more trials `ask` will give. */
  remaining(): number;
  /** The JSON-safe state; `studyFromJSON` resumes from it. */
  toJSON(): StudyState;
}

const STATES = new Set<TrialState>(['running', 'complete', 'pruned', 'failed']);

function copyTrial(t: Trial): Trial {
  const out: Trial = {
    number: t.number,
    params: { ...t.params },
    state: t.state,
    intermediate: t.intermediate.map((iv) => ({ step: iv.step, value: iv.value })),
  };
  if (t.value !== undefined) out.value = t.value;
  return out;
}

/** Murmur3's finaliser: spreads (seed, trial number) over 32 bits. */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The generator trial `number` of a study with `seed` samples with.
 * @param seed the study seed
 * @param number the trial number
 * @returns a fresh generator, equal for equal arguments
 * @example
 * trialRng(42, 3).next() === trialRng(42, 3).next() // true
 */
export function trialRng(seed: number, number: number): Rng {
  return createRng(mix(seed ^ mix(number + 0x9e3779b9)));
}

/**
 * Encodes a number so it survives JSON (NaN and ±Infinity as strings).
 * @param x the number
 * @returns x, or 'NaN' / 'Infinity' / '-Infinity'
 * @example
 * encodeJsonNumber(-Infinity) // '-Infinity'
 */
export function encodeJsonNumber(x: number): JsonNumber {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

/**
 * Decodes {@link encodeJsonNumber}'s output.
 * @param x a number or 'NaN' / 'Infinity' / '-Infinity'
 * @param where what is being read, for the error message
 * @returns the number
 * @throws {InvalidArgumentError} for anything else
 * @example
 * decodeJsonNumber('NaN', 'value') // NaN
 */
export function decodeJsonNumber(x: unknown, where: string): number {
  if (typeof x === 'number') return x;
  if (x === 'NaN') return NaN;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  throw new InvalidArgumentError(where, x, 'must be a number');
}

function checkOptions(o: StudyOptions): void {
  if (o.direction !== 'minimize' && o.direction !== 'maximize') {
    throw new InvalidArgumentError('direction', o.direction, "must be 'minimize' or 'maximize'");
  }
  if (!Number.isSafeInteger(o.seed))
    throw new InvalidArgumentError('seed', o.seed, 'must be an integer');
  if (!(Number.isSafeInteger(o.budget) && o.budget >= 1)) {
    throw new InvalidArgumentError(
      'budget',
      o.budget,
      'must be a whole number of trials, at least 1',
    );
  }
  const so = o.samplerOptions ?? {};
  const counts: ['nStartupTrials' | 'nEiCandidates', number][] = [
    ['nStartupTrials', 0],
    ['nEiCandidates', 1],
  ];
  for (const [field, min] of counts) {
    const v = so[field];
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= min)) {
      throw new InvalidArgumentError(
        `samplerOptions.${field}`,
        v,
        `must be an integer of at least ${min}`,
      );
    }
  }
  for (const flag of ['multivariate', 'constantLiar'] as const) {
    if (so[flag] !== undefined && typeof so[flag] !== 'boolean') {
      throw new InvalidArgumentError(`samplerOptions.${flag}`, so[flag], 'must be true or false');
    }
  }
  if (so.priorWeight !== undefined && !(Number.isFinite(so.priorWeight) && so.priorWeight > 0)) {
    throw new InvalidArgumentError(
      'samplerOptions.priorWeight',
      so.priorWeight,
      'must be a positive number',
    );
  }
  if (o.pruner) getPruner(o.pruner.id).checkSpec(o.pruner);
}

function buildStudy(o: StudyOptions, initial: Trial[]): Study {
  checkOptions(o);
  validateSpace(o.space, o.sampler);
  const space: SearchSpace = structuredClone(o.space);
  const sampler = getSampler(o.sampler);
  const samplerOptions: SamplerOptions = { ...o.samplerOptions };
  const pruner: PrunerSpec | null = o.pruner ? { ...o.pruner } : null;
  const prunerDescriptor = pruner ? getPruner(pruner.id) : null;
  const maxTrials = Math.min(o.budget, sampler.size(space));
  const trials: Trial[] = initial;

  const running = (number: unknown, what: string): Trial => {
    const t = Number.isInteger(number) ? trials[number as number] : undefined;
    if (!t)
      throw new InvalidArgumentError(
        'trial',
        number,
        `no such trial; ask() for one before you ${what}`,
      );
    if (t.state !== 'running') {
      throw new InvalidArgumentError(
        'trial',
        number,
        `is already ${t.state}; only a running trial can ${what}`,
      );
    }
    return t;
  };

  return {
    space: structuredClone(space),
    sampler: o.sampler,
    direction: o.direction,
    budget: o.budget,
    maxTrials,
    ask() {
      if (trials.length >= maxTrials) return null;
      const number = trials.length;
      const params: Params = sampler.sample(space, trials, trialRng(o.seed, number), o.direction, {
        ...samplerOptions,
        budget: o.budget,
      });
      const t: Trial = { number, params, state: 'running', intermediate: [] };
      trials.push(t);
      return copyTrial(t);
    },
    tell(number, result) {
      const t = running(number, 'be told a result');
      if (result === 'failed' || result === 'pruned') {
        t.state = result;
        if (result === 'pruned') {
          // Optuna stores the last intermediate value as a pruned trial's value, unless NaN.
          const last = t.intermediate.reduce<{ step: number; value: number } | null>(
            (a, iv) => (a === null || iv.step > a.step ? iv : a),
            null,
          );
          if (last && !Number.isNaN(last.value)) t.value = last.value;
        }
      } else if (typeof result === 'number') {
        if (Number.isNaN(result)) t.state = 'failed';
        else {
          t.state = 'complete';
          t.value = result;
        }
      } else {
        throw new InvalidArgumentError('result', result, "must be a number, 'pruned' or 'failed'");
      }
      return copyTrial(t);
    },
    report(number, step, value) {
      const t = running(number, 'report a value');
      if (!(Number.isSafeInteger(step) && step >= 0)) {
        throw new InvalidArgumentError('step', step, 'must be an integer of at least 0');
      }
      if (typeof value !== 'number')
        throw new InvalidArgumentError('value', value, 'must be a number');
      // Optuna ignores a second report for the same step (with a warning).
      if (!t.intermediate.some((iv) => iv.step === step)) t.intermediate.push({ step, value });
      if (!pruner || !prunerDescriptor) return { prune: false };
      const lastStep = Math.max(...t.intermediate.map((iv) => iv.step));
      return { prune: prunerDescriptor.shouldPrune(t, lastStep, trials, o.direction, pruner) };
    },
    best() {
      let bestTrial: Trial | null = null;
      for (const t of trials) {
        if (t.state !== 'complete' || t.value === undefined) continue;
        const better =
          bestTrial === null ||
          (o.direction === 'minimize' ? t.value < bestTrial.value! : t.value > bestTrial.value!);
        if (better) bestTrial = t;
      }
      return bestTrial ? copyTrial(bestTrial) : null;
    },
    trials: () => trials.map(copyTrial),
    remaining: () => Math.max(0, maxTrials - trials.length),
    toJSON: () => ({
      format: 'benchtop-study@1',
      space: structuredClone(space),
      sampler: o.sampler,
      samplerOptions: { ...samplerOptions },
      seed: o.seed,
      direction: o.direction,
      budget: o.budget,
      pruner: pruner ? { ...pruner } : null,
      trials: trials.map((t) => {
        const s: StoredTrial = {
          number: t.number,
          params: { ...t.params },
          state: t.state,
          intermediate: t.intermediate.map((iv) => ({
            step: iv.step,
            value: encodeJsonNumber(iv.value),
          })),
        };
        if (t.value !== undefined) s.value = encodeJsonNumber(t.value);
        return s;
      }),
    }),
  };
}

/**
 * Creates a study.
 * @param options space, sampler id, seed, direction, budget, optional pruner and sampler options
 * @returns the study
 * @throws {InvalidArgumentError} on an invalid space (see `validateSpace`), direction, seed,
 *   budget, sampler or pruner
 * @example
 * const study = createStudy({ space, sampler: 'tpe', seed: 1, direction: 'minimize', budget: 50 });
 * const t = study.ask()!; // { number: 0, params: {...}, state: 'running', intermediate: [] }
 * study.tell(t.number, 0.31);
 * study.best()?.value // 0.31
 */
export function createStudy(options: StudyOptions): Study {
  return buildStudy(options, []);
}

function readTrial(raw: unknown, index: number, space: SearchSpace): Trial {
  const at = `trials[${index}]`;
  if (typeof raw !== 'object' || raw === null)
    throw new InvalidArgumentError(at, raw, 'must be a trial object');
  const r = raw as Partial<StoredTrial>;
  if (r.number !== index)
    throw new InvalidArgumentError(`${at}.number`, r.number, `must be ${index}`);
  if (!STATES.has(r.state as TrialState))
    throw new InvalidArgumentError(`${at}.state`, r.state, 'is not a trial state');
  const rawParams = r.params as Record<string, unknown> | undefined;
  if (typeof rawParams !== 'object' || rawParams === null) {
    throw new InvalidArgumentError(`${at}.params`, rawParams, 'must be an object');
  }
  const names = new Set(space.map((p) => p.name));
  for (const k of Object.keys(rawParams)) {
    if (!names.has(k))
      throw new InvalidArgumentError(`${at}.params`, k, 'is not a parameter of the space');
  }
  const params: Params = {};
  for (const p of space) {
    const v = rawParams[p.name];
    if (
      !(typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') ||
      !isInDomain(p, v)
    ) {
      throw new InvalidArgumentError(
        `${at}.params.${p.name}`,
        v,
        'is not a value of this parameter',
      );
    }
    params[p.name] = v;
  }
  if (!Array.isArray(r.intermediate))
    throw new InvalidArgumentError(`${at}.intermediate`, r.intermediate, 'must be a list');
  const steps = new Set<number>();
  const intermediate = r.intermediate.map((iv: unknown, j) => {
    const { step, value } = (iv ?? {}) as { step?: unknown; value?: unknown };
    if (!(Number.isSafeInteger(step) && (step as number) >= 0) || steps.has(step as number)) {
      throw new InvalidArgumentError(
        `${at}.intermediate[${j}].step`,
        step,
        'must be a new integer step of at least 0',
      );
    }
    steps.add(step as number);
    return {
      step: step as number,
      value: decodeJsonNumber(value, `${at}.intermediate[${j}].value`),
    };
  });
  const t: Trial = { number: index, params, state: r.state as TrialState, intermediate };
  if (r.value !== undefined) t.value = decodeJsonNumber(r.value, `${at}.value`);
  if (t.state === 'complete' && (t.value === undefined || Number.isNaN(t.value))) {
    throw new InvalidArgumentError(`${at}.value`, r.value, 'a complete trial needs a value');
  }
  return t;
}

/**
 * Resumes a study from {@link Study.toJSON}'s output (possibly through JSON text or IndexedDB).
 * Trials that were running when it was saved are still running: tell them 'failed' to give up
 * on them, or report and tell as usual if they are still going.
 * @param state the stored state
 * @returns the study, continuing where it stopped
 * @throws {InvalidArgumentError} when the state is not a valid study
 * @example
 * const again = studyFromJSON(JSON.parse(JSON.stringify(study.toJSON())));
 * again.ask() // the same trial the original study would have asked for next
 */
export function studyFromJSON(state: unknown): Study {
  if (
    typeof state !== 'object' ||
    state === null ||
    (state as StudyState).format !== 'benchtop-study@1'
  ) {
    throw new InvalidArgumentError(
      'state.format',
      (state as StudyState | null)?.format,
      "must be 'benchtop-study@1'",
    );
  }
  const s = state as StudyState;
  const options: StudyOptions = {
    space: s.space,
    sampler: s.sampler,
    seed: s.seed,
    direction: s.direction,
    budget: s.budget,
    pruner: s.pruner,
    samplerOptions: s.samplerOptions,
  };
  checkOptions(options);
  validateSpace(s.space, s.sampler);
  if (!Array.isArray(s.trials))
    throw new InvalidArgumentError('state.trials', s.trials, 'must be a list');
  const trials = s.trials.map((t, i) => readTrial(t, i, s.space));
  return buildStudy(options, trials);
}
