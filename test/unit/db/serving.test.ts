import { useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import type { Deployment, PredictionLogEntry } from '../../../src/lib/contracts/entities';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import {
  appendPredictions,
  attachLabelsByKey,
  countPredictions,
  deleteDeployment,
  durabilityFor,
  getDeployment,
  listDeployments,
  listPredictions,
  putDeployment,
  readServingState,
} from '../../../src/lib/db';

const deployment = (id: string, createdAt: number, modelName = 'm'): Deployment => ({
  id,
  name: ` ${id} api `,
  modelName,
  alias: 'champion',
  fallbackChain: [`${modelName}@1`],
  shadowVersionId: null,
  validation: 'fallback',
  suiteId: null,
  createdAt,
});

const entry = (id: string, deploymentId: string, at: number, rowKey = `k${at}`) =>
  ({
    id,
    deploymentId,
    at,
    rowKey,
    inputs: { x: at },
    output: { label: 'a', value: 0 },
    modelVersionId: 'm@1',
    responder: 'primary',
    reason: 'the primary answers',
    latencyMs: 1,
  }) satisfies PredictionLogEntry;

describe('deployments', () => {
  const { db } = useFreshDb();

  it('puts (name trimmed), gets, lists newest first and by model, deletes with its log', async () => {
    await putDeployment(deployment('a', 1));
    await putDeployment(deployment('b', 3, 'n'));
    await putDeployment(deployment('c', 2));
    expect((await getDeployment('a'))?.name).toBe('a api');
    expect(await getDeployment('zzz')).toBeUndefined();
    expect((await listDeployments()).map((d) => d.id)).toEqual(['b', 'c', 'a']);
    expect((await listDeployments({ modelName: 'm' })).map((d) => d.id)).toEqual(['c', 'a']);
    await appendPredictions([entry('1', 'a', 1), entry('2', 'a', 2), entry('3', 'c', 3)]);
    expect(await deleteDeployment('a')).toEqual({ predictions: 2 });
    expect(await getDeployment('a')).toBeUndefined();
    expect(await countPredictions('a')).toBe(0);
    expect(await countPredictions('c')).toBe(1);
    expect(await deleteDeployment('a')).toEqual({ predictions: 0 });
  });

  it('refuses blank names and bad model names', async () => {
    await expect(putDeployment({ ...deployment('a', 1), name: '  ' })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(putDeployment({ ...deployment('a', 1), modelName: 'a@b' })).rejects.toThrow(
      InvalidArgumentError,
    );
  });

  it('reads the deployment and its alias holder together', async () => {
    expect(await readServingState('a')).toEqual({ deployment: undefined, primaryVersionId: null });
    await putDeployment(deployment('a', 1));
    expect((await readServingState('a')).primaryVersionId).toBeNull();
    await db().aliases.put({
      id: 'm:champion',
      modelName: 'm',
      alias: 'champion',
      versionId: 'm@2',
      updatedAt: 1,
    });
    expect((await readServingState('a')).primaryVersionId).toBe('m@2');
  });
});

describe('prediction log', () => {
  useFreshDb();

  it('lists newest first with limit, offset and a time window; counts per deployment', async () => {
    const entries = Array.from({ length: 20 }, (_, i) => entry(`e${i}`, 'd', 100 + i));
    await appendPredictions([...entries, entry('other', 'x', 105)]);
    expect(await countPredictions('d')).toBe(20);
    const ids = (o: Parameters<typeof listPredictions>[1]) =>
      listPredictions('d', o).then((l) => l.map((e) => e.id));
    expect(await ids({ limit: 3 })).toEqual(['e19', 'e18', 'e17']);
    expect(await ids({ limit: 2, offset: 3 })).toEqual(['e16', 'e15']);
    expect(await ids({ limit: 100, since: 105, until: 107 })).toEqual(['e7', 'e6', 'e5']);
    expect(await ids({ limit: 0 })).toEqual([]);
    await expect(listPredictions('d', { limit: -1 })).rejects.toThrow(InvalidArgumentError);
    // Re-appending the same ids replaces them instead of duplicating.
    await appendPredictions(entries.slice(0, 5));
    expect(await countPredictions('d')).toBe(20);
  });

  it('attaches labels by unit key (every entry of the key) and by entry id', async () => {
    await appendPredictions([
      entry('1', 'd', 1, 'u1'),
      entry('2', 'd', 2, 'u1'),
      entry('3', 'd', 3, 'u2'),
      entry('4', 'x', 4, 'u1'),
    ]);
    expect(
      await attachLabelsByKey(
        'd',
        [
          { key: 'u1', label: 'yes' },
          { key: 'u9', label: 'no' },
          { key: 'u2', label: 'no' },
          { key: 'u2', label: 1 },
        ],
        'rowKey',
      ),
    ).toEqual({ matched: 2, unmatched: 1, updated: 3 });
    const labels = async (d: string) =>
      Object.fromEntries(
        (await listPredictions(d, { limit: 10 })).map((e) => [e.id, e.label ?? null]),
      );
    expect(await labels('d')).toEqual({ '1': 'yes', '2': 'yes', '3': 1 });
    expect(await labels('x')).toEqual({ '4': null });

    expect(await attachLabelsByKey(null, [{ key: 'u1', label: 'all' }], 'rowKey')).toMatchObject({
      matched: 1,
      updated: 3,
    });
    expect(await labels('x')).toEqual({ '4': 'all' });
    expect(
      await attachLabelsByKey(
        'd',
        [
          { key: '3', label: 'z' },
          { key: '4', label: 'z' },
        ],
        'id',
      ),
    ).toEqual({ matched: 1, unmatched: 1, updated: 1 });
    expect((await labels('d'))['3']).toBe('z');
    expect(await attachLabelsByKey(null, [{ key: '4', label: 'w' }], 'id')).toMatchObject({
      matched: 1,
    });
  });

  it('writes the log with relaxed durability only when nothing else is in the transaction', () => {
    expect(durabilityFor(['predictionLog'], 'readwrite')).toBe('relaxed');
    expect(durabilityFor(['deployments', 'predictionLog'], 'readwrite')).toBe('strict');
    expect(durabilityFor(['chunks', 'predictionLog'], 'readwrite')).toBe('strict');
  });
});
