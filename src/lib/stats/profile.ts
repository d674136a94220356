/**
 * Sample profiles: the one-time preparation every drift test works from.
 *
 * A numeric profile holds the finite values sorted ascending (as a Float64Array), so KS,
 * Wasserstein and the binning of PSI/Jensen–Shannon all reuse one sort; a categorical profile
 * holds the sorted categories and their counts. Build the reference profile once with
 * {@link buildReferenceProfile} and keep it (it is plain data: it can be stored or posted to a
 * worker); each new window then only profiles (sorts) `cur`.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { cleanCategorical, cleanNumeric } from './clean';
import { meanStd } from './moments';
import { sortFloat64, sortFloat64Into } from './sort-numeric';

/** Column kind of STATS.md: numeric = finite numbers; categorical = strings and booleans. */
export type ColumnKind = 'numeric' | 'categorical';

/** A raw sample: numbers for numeric columns, strings (or booleans) for categorical ones. */
export type Sample = ArrayLike<number> | ArrayLike<string> | ArrayLike<string | boolean | null>;

/** Profile of a numeric sample. */
export interface NumericProfile {
  kind: 'numeric';
  /** Finite values, ascending. */
  sorted: Float64Array;
  /** Number of finite values (= sorted.length). */
  count: number;
  /** Number of dropped values (NaN, ±Infinity). */
  missing: number;
  mean: number;
  /** Population standard deviation (ddof 0), as `np.std`. */
  std: number;
  /** Number of distinct finite values. */
  distinct: number;
}

/** Profile of a categorical sample. */
export interface CategoricalProfile {
  kind: 'categorical';
  /** Distinct categories in UTF-16 code-unit order (JavaScript's default string order). */
  categories: string[];
  /** counts[i] = occurrences of categories[i]. */
  counts: Float64Array;
  count: number;
  missing: number;
  distinct: number;
}

/** Profile of either kind. */
export type SampleProfile = NumericProfile | CategoricalProfile;

/**
 * Profiles a sample: drops missing values, then sorts (numeric) or counts (categorical).
 * @param sample the raw values
 * @param kind the column kind
 * @param name argument name used in error messages
 * @returns the profile
 * @throws {InvalidArgumentError} when no usable value remains
 * @example
 * buildProfile([3, NaN, 1, 3], 'numeric').sorted // Float64Array [1, 3, 3]
 */
export function buildProfile(sample: Sample, kind: ColumnKind, name = 'sample'): SampleProfile {
  if (kind === 'numeric') {
    const numbers = sample as ArrayLike<number>;
    let values: Float64Array;
    let missing: number;
    let sorted: Float64Array;
    let moments: { mean: number; std: number };
    if (numbers instanceof Float64Array && numbers.length > 0 && allFinite(numbers)) {
      // Nothing to drop (the usual column chunk): read the input in place, sort straight into
      // the profile's array, and skip cleanNumeric's copy. Same values, same order as below.
      values = numbers;
      missing = 0;
      moments = meanStd(values);
      sorted = sortFloat64Into(values, new Float64Array(values.length));
    } else {
      ({ values, missing } = cleanNumeric(numbers, name));
      moments = meanStd(values);
      sorted = sortFloat64(values);
    }
    const { mean, std } = moments;
    let distinct = 1;
    for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
    return { kind, sorted, count: sorted.length, missing, mean, std, distinct };
  }
  const { values, missing } = cleanCategorical(sample as ArrayLike<string>, name);
  const map = new Map<string, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  const categories = [...map.keys()].sort(compareStrings);
  const counts = Float64Array.from(categories, (c) => map.get(c)!);
  return {
    kind,
    categories,
    counts,
    count: values.length,
    missing,
    distinct: categories.length,
  };
}

function allFinite(x: Float64Array): boolean {
  // v - v is 0 for finite numbers and NaN for NaN and ±Infinity.
  for (let i = 0; i < x.length; i++) if (!(x[i]! - x[i]! === 0)) return false;
  return true;
}

/**
 * Profiles a reference sample once for reuse across windows (see the module comment).
 * @param ref the reference values
 * @param kind the column kind
 * @returns the reference profile
 * @throws {InvalidArgumentError} when no usable value remains
 * @example
 * const profile = buildReferenceProfile(trainingAges, 'numeric');
 * columnDriftWithProfile(profile, windowAges) // { test: 'ks', ... }
 */
export function buildReferenceProfile(ref: Sample, kind: ColumnKind): SampleProfile {
  return buildProfile(ref, kind, 'ref');
}

/**
 * String order used for categories (UTF-16 code units; equals Python's order except between
 * characters outside the Basic Multilingual Plane and U+E000–U+FFFF).
 * @param a a string
 * @param b a string
 * @returns negative, zero or positive
 * @example
 * ['b', 'a'].sort(compareStrings) // ['a', 'b']
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Narrows a profile to a numeric one.
 * @param profile a profile
 * @returns the same profile, typed numeric
 * @throws {InvalidArgumentError} when the profile is categorical
 * @example
 * numericProfile(buildProfile([2, 1], 'numeric')).sorted // Float64Array [1, 2]
 */
export function numericProfile(profile: SampleProfile): NumericProfile {
  if (profile.kind !== 'numeric') {
    throw new InvalidArgumentError('kind', profile.kind, 'this test needs a numeric column');
  }
  return profile;
}
