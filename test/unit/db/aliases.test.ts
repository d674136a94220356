import { makeArtifact, makeRun, SIGNATURE, useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/lib/contracts/errors';
import {
  aliasEventHash,
  aliasHistory,
  aliasHolderAt,
  getAlias,
  GENESIS_HASH,
  listAliases,
  moveAlias,
  putArtifact,
  putRun,
  registerModelVersion,
  verifyAliasChain,
} from '../../../src/lib/db';

async function models(name: string, count: number): Promise<void> {
  await putRun(makeRun('r1'));
  await putArtifact(await makeArtifact('a1', 'r1'));
  for (let i = 0; i < count; i++) {
    await registerModelVersion({
      name,
      runId: 'r1',
      artifactId: 'a1',
      datasetVersionId: 'v1',
      signature: SIGNATURE,
    });
  }
}

const move = (to: string | null, at: number, alias = 'champion', modelName = 'm') => ({
  modelName,
  alias,
  to,
  at,
  reason: `move to ${to}`,
  actor: 'ana',
});

describe('aliases', () => {
  const t = useFreshDb();

  it('moves an alias, appending hash-chained events with from/to', async () => {
    await models('m', 3);
    const e1 = await moveAlias(move('m@1', 100));
    const e2 = await moveAlias(move('m@2', 200));
    const e3 = await moveAlias(move('m@3', 150, 'challenger'));
    expect(e1).toMatchObject({ from: null, to: 'm@1', prevHash: GENESIS_HASH, actor: 'ana' });
    expect(e2).toMatchObject({ from: 'm@1', to: 'm@2', prevHash: e1.hash });
    expect(e3.prevHash).toBe(e2.hash); // one chain per model, across its aliases
    expect(e1.hash).toBe(await aliasEventHash(e1));
    expect(e1.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await getAlias('m', 'champion'))?.versionId).toBe('m@2');
    expect((await listAliases('m')).map((a) => a.alias).sort()).toEqual(['challenger', 'champion']);
    expect((await aliasHistory('m', 'champion')).map((e) => e.to)).toEqual(['m@1', 'm@2']);
    expect(await verifyAliasChain('m')).toEqual({ ok: true });
    expect(await verifyAliasChain()).toEqual({ ok: true });
  });

  it('removes an alias with to = null, and refuses versions of other models', async () => {
    await models('m', 1);
    await models('other', 1);
    await moveAlias(move('m@1', 1));
    const removed = await moveAlias(move(null, 2));
    expect(removed).toMatchObject({ from: 'm@1', to: null });
    expect(await getAlias('m', 'champion')).toBeUndefined();
    await expect(moveAlias(move('other@1', 3))).rejects.toThrow(NotFoundError);
    await expect(moveAlias(move('m@7', 3))).rejects.toThrow(NotFoundError);
    expect(await verifyAliasChain()).toEqual({ ok: true });
  });

  it('answers which version held an alias at a time', async () => {
    await models('m', 2);
    await moveAlias(move('m@1', 100));
    await moveAlias(move('m@2', 200));
    await moveAlias(move(null, 300));
    expect(await aliasHolderAt('m', 'champion', 99)).toBeNull();
    expect(await aliasHolderAt('m', 'champion', 100)).toBe('m@1');
    expect(await aliasHolderAt('m', 'champion', 199)).toBe('m@1');
    expect(await aliasHolderAt('m', 'champion', 250)).toBe('m@2');
    expect(await aliasHolderAt('m', 'champion', 1e15)).toBeNull();
    expect(await aliasHolderAt('m', 'nobody', 250)).toBeNull();
  });

  it('keeps the chain intact under concurrent moves (head re-checked, retried)', async () => {
    await models('m', 4);
    const events = await Promise.all(
      ['m@1', 'm@2', 'm@3', 'm@4'].map((to, i) => moveAlias(move(to, i, `a${i % 2}`))),
    );
    expect(new Set(events.map((e) => e.seq)).size).toBe(4);
    expect(await verifyAliasChain('m')).toEqual({ ok: true });
    const all = await t.db().aliasEvents.orderBy('seq').toArray();
    all.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? GENESIS_HASH : all[i - 1]!.hash));
  });

  describe('tamper detection', () => {
    async function fiveMoves(): Promise<number[]> {
      await models('m', 3);
      const seqs: number[] = [];
      for (let i = 0; i < 5; i++) seqs.push((await moveAlias(move(`m@${(i % 3) + 1}`, i))).seq!);
      return seqs;
    }

    it('finds an edited event at its seq', async () => {
      const seqs = await fiveMoves();
      await t.db().aliasEvents.update(seqs[2]!, { reason: 'nothing to see' });
      expect(await verifyAliasChain('m')).toMatchObject({
        ok: false,
        brokenAt: seqs[2],
        modelName: 'm',
        reason: expect.stringMatching(/edited/),
      });
      expect((await verifyAliasChain()).brokenAt).toBe(seqs[2]);
    });

    it('finds an edited event whose hash was recomputed, at the next seq', async () => {
      const seqs = await fiveMoves();
      const e = (await t.db().aliasEvents.get(seqs[1]!))!;
      const forged = { ...e, actor: 'mallory' };
      forged.hash = await aliasEventHash(forged);
      await t.db().aliasEvents.put(forged);
      expect(await verifyAliasChain('m')).toMatchObject({ ok: false, brokenAt: seqs[2] });
    });

    it('finds a removed event', async () => {
      const seqs = await fiveMoves();
      await t.db().aliasEvents.delete(seqs[1]!);
      expect(await verifyAliasChain('m')).toMatchObject({
        ok: false,
        brokenAt: seqs[2],
        reason: expect.stringMatching(/removed or reordered/),
      });
    });

    it('finds reordered events', async () => {
      const seqs = await fiveMoves();
      const a = (await t.db().aliasEvents.get(seqs[1]!))!;
      const b = (await t.db().aliasEvents.get(seqs[2]!))!;
      await t.db().aliasEvents.bulkPut([
        { ...b, seq: seqs[1] },
        { ...a, seq: seqs[2] },
      ]);
      expect(await verifyAliasChain('m')).toMatchObject({ ok: false, brokenAt: seqs[1] });
    });

    it('finds a truncated log (last event removed)', async () => {
      const seqs = await fiveMoves();
      await t.db().aliasEvents.delete(seqs[4]!);
      expect(await verifyAliasChain('m')).toMatchObject({
        ok: false,
        brokenAt: seqs[4],
        reason: expect.stringMatching(/truncated/),
      });
    });

    it('finds an alias row changed without an event', async () => {
      await fiveMoves();
      await t.db().aliases.update('m:champion', { versionId: 'm@3' });
      expect(await verifyAliasChain('m')).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/points at m@3 but its history says m@2/),
      });
    });
  });
});
