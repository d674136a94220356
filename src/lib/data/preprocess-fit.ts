/**
 * Fitting one feature's transform on the training rows ({@link fitPreprocessing} calls it per
 * feature). Only `trainRows` are read.
 */
import type { ColumnSchema, FittedTransform } from '../contracts/entities';
import { datePart } from './date-parts';
import type { ResolvedFeatureOptions } from './preprocess-options';
import { fitAffine, presentMeanStd } from './preprocess-stats';

/**
 * Fits the transform of a numeric (`f64`) feature.
 *
 * The default (`mean` + `standard`, no date parts) gives the original `standardize` transform,
 * field for field; any other choice a `scale` transform, or `date-parts` for a datetime with
 * parts (each part fitted like a numeric column of its own, see {@link fitAffine}).
 * @param name the feature name
 * @param column the column values (NaN = missing)
 * @param trainRows the training row indices
 * @param o the feature's resolved options
 * @returns the fitted transform
 * @throws never
 * @example
 * fitNumeric('x', Float64Array.from([1, 2, 3]), [0, 1, 2], defaults)
 * // { kind: 'standardize', column: 'x', mean: 2, std: 0.816496580927726, fill: 2 }
 */
export function fitNumeric(
  name: string,
  column: Float64Array,
  trainRows: ArrayLike<number>,
  o: ResolvedFeatureOptions,
): FittedTransform {
  const values = new Float64Array(trainRows.length);
  for (let k = 0; k < trainRows.length; k++) values[k] = column[trainRows[k]!]!;
  if (o.dateParts.length > 0) {
    const fits = o.dateParts.map((part) => {
      const partValues = values.map((x) => datePart(x, part));
      const fit = fitAffine(partValues, o.impute, 0, o.scale);
      // A datetime's constant is a time: each part is filled with that time's part.
      if (o.impute === 'constant') fit.fill = datePart(o.fillValue, part);
      return fit;
    });
    return {
      kind: 'date-parts',
      column: name,
      parts: [...o.dateParts],
      method: o.scale,
      impute: o.impute,
      center: fits.map((f) => f.center),
      scale: fits.map((f) => f.scale),
      fill: fits.map((f) => f.fill),
    };
  }
  if (o.impute === 'mean' && o.scale === 'standard') {
    const { mean, std } = presentMeanStd(values);
    return { kind: 'standardize', column: name, mean, std, fill: mean };
  }
  const { fill, center, scale } = fitAffine(values, o.impute, o.fillValue, o.scale);
  return { kind: 'scale', column: name, method: o.scale, impute: o.impute, center, scale, fill };
}

/**
 * Fits the one-hot transform of a categorical (`dict`) feature: the categories present in the
 * train rows, in dictionary order, plus an unseen slot; missing values per
 * `o.categoricalMissing` (`'unseen'` gives the original transform, field for field). For
 * `'most-frequent'` the fill is the category with the most train rows (ties: the smallest in
 * UTF-16 order); with no present train value, missing values stay in the unseen slot.
 * @param name the feature name
 * @param s the column schema (its dictionary)
 * @param column the dictionary codes (-1 = missing)
 * @param trainRows the training row indices
 * @param o the feature's resolved options
 * @returns the fitted one-hot transform
 * @throws never
 * @example
 * fitOneHot('c', schema, Int32Array.from([0, 1, -1]), [0, 1, 2], defaults)
 * // { kind: 'one-hot', column: 'c', categories: ['a', 'b'], unseen: true }
 */
export function fitOneHot(
  name: string,
  s: ColumnSchema,
  column: Int32Array,
  trainRows: ArrayLike<number>,
  o: ResolvedFeatureOptions,
): FittedTransform {
  const dictionary = s.dictionary ?? [];
  const counts = new Float64Array(dictionary.length);
  for (let k = 0; k < trainRows.length; k++) {
    const code = column[trainRows[k]!]!;
    if (code >= 0 && code < counts.length) counts[code]!++;
  }
  const categories = dictionary.filter((_, c) => counts[c]! > 0);
  const t: Extract<FittedTransform, { kind: 'one-hot' }> = {
    kind: 'one-hot',
    column: name,
    categories,
    unseen: true,
  };
  if (o.categoricalMissing === 'bucket') t.missing = 'bucket';
  if (o.categoricalMissing === 'most-frequent') {
    let best = -1;
    for (let c = 0; c < dictionary.length; c++) {
      const better =
        best < 0 ||
        counts[c]! > counts[best]! ||
        (counts[c] === counts[best] && dictionary[c]! < dictionary[best]!);
      if (counts[c]! > 0 && better) best = c;
    }
    if (best >= 0) {
      t.missing = 'most-frequent';
      t.fill = dictionary[best]!;
    }
  }
  return t;
}
