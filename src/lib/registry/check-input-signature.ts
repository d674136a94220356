/**
 * Shape check of an {@link InputSignature} read from an untrusted file: the result is rebuilt
 * from the checked fields only (unknown keys dropped), so nothing else rides along.
 */
import type { InputSignature, SignatureField, Task } from '../contracts/entities';
import { ALL_COLUMN_TYPES } from '../validate/check';
import {
  type Fail,
  own,
  readFinite,
  readOneOf,
  readRecord,
  readString,
  readStringArray,
} from './read-untrusted';

const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];

/**
 * Checks and copies an input signature.
 * @param value the parsed JSON
 * @param fail the error thrower (called with a message naming the bad field)
 * @param where the value's path, for messages (default `signature`)
 * @returns a clean copy
 * @throws whatever `fail` throws: a missing or mistyped field, a duplicate input name,
 *   min > max, or a classification target without labels
 * @example
 * checkInputSignature({ inputs: [{ name: 'x', type: 'number', min: 0, max: 1 }],
 *   target: { name: 'y', task: 'regression' } }, fail)
 * // the same value
 */
export function checkInputSignature(
  value: unknown,
  fail: Fail,
  where = 'signature',
): InputSignature {
  const s = readRecord(value, where, fail);
  const rawInputs = own(s, 'inputs');
  if (!Array.isArray(rawInputs)) fail(`${where}.inputs must be an array`);
  const names = new Set<string>();
  const inputs = rawInputs.map((raw: unknown, i): SignatureField => {
    const at = `${where}.inputs[${i}]`;
    const f = readRecord(raw, at, fail);
    const name = readString(own(f, 'name'), `${at}.name`, fail);
    if (names.has(name)) fail(`${at}.name ${JSON.stringify(name)} appears twice`);
    names.add(name);
    const field: SignatureField = {
      name,
      type: readOneOf(own(f, 'type'), ALL_COLUMN_TYPES, `${at}.type`, fail),
    };
    if (own(f, 'categories') !== undefined) {
      field.categories = readStringArray(own(f, 'categories'), `${at}.categories`, fail);
    }
    if (own(f, 'min') !== undefined) field.min = readFinite(own(f, 'min'), `${at}.min`, fail);
    if (own(f, 'max') !== undefined) field.max = readFinite(own(f, 'max'), `${at}.max`, fail);
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      fail(`${at}: min ${field.min} is greater than max ${field.max}`);
    }
    return field;
  });
  const t = readRecord(own(s, 'target'), `${where}.target`, fail);
  const task = readOneOf(own(t, 'task'), TASKS, `${where}.target.task`, fail);
  const target: InputSignature['target'] = {
    name: readString(own(t, 'name'), `${where}.target.name`, fail),
    task,
  };
  if (own(t, 'labels') !== undefined) {
    target.labels = readStringArray(own(t, 'labels'), `${where}.target.labels`, fail);
  }
  if (task !== 'regression' && (target.labels?.length ?? 0) < 2) {
    fail(`${where}.target.labels must list at least 2 classes for ${task} classification`);
  }
  return { inputs, target };
}
