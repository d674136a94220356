/**
 * The choices {@link fitPreprocessing} takes (issue 3 item 6): imputation, scaling, date parts
 * and the encoding of missing categories, as defaults for every feature and per feature. Plain
 * data, so a form or a saved run config can hold them.
 */
import type { ColumnType, DatePart, ImputeStrategy, ScaleMethod } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { checkDateParts, DATE_PARTS } from './date-parts';

/** The preprocessing of one feature. Every field is optional; see {@link resolveFeatureOptions}. */
export interface FeaturePreprocessing {
  /** Numeric and datetime features: how missing values are filled. Default `'mean'`. */
  impute?: ImputeStrategy;
  /**
   * The constant for `impute: 'constant'`, in the column's units (a datetime's is a time in ms
   * since epoch; with date parts, each part is that time's part). Default 0, as scikit-learn.
   */
  fillValue?: number;
  /** Numeric and datetime features: how filled values are rescaled. Default `'standard'`. */
  scale?: ScaleMethod;
  /**
   * Datetime features: expand into calendar parts (UTC) instead of using the time itself;
   * `true` means all of year, month, day, weekday, hour. Each part is then filled and scaled
   * with `impute`/`scale`. Default `false`.
   */
  dateParts?: boolean | readonly DatePart[];
  /**
   * Categorical (boolean, category) features: where missing values go. `'unseen'` (default):
   * the slot of categories not seen in training; `'bucket'`: a slot of their own;
   * `'most-frequent'`: the most frequent training category (ties: the smallest in UTF-16 order).
   */
  categoricalMissing?: 'unseen' | 'bucket' | 'most-frequent';
}

/** Options of {@link fitPreprocessing}. No options at all gives the original preprocessing. */
export interface PreprocessingOptions {
  /** For every feature, where a field fits the feature's type (others are ignored). */
  defaults?: FeaturePreprocessing;
  /**
   * Per feature name, merged over `defaults` field by field. A field that does not fit the
   * feature's type (e.g. `scale` on a category) is an error here, as is a name that is not a
   * feature.
   */
  columns?: Readonly<Record<string, FeaturePreprocessing>>;
}

/** One feature's options with every default filled in. */
export interface ResolvedFeatureOptions {
  impute: ImputeStrategy;
  fillValue: number;
  scale: ScaleMethod;
  /** Empty: the datetime itself is scaled (or the feature is not a datetime). */
  dateParts: DatePart[];
  categoricalMissing: 'unseen' | 'bucket' | 'most-frequent';
}

/** Every {@link ImputeStrategy}, in the order error messages list them. */
export const IMPUTE_STRATEGIES: readonly ImputeStrategy[] = [
  'mean',
  'median',
  'most-frequent',
  'constant',
];
/** Every {@link ScaleMethod}, in the order error messages list them. */
export const SCALE_METHODS: readonly ScaleMethod[] = ['standard', 'min-max', 'none'];
/** Where a categorical feature's missing values go (a one-hot transform's `missing`). */
export const CATEGORICAL_MISSING = ['unseen', 'bucket', 'most-frequent'] as const;
const NUMERIC_FIELDS = ['impute', 'fillValue', 'scale'] as const;

/**
 * Checks that every per-column entry names a feature.
 * @param options the options
 * @param features the feature names
 * @throws InvalidArgumentError naming the first unknown column
 * @example
 * checkOptionColumns({ columns: { agee: { impute: 'median' } } }, ['age'])
 * // throws: options.columns = "agee": is not one of the features
 */
export function checkOptionColumns(
  options: PreprocessingOptions,
  features: readonly string[],
): void {
  for (const name of Object.keys(options.columns ?? {})) {
    if (!features.includes(name)) {
      throw new InvalidArgumentError('options.columns', name, 'is not one of the features');
    }
  }
}

/**
 * The options of one feature: its `columns` entry over `defaults` over the built-in defaults
 * (`mean`, fill 0, `standard`, no date parts, missing categories as unseen), validated.
 * @param options the options
 * @param name the feature name
 * @param type the feature's column type
 * @returns the resolved options
 * @throws InvalidArgumentError for an unknown strategy/method/part, a non-finite `fillValue`,
 *   or a per-column field that does not fit the type (naming the column)
 * @example
 * resolveFeatureOptions({ defaults: { scale: 'min-max' } }, 'age', 'integer')
 * // { impute: 'mean', fillValue: 0, scale: 'min-max', dateParts: [], categoricalMissing: 'unseen' }
 */
export function resolveFeatureOptions(
  options: PreprocessingOptions,
  name: string,
  type: ColumnType,
): ResolvedFeatureOptions {
  const defaults = options.defaults ?? {};
  const own =
    options.columns && Object.hasOwn(options.columns, name) ? options.columns[name] : undefined;
  const categorical = type === 'boolean' || type === 'category';
  if (own) {
    const misfit =
      (categorical && NUMERIC_FIELDS.find((f) => own[f] !== undefined)) ||
      (!categorical && own.categoricalMissing !== undefined && 'categoricalMissing') ||
      (type !== 'datetime' &&
        own.dateParts !== undefined &&
        own.dateParts !== false &&
        'dateParts');
    if (misfit) {
      throw new InvalidArgumentError(
        `options.columns[${JSON.stringify(name)}].${misfit}`,
        own[misfit],
        `does not apply to a ${type} column`,
      );
    }
  }
  const pick = <K extends keyof FeaturePreprocessing>(key: K): FeaturePreprocessing[K] =>
    own?.[key] !== undefined ? own[key] : defaults[key];
  const where = (key: string): string =>
    own?.[key as keyof FeaturePreprocessing] !== undefined
      ? `options.columns[${JSON.stringify(name)}].${key}`
      : `options.defaults.${key}`;

  const impute = oneOf(pick('impute') ?? 'mean', IMPUTE_STRATEGIES, where('impute'));
  const scale = oneOf(pick('scale') ?? 'standard', SCALE_METHODS, where('scale'));
  const categoricalMissing = oneOf(
    pick('categoricalMissing') ?? 'unseen',
    CATEGORICAL_MISSING,
    where('categoricalMissing'),
  );
  const fillValue = pick('fillValue') ?? 0;
  if (typeof fillValue !== 'number' || !Number.isFinite(fillValue)) {
    throw new InvalidArgumentError(where('fillValue'), fillValue, 'must be a finite number');
  }
  const parts = pick('dateParts') ?? false;
  let dateParts: DatePart[] = [];
  if (type === 'datetime' && parts !== false) {
    dateParts = parts === true ? [...DATE_PARTS] : checkDateParts(parts, name);
  }
  return { impute, fillValue, scale, dateParts, categoricalMissing };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], argument: string): T {
  if (allowed.includes(value as T)) return value as T;
  throw new InvalidArgumentError(argument, value, `use one of ${allowed.join(', ')}`);
}
