/**
 * Shape check of a {@link PreprocessingSpec} read from an untrusted file. Every transform kind
 * is read by one reader in {@link TRANSFORM_READERS} (a lookup table, not a switch); the result
 * is rebuilt from checked fields only, and `outputWidth` must equal the sum of the transforms'
 * widths, so the vector the spec produces has exactly the size it claims.
 */
import type { FittedTransform, PreprocessingSpec } from '../contracts/entities';
import { DATE_PARTS } from '../data/date-parts';
import { CATEGORICAL_MISSING, IMPUTE_STRATEGIES, SCALE_METHODS } from '../data/preprocess-options';
import { transformWidth } from '../data/preprocess-values';
import {
  type Fail,
  type JsonRecord,
  own,
  readFinite,
  readFiniteArray,
  readOneOf,
  readRecord,
  readString,
  readStringArray,
} from './read-untrusted';

type Kind = FittedTransform['kind'];
type Reader<K extends Kind> = (
  t: JsonRecord,
  at: string,
  fail: Fail,
) => Extract<FittedTransform, { kind: K }>;

/** A non-zero finite divisor (a zero scale would make every output infinite). */
function divisor(v: unknown, at: string, fail: Fail): number {
  const x = readFinite(v, at, fail);
  if (x === 0) fail(`${at} must not be 0`);
  return x;
}

/**
 * One reader per transform kind.
 * @example
 * Object.keys(TRANSFORM_READERS) // ['standardize', 'one-hot', 'scale', 'date-parts']
 */
export const TRANSFORM_READERS: { [K in Kind]: Reader<K> } = {
  standardize: (t, at, fail: Fail) => ({
    kind: 'standardize',
    column: readString(own(t, 'column'), `${at}.column`, fail),
    mean: readFinite(own(t, 'mean'), `${at}.mean`, fail),
    std: divisor(own(t, 'std'), `${at}.std`, fail),
    fill: readFinite(own(t, 'fill'), `${at}.fill`, fail),
  }),
  'one-hot': (t, at, fail: Fail) => {
    const unseen = own(t, 'unseen');
    if (typeof unseen !== 'boolean') fail(`${at}.unseen must be true or false`);
    const out: Extract<FittedTransform, { kind: 'one-hot' }> = {
      kind: 'one-hot',
      column: readString(own(t, 'column'), `${at}.column`, fail),
      categories: readStringArray(own(t, 'categories'), `${at}.categories`, fail),
      unseen,
    };
    if (own(t, 'missing') !== undefined) {
      out.missing = readOneOf(own(t, 'missing'), CATEGORICAL_MISSING, `${at}.missing`, fail);
    }
    if (own(t, 'fill') !== undefined) {
      out.fill = readString(own(t, 'fill'), `${at}.fill`, fail, true);
    }
    return out;
  },
  scale: (t, at, fail: Fail) => ({
    kind: 'scale',
    column: readString(own(t, 'column'), `${at}.column`, fail),
    method: readOneOf(own(t, 'method'), SCALE_METHODS, `${at}.method`, fail),
    impute: readOneOf(own(t, 'impute'), IMPUTE_STRATEGIES, `${at}.impute`, fail),
    center: readFinite(own(t, 'center'), `${at}.center`, fail),
    scale: divisor(own(t, 'scale'), `${at}.scale`, fail),
    fill: readFinite(own(t, 'fill'), `${at}.fill`, fail),
  }),
  'date-parts': (t, at, fail: Fail) => {
    const raw = own(t, 'parts');
    if (!Array.isArray(raw) || raw.length === 0) fail(`${at}.parts must be a non-empty array`);
    const parts = raw.map((p: unknown, i) => readOneOf(p, DATE_PARTS, `${at}.parts[${i}]`, fail));
    const center = readFiniteArray(own(t, 'center'), `${at}.center`, fail);
    const scale = readFiniteArray(own(t, 'scale'), `${at}.scale`, fail);
    const fill = readFiniteArray(own(t, 'fill'), `${at}.fill`, fail);
    for (const [name, values] of [
      ['center', center],
      ['scale', scale],
      ['fill', fill],
    ] as const) {
      if (values.length !== parts.length) {
        fail(`${at}.${name} has ${values.length} values for ${parts.length} parts`);
      }
    }
    scale.forEach((x, i) => divisor(x, `${at}.scale[${i}]`, fail));
    return {
      kind: 'date-parts',
      column: readString(own(t, 'column'), `${at}.column`, fail),
      parts,
      method: readOneOf(own(t, 'method'), SCALE_METHODS, `${at}.method`, fail),
      impute: readOneOf(own(t, 'impute'), IMPUTE_STRATEGIES, `${at}.impute`, fail),
      center,
      scale,
      fill,
    };
  },
};

const KINDS = Object.keys(TRANSFORM_READERS) as Kind[];

/**
 * Checks and copies a preprocessing spec.
 * @param value the parsed JSON
 * @param fail the error thrower (called with a message naming the bad field)
 * @param where the value's path, for messages (default `preprocessing`)
 * @returns a clean copy
 * @throws whatever `fail` throws: an unknown transform kind, a mistyped field, a zero scale, or
 *   an `outputWidth` that is not the sum of the transform widths
 * @example
 * checkPreprocessingSpec({ transforms: [{ kind: 'standardize', column: 'x', mean: 0, std: 1,
 *   fill: 0 }], outputWidth: 1 }, fail).outputWidth // 1
 */
export function checkPreprocessingSpec(
  value: unknown,
  fail: Fail,
  where = 'preprocessing',
): PreprocessingSpec {
  const s = readRecord(value, where, fail);
  const raw = own(s, 'transforms');
  if (!Array.isArray(raw)) fail(`${where}.transforms must be an array`);
  const transforms = raw.map((item: unknown, i): FittedTransform => {
    const at = `${where}.transforms[${i}]`;
    const t = readRecord(item, at, fail);
    const kind = readOneOf(own(t, 'kind'), KINDS, `${at}.kind`, fail);
    return (TRANSFORM_READERS[kind] as Reader<Kind>)(t, at, fail);
  });
  const outputWidth = own(s, 'outputWidth');
  const width = transforms.reduce((sum, t) => sum + transformWidth(t), 0);
  if (outputWidth !== width) {
    fail(
      `${where}.outputWidth is ${String(outputWidth)}, but the transforms produce ${width} values`,
    );
  }
  const spec: PreprocessingSpec = { transforms, outputWidth: width };
  if (own(s, 'target') !== undefined) {
    const t = readRecord(own(s, 'target'), `${where}.target`, fail);
    spec.target = {
      mean: readFinite(own(t, 'mean'), `${where}.target.mean`, fail),
      std: divisor(own(t, 'std'), `${where}.target.std`, fail),
    };
  }
  return spec;
}
