/**
 * The per-value code of every fitted transform kind. Training ({@link transformRows}) and serving
 * ({@link encodeInputRow}) both write through {@link transformEncoder}, so a table row and the
 * same values typed into a form give the same vector.
 */
import type { FittedTransform } from '../contracts/entities';
import { datePart } from './date-parts';

type Kind<K extends FittedTransform['kind']> = Extract<FittedTransform, { kind: K }>;

/**
 * Number of outputs a transform writes.
 * @param t a fitted transform
 * @returns 1 for standardize and scale; one per date part; for one-hot, the categories plus the
 *   unseen slot (if any) plus the missing bucket (if any)
 * @throws never
 * @example
 * transformWidth({ kind: 'one-hot', column: 'c', categories: ['a', 'b'], unseen: true }) // 3
 */
export function transformWidth(t: FittedTransform): number {
  switch (t.kind) {
    case 'standardize':
    case 'scale':
      return 1;
    case 'date-parts':
      return t.parts.length;
    case 'one-hot':
      return t.categories.length + (t.unseen ? 1 : 0) + (t.missing === 'bucket' ? 1 : 0);
  }
}

/**
 * Standardises one value: `(x - mean) / std`, with NaN (missing) replaced by `fill` first.
 * @param t a standardize transform
 * @param x the raw value, NaN when missing
 * @returns the standardised value
 * @throws never
 * @example
 * standardizeValue({ kind: 'standardize', column: 'x', mean: 2, std: 4, fill: 2 }, 10) // 2
 */
export function standardizeValue(t: Kind<'standardize'>, x: number): number {
  return affine(x, t.fill, t.mean, t.std);
}

/**
 * Scales one value: `(x - center) / scale`, with NaN (missing) replaced by `fill` first.
 * @param t a scale transform
 * @param x the raw value, NaN when missing
 * @returns the scaled value
 * @throws never
 * @example
 * scaleValue({ kind: 'scale', column: 'x', method: 'min-max', impute: 'median', center: 1,
 *   scale: 9, fill: 3 }, NaN) // 0.2222222222222222
 */
export function scaleValue(t: Kind<'scale'>, x: number): number {
  return affine(x, t.fill, t.center, t.scale);
}

/**
 * The one-hot slot of a category.
 * @param t a one-hot transform
 * @param key the category (a dictionary key), or null when missing
 * @returns the slot index: the category's; for an unseen category the unseen slot; for a
 *   missing value per `t.missing` (absent/`'unseen'`: the unseen slot; `'bucket'`: the last
 *   slot; `'most-frequent'`: the slot of `t.fill`); -1 when there is no such slot
 * @throws never
 * @example
 * const t: Extract<FittedTransform, { kind: 'one-hot' }> = { kind: 'one-hot', column: 'c', categories: ['a', 'b'], unseen: true };
 * oneHotSlot(t, 'b') // 1
 * oneHotSlot(t, 'z') // 2 (the unseen/missing slot)
 * oneHotSlot({ ...t, missing: 'bucket' }, null) // 3
 */
export function oneHotSlot(t: Kind<'one-hot'>, key: string | null): number {
  let k = key;
  if (k === null) {
    if (t.missing === 'bucket') return t.categories.length + (t.unseen ? 1 : 0);
    if (t.missing === 'most-frequent' && t.fill !== undefined) k = t.fill;
  }
  const slot = k === null ? -1 : t.categories.indexOf(k);
  if (slot >= 0) return slot;
  return t.unseen ? t.categories.length : -1;
}

/**
 * The outputs of a date-parts transform for one time.
 * @param t a date-parts transform
 * @param x the time in ms since epoch, NaN when missing
 * @param out where to write `t.parts.length` values
 * @param offset the first index written
 * @throws never
 * @example
 * const out = new Float32Array(2);
 * datePartsValues({ kind: 'date-parts', column: 'd', parts: ['month', 'hour'], method: 'none',
 *   impute: 'mean', center: [0, 0], scale: [1, 1], fill: [6, 12] }, NaN, out, 0);
 * out // Float32Array [6, 12]
 */
export function datePartsValues(
  t: Kind<'date-parts'>,
  x: number,
  out: Float32Array,
  offset: number,
): void {
  for (let p = 0; p < t.parts.length; p++) {
    out[offset + p] = affine(datePart(x, t.parts[p]!), t.fill[p]!, t.center[p]!, t.scale[p]!);
  }
}

/** Writes one transform's outputs for one value; see {@link transformEncoder}. */
export type TransformEncoder =
  | { input: 'number'; write(x: number, out: Float32Array, offset: number): void }
  | { input: 'category'; write(key: string | null, out: Float32Array, offset: number): void };

/**
 * The writer of one fitted transform: numeric kinds take the raw number (NaN = missing), one-hot
 * takes the category key (null = missing). `out` must be zero where one-hot writes (a fresh
 * array). One-hot slots are memoised per key, computed by {@link oneHotSlot}.
 * @param t a fitted transform
 * @returns its encoder
 * @throws never
 * @example
 * const out = new Float32Array(3);
 * const enc = transformEncoder({ kind: 'one-hot', column: 'c', categories: ['a', 'b'], unseen: true });
 * if (enc.input === 'category') enc.write('b', out, 0); // out = [0, 1, 0]
 */
export function transformEncoder(t: FittedTransform): TransformEncoder {
  switch (t.kind) {
    case 'standardize':
      return { input: 'number', write: (x, out, o) => void (out[o] = standardizeValue(t, x)) };
    case 'scale':
      return { input: 'number', write: (x, out, o) => void (out[o] = scaleValue(t, x)) };
    case 'date-parts':
      return { input: 'number', write: (x, out, o) => datePartsValues(t, x, out, o) };
    case 'one-hot': {
      const slots = new Map<string | null, number>();
      return {
        input: 'category',
        write: (key, out, o) => {
          let slot = slots.get(key);
          if (slot === undefined) {
            slot = oneHotSlot(t, key);
            slots.set(key, slot);
          }
          if (slot >= 0) out[o + slot] = 1;
        },
      };
    }
  }
}

function affine(x: number, fill: number, center: number, scale: number): number {
  return ((Number.isNaN(x) ? fill : x) - center) / scale;
}
