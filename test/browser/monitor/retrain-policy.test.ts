/**
 * The automatic retraining policy (issue 6), through the page state that runs it: MonitorState
 * with a real AppState and its real compute worker. The worker opens the default database, so
 * this file uses it too (fresh per Vitest run: a new browser context; no other test opens it).
 * One deployment for the file (penguins@1 fallback, @2 champion); each test its own monitor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Monitor } from '../../../src/lib/contracts/monitoring';
import {
  closeDb,
  getAlias,
  getModelVersion,
  getRun,
  getVersion,
  listAlerts,
  listAudit,
  listModelVersions,
  openDb,
  putMonitor,
} from '../../../src/lib/db';
import { AppState } from '../../../src/state/app.svelte';
import { MonitorState } from '../../../src/state/monitor.svelte';
import { chooseBackend } from '../../../workers/tasks/backend-state';
import { replay } from '../../../workers/tasks/replay';
import { flushPredictionLog } from '../../../workers/tasks/serve';
import { setUpDeployment, type Fixture } from '../serving/helpers';
import { monitorOf } from './helpers';

let fixture: Fixture;
let datasetId: string;
let app: AppState;

beforeAll(async () => {
  expect((await chooseBackend('wasm')).name).toBe('wasm');
  await openDb();
  fixture = await setUpDeployment();
  datasetId = (await getVersion(fixture.datasetVersionId))!.datasetId;
  await replay(
    {
      replayId: 'r',
      deploymentId: fixture.deployment.id,
      datasetVersionId: fixture.datasetVersionId,
      labelColumn: 'species',
      rate: 0,
      limit: 80,
    },
    () => undefined,
  );
  await flushPredictionLog();
  app = new AppState();
  await app.refresh();
});

afterAll(() => {
  app.compute.terminate();
  closeDb();
});

/** A monitor of the fixture's deployment whose rule fires on every window (accuracy ≤ 1). */
async function monitor(auto: boolean): Promise<Monitor> {
  return putMonitor(
    monitorOf(fixture.deployment.id, {
      name: auto ? 'auto' : 'manual',
      retrain: { auto, datasetId },
    }),
  );
}

async function stateOf(m: Monitor): Promise<MonitorState> {
  const state = new MonitorState(app);
  await state.load();
  await state.select(m.id);
  expect(state.selected?.id).toBe(m.id);
  return state;
}

const retrainEvents = async (monitorId: string) =>
  (await listAudit({ kind: 'retrain.' })).filter(
    (e) =>
      e.subject === monitorId ||
      (e.detail as { monitorId?: string } | undefined)?.monitorId === monitorId,
  );

describe('automatic retraining policy', () => {
  it('does not retrain when the policy is off', async () => {
    const m = await monitor(false);
    const state = await stateOf(m);
    const before = (await listModelVersions('penguins')).length;
    await state.run();
    expect(state.error).toBeNull();
    expect(await listAlerts({ monitorId: m.id })).toHaveLength(2);
    expect(state.retraining).toBe(false);
    expect(await retrainEvents(m.id)).toEqual([]);
    expect(await listModelVersions('penguins')).toHaveLength(before);
  });

  it('retrains the champion on the newest version as challenger when a rule fires, once', async () => {
    const m = await monitor(true);
    const state = await stateOf(m);
    const before = (await listModelVersions('penguins')).length;
    await state.run();
    expect(state.error).toBeNull();
    expect(await listAlerts({ monitorId: m.id })).toHaveLength(2);

    // One new version, trained by the champion's configuration on the newest version, is the
    // challenger; the trigger and the registration are in the audit trail.
    const versions = await listModelVersions('penguins');
    expect(versions).toHaveLength(before + 1);
    const challenger = await getModelVersion((await getAlias('penguins', 'challenger'))!.versionId);
    const run = (await getRun(challenger!.runId))!;
    const championRun = (await getRun(fixture.v2.runId))!;
    expect(run.tags).toContain(`retrain-of:${championRun.id}`);
    expect(run.datasetVersionId).toBe(fixture.datasetVersionId);
    expect(run.config).toEqual(championRun.config);
    expect((await retrainEvents(m.id)).map((e) => e.kind).sort()).toEqual([
      'retrain.registered',
      'retrain.triggered',
    ]);
    expect(state.notice).toBe(`${challenger!.id} is the challenger.`);

    // Recomputing the windows raises no new alert, so the policy does not retrain again.
    await state.run(true);
    expect(state.error).toBeNull();
    expect(await listModelVersions('penguins')).toHaveLength(before + 1);
    expect(await retrainEvents(m.id)).toHaveLength(2);
  });
});
