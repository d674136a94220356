import { useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import type { Expectation } from '../../../src/lib/contracts/entities';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { getSuite, listSuites, listSuiteVersions, saveSuite } from '../../../src/lib/db';

const expectations: Expectation[] = [
  { kind: 'column-exists', column: 'age' },
  { kind: 'values-between', column: 'age', min: 0, max: 120 },
];

describe('expectation suites', () => {
  const t = useFreshDb();

  it('numbers versions per name from 1 and keeps every version', async () => {
    const a = await saveSuite({
      name: ' people ',
      sourceVersionId: 'v1',
      expectations,
      createdAt: 1,
    });
    const b = await saveSuite({
      name: 'people',
      sourceVersionId: null,
      expectations: [...expectations, { kind: 'values-unique', column: 'id' }],
      createdAt: 2,
    });
    const c = await saveSuite({
      name: 'orders',
      sourceVersionId: 'v2',
      expectations,
      createdAt: 3,
    });
    expect([a.id, b.id, c.id]).toEqual(['people@1', 'people@2', 'orders@1']);
    expect(a).toEqual({
      id: 'people@1',
      name: 'people',
      version: 1,
      createdAt: 1,
      sourceVersionId: 'v1',
      expectations,
    });
    expect(await getSuite('people@1')).toEqual(a);
    expect((await getSuite('people@2'))?.expectations).toHaveLength(3);
    expect(await getSuite('people@3')).toBeUndefined();
    expect((await listSuiteVersions('people')).map((s) => s.version)).toEqual([2, 1]);
    expect(await listSuiteVersions('nobody')).toEqual([]);
  });

  it('lists the latest version of each name, most recently saved first', async () => {
    await saveSuite({ name: 'a', sourceVersionId: null, expectations, createdAt: 1 });
    await saveSuite({ name: 'b', sourceVersionId: null, expectations, createdAt: 2 });
    await saveSuite({ name: 'a', sourceVersionId: null, expectations, createdAt: 3 });
    await saveSuite({ name: 'c', sourceVersionId: null, expectations, createdAt: 2 });
    expect((await listSuites()).map((s) => s.id)).toEqual(['a@2', 'b@1', 'c@1']);
    expect(await t.db().suites.count()).toBe(4);
  });

  it('gives concurrent saves distinct consecutive numbers', async () => {
    const saved = await Promise.all(
      Array.from({ length: 8 }, () =>
        saveSuite({ name: 'race', sourceVersionId: null, expectations }),
      ),
    );
    expect(saved.map((s) => s.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('copies the expectations, so later edits of the input do not change the stored suite', async () => {
    const input: Expectation[] = [{ kind: 'values-in-set', column: 'c', values: ['a'] }];
    await saveSuite({ name: 's', sourceVersionId: null, expectations: input });
    (input[0] as { values: string[] }).values.push('b');
    expect((await getSuite('s@1'))?.expectations).toEqual([
      { kind: 'values-in-set', column: 'c', values: ['a'] },
    ]);
  });

  it.each(['', '   ', 'a@b', 'a:b', 'x'.repeat(201)])('refuses the name %j', async (name) => {
    await expect(saveSuite({ name, sourceVersionId: null, expectations })).rejects.toThrow(
      InvalidArgumentError,
    );
    expect(await listSuites()).toEqual([]);
  });
});
