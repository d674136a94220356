import { useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { appendAudit, listAudit } from '../../../src/lib/db';

describe('audit trail', () => {
  useFreshDb();

  it('appends with increasing seq and lists newest first, filtered by kind prefix and subject', async () => {
    const a = await appendAudit({ at: 1, kind: 'alert.raised', subject: 'a1', message: 'x' });
    const b = await appendAudit({ at: 2, kind: 'alert.acknowledged', subject: 'a1', message: 'y' });
    const c = await appendAudit({ at: 3, kind: 'experiment.decided', subject: 'e1', message: 'z' });
    expect(a.seq! < b.seq! && b.seq! < c.seq!).toBe(true);
    expect((await listAudit()).map((e) => e.message)).toEqual(['z', 'y', 'x']);
    expect((await listAudit({ kind: 'alert.' })).map((e) => e.message)).toEqual(['y', 'x']);
    expect((await listAudit({ subject: 'e1' })).map((e) => e.kind)).toEqual(['experiment.decided']);
    expect((await listAudit({ limit: 1 })).map((e) => e.message)).toEqual(['z']);
  });

  it('ignores a caller-supplied seq (no overwriting an earlier entry) and refuses empty fields', async () => {
    const first = await appendAudit({ at: 1, kind: 'k', subject: 's', message: 'first' });
    const second = await appendAudit({
      seq: first.seq,
      at: 2,
      kind: 'k',
      subject: 's',
      message: 'second',
    } as never);
    expect(second.seq).not.toBe(first.seq);
    expect((await listAudit()).map((e) => e.message)).toEqual(['second', 'first']);
    await expect(appendAudit({ at: 1, kind: '', subject: 's', message: 'm' })).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});
