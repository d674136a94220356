/**
 * A/B arm routing in the serving path (issue 7): single requests, batch files and replay are
 * answered by the unit's arm, logged with experiment and arm; a fault drops a share of one arm
 * and the results' SRM check fires; results computed in the worker task.
 */
import { describe, expect, it } from 'vitest';
import type { AbExperiment } from '../../../src/lib/contracts/ab';
import { assignArm } from '../../../src/lib/ab';
import {
  decideExperiment,
  listExperimentEntries,
  putExperiment,
  startExperiment,
} from '../../../src/lib/db';
import { abResults } from '../../../workers/tasks/ab-results';
import { replay } from '../../../workers/tasks/replay';
import { flushPredictionLog, invalidateServing, serve } from '../../../workers/tasks/serve';
import { serveBatch } from '../../../workers/tasks/serve-batch';
import { GOOD_ROW, setUpDeployment, useServingDb } from './helpers';

useServingDb();

async function startAb(
  deploymentId: string,
  v1: string,
  v2: string,
  over: Partial<AbExperiment> = {},
) {
  const exp: AbExperiment = {
    id: crypto.randomUUID(),
    name: 'logistic vs mlp',
    createdAt: Date.now(),
    deploymentId,
    modelName: 'penguins',
    arms: [
      { name: 'A', modelVersionId: v1, weight: 0.5 },
      { name: 'B', modelVersionId: v2, weight: 0.5 },
    ],
    unitKey: { kind: 'generated' },
    salt: 'ab-test',
    primary: {
      name: 'accuracy',
      kind: 'conversion',
      source: { kind: 'correct' },
      higherIsBetter: true,
    },
    guardrails: [
      { name: 'latency', kind: 'mean', source: { kind: 'latency' }, higherIsBetter: false },
    ],
    plannedSampleSize: null,
    status: 'draft',
    startedAt: null,
    decision: null,
    ...over,
  };
  await putExperiment(exp);
  await startExperiment(exp.id);
  invalidateServing(deploymentId);
  return exp;
}

describe('A/B routing', () => {
  it('routes requests to the unit’s arm and logs experiment and arm', async () => {
    const { v1, v2, deployment } = await setUpDeployment();
    const exp = await startAb(deployment.id, v1.id, v2.id);
    const seen = new Set<string>();
    for (const unit of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']) {
      const r = await serve(deployment.id, GOOD_ROW, unit);
      const arm = exp.arms[assignArm(exp.salt, unit, exp.arms)]!;
      expect(r.modelVersionId).toBe(arm.modelVersionId);
      expect(r.reason).toContain(`arm ${arm.name}`);
      seen.add(arm.name);
      // The same unit again: the same arm.
      expect((await serve(deployment.id, GOOD_ROW, unit)).modelVersionId).toBe(arm.modelVersionId);
    }
    expect(seen.size).toBe(2);
    const batch = await serveBatch(
      deployment.id,
      new Blob([
        'island,bill_length_mm,bill_depth_mm,flipper_length_mm\nBiscoe,47,15,217\nDream,39,18,190\n',
      ]),
      'b.csv',
    );
    expect(batch.rows).toBe(2);
    await flushPredictionLog();
    const entries = await listExperimentEntries(exp.id);
    expect(entries).toHaveLength(18);
    for (const e of entries) {
      const arm = exp.arms.find((a) => a.name === e.arm)!;
      expect(e.modelVersionId).toBe(arm.modelVersionId);
    }
  });

  it('replays labelled traffic into results; a dropped share of one arm fires the SRM check', async () => {
    const { v1, v2, deployment, datasetVersionId } = await setUpDeployment();
    const exp = await startAb(deployment.id, v1.id, v2.id);
    const request = {
      deploymentId: deployment.id,
      datasetVersionId,
      labelColumn: 'species',
      rate: 0,
    };
    expect(await replay({ ...request, replayId: 'ab1' }, () => undefined)).toEqual({
      rows: 300,
      logged: 300,
    });
    const healthy = await abResults(exp.id);
    expect(healthy.totalUnits).toBe(300);
    expect(healthy.units.A! + healthy.units.B!).toBe(300);
    expect(healthy.srm!.mismatch).toBe(false);
    expect(healthy.primary.arms.every((a) => a.n > 0)).toBe(true);
    expect(healthy.primary.comparisons[0]!.frequentist).not.toBeNull();
    expect(healthy.guardrails[0]!.metric.name).toBe('latency');

    // Stop it; a new experiment on the same traffic, with a logging bug losing 60% of B's units.
    await decideExperiment(exp.id, {
      at: Date.now(),
      action: 'stop',
      arm: null,
      modelVersionId: null,
      reason: 'next',
      stats: null,
    });
    const second = await startAb(deployment.id, v1.id, v2.id, {
      id: crypto.randomUUID(),
      salt: 'ab-test-2',
    });
    const faulty = await replay(
      { ...request, replayId: 'ab2', fault: { arm: 'B', dropShare: 0.6 } },
      () => undefined,
    );
    expect(faulty.rows).toBe(300);
    expect(faulty.logged).toBeLessThan(250);
    const broken = await abResults(second.id);
    expect(broken.units.B!).toBeLessThan(broken.units.A! * 0.6);
    expect(broken.srm!.mismatch).toBe(true);
    expect(broken.srm!.pValue).toBeLessThan(0.001);
  });
});
