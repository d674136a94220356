import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../../../src/lib/contracts/entities';
import { TrainingConfigError } from '../../../src/lib/contracts/errors';
import { buildColumns } from '../../../src/lib/data/columns';
import { parseDelimited } from '../../../src/lib/data/parse-delimited';
import { inferTask, validateTrainingSetup } from '../../../src/lib/data/task';

const s = (type: ColumnSchema['type']): ColumnSchema => ({
  name: 't',
  type,
  encoding: type === 'number' || type === 'integer' ? 'f64' : 'dict',
  missing: 0,
});

describe('inferTask', () => {
  it('maps column type and distinct count to a task', () => {
    expect(inferTask(s('category'), 2)).toBe('binary');
    expect(inferTask(s('category'), 3)).toBe('multiclass');
    expect(inferTask(s('boolean'), 2)).toBe('binary');
    expect(inferTask(s('integer'), 2)).toBe('binary');
    expect(inferTask(s('integer'), 10)).toBe('multiclass');
    expect(inferTask(s('integer'), 11)).toBe('regression');
    expect(inferTask(s('number'), 2)).toBe('regression');
  });

  it.each(['text', 'id', 'datetime'] as const)('refuses a %s target', (type) => {
    expect(() => inferTask(s(type), 5)).toThrow(TrainingConfigError);
  });
});

function table(text: string) {
  return buildColumns(parseDelimited(text, { fileName: 't.csv' }));
}

function setupOf(text: string, target: string | null, features?: string[]) {
  const { schema, columns } = table(text);
  const j = schema.findIndex((c) => c.name === target);
  return validateTrainingSetup({
    schema,
    target,
    features,
    targetColumn: columns[Math.max(j, 0)]!,
    columns,
  });
}

const CSV = [
  'id,name,x,k,flag,const,y',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `${i + 1},person ${i},${(i * 1.5).toFixed(1)},${['a', 'b'][i % 2]},${i % 3 ? 'yes' : 'no'},1,${
        i === 4 ? '' : ['lo', 'mid', 'hi'][i % 3]
      }`,
  ),
].join('\n');

describe('validateTrainingSetup', () => {
  it('derives task, sorted labels, usable features and drops rows with a missing target', () => {
    const r = setupOf(CSV, 'y');
    expect(r.task).toBe('multiclass');
    expect(r.labels).toEqual(['hi', 'lo', 'mid']);
    expect(r.features).toEqual(['x', 'k', 'flag']);
    expect(r.excluded.map((e) => e.name)).toEqual(['id', 'name', 'const']);
    expect(r.droppedRows).toBe(1);
    expect(r.rows).toHaveLength(29);
    expect(Array.from(r.rows)).not.toContain(4);
    expect(r.y[4]).toBe(-1);
    expect(r.y[0]).toBe(1); // 'lo'
  });

  it('uses the given features in the given order', () => {
    expect(setupOf(CSV, 'y', ['flag', 'x']).features).toEqual(['flag', 'x']);
  });

  it('regression keeps the raw target values', () => {
    const r = setupOf(CSV, 'x');
    expect(r.task).toBe('regression');
    expect(r.labels).toBeUndefined();
    expect(r.y[2]).toBe(3);
  });

  it('integer class targets get numerically sorted labels', () => {
    const r = setupOf('f,y\n1,10\n2,9\n3,10\n4,2\n', 'y');
    expect(r.task).toBe('multiclass');
    expect(r.labels).toEqual(['2', '9', '10']);
    expect(Array.from(r.y)).toEqual([2, 1, 2, 0]);
  });

  it.each([
    [null, /choose a target/],
    ['', /choose a target/],
    ['nope', /`nope` is not a column.*`id`, `name`/],
  ])('refuses target %j', (target, message) => {
    expect(() => setupOf(CSV, target)).toThrow(message);
  });

  it('refuses a target with one class', () => {
    expect(() => setupOf(CSV, 'const')).toThrow(/single value \(1\)/);
    expect(() => setupOf('f,y\n1,a\n2,a\n3,\n', 'y')).toThrow(/single value \("a"\)/);
  });

  it('refuses a target missing in every row', () => {
    expect(() => setupOf('f,y\n1,\n2,NA\n', 'y')).toThrow(/missing in every row/);
  });

  it('refuses when no usable feature remains, listing why each was left out', () => {
    try {
      setupOf(CSV, 'y', ['id', 'name', 'const']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TrainingConfigError);
      expect((e as Error).message).toMatch(/no usable feature/);
      expect((e as Error).message).toMatch(/`id` looks like an identifier/);
      expect((e as Error).message).toMatch(/`const` has the same value/);
    }
  });

  it('refuses an unknown feature', () => {
    expect(() => setupOf(CSV, 'y', ['x', 'ghost'])).toThrow(/feature `ghost` is not a column/);
  });
});
