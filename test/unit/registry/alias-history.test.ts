import { describe, expect, it } from 'vitest';
import type { AliasEvent } from '../../../src/lib/contracts/entities';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { holderAt, previousHolder, timeline } from '../../../src/lib/registry/alias-history';

let seq = 0;
function ev(
  alias: string,
  from: string | null,
  to: string | null,
  at: number,
  reason = 'r',
): AliasEvent {
  seq += 1;
  return {
    seq,
    modelName: 'm',
    alias,
    from,
    to,
    at,
    reason,
    actor: 'me',
    prevHash: '0',
    hash: String(seq),
  };
}

// champion: m@1 (t=100), m@2 (t=200), m@3 (t=300); challenger: m@4 (t=250), removed (t=400)
const events = [
  ev('champion', null, 'm@1', 100, 'first'),
  ev('champion', 'm@1', 'm@2', 200, 'better F1'),
  ev('challenger', null, 'm@4', 250),
  ev('champion', 'm@2', 'm@3', 300),
  ev('challenger', 'm@4', null, 400, 'retired'),
];

describe('holderAt', () => {
  it('gives the holder at each time, null before the first event', () => {
    expect(holderAt(events, 'champion', 99)).toBeNull();
    expect(holderAt(events, 'champion', 100)).toBe('m@1');
    expect(holderAt(events, 'champion', 199)).toBe('m@1');
    expect(holderAt(events, 'champion', 250)).toBe('m@2');
    expect(holderAt(events, 'champion', 1e15)).toBe('m@3');
  });

  it('gives null after a removal and for an unknown alias', () => {
    expect(holderAt(events, 'challenger', 300)).toBe('m@4');
    expect(holderAt(events, 'challenger', 400)).toBeNull();
    expect(holderAt(events, 'staging', 1000)).toBeNull();
  });

  it('uses seq order, whatever the array order', () => {
    expect(holderAt([...events].reverse(), 'champion', 1000)).toBe('m@3');
  });

  it('orders by time, stably, when events have no seq', () => {
    const noSeq = events.map(({ seq: _, ...e }) => e);
    // Two moves at the same time: the later in the array wins.
    const same = [...noSeq, { ...noSeq[0]!, from: 'm@3', to: 'm@5', at: 300 }];
    expect(holderAt(same, 'champion', 300)).toBe('m@5');
  });

  it('refuses events of several models', () => {
    expect(() =>
      holderAt([...events, { ...events[0]!, modelName: 'other' }], 'champion', 1),
    ).toThrow(InvalidArgumentError);
  });
});

describe('previousHolder', () => {
  it('is the version before the current one', () => {
    expect(previousHolder(events, 'champion')).toBe('m@2');
  });

  it('toggles after a rollback (a second click undoes the first)', () => {
    const rolled = [...events, ev('champion', 'm@3', 'm@2', 500, 'rollback')];
    expect(previousHolder(rolled, 'champion')).toBe('m@3');
  });

  it('restores a removed alias and ignores no-op events', () => {
    expect(previousHolder(events, 'challenger')).toBe('m@4');
    const noop = [...events, ev('champion', 'm@3', 'm@3', 600)];
    expect(previousHolder(noop, 'champion')).toBe('m@2');
  });

  it('is null with nothing to roll back to', () => {
    expect(previousHolder(events.slice(0, 1), 'champion')).toBeNull();
    expect(previousHolder([], 'champion')).toBeNull();
  });
});

describe('timeline', () => {
  it('lists events with their change and spans per alias', () => {
    const t = timeline(events);
    expect(t.entries.map((e) => e.change)).toEqual([
      'assigned',
      'moved',
      'assigned',
      'moved',
      'removed',
    ]);
    expect(t.spans).toEqual([
      { alias: 'champion', versionId: 'm@1', start: 100, end: 200, reason: 'first', actor: 'me' },
      {
        alias: 'champion',
        versionId: 'm@2',
        start: 200,
        end: 300,
        reason: 'better F1',
        actor: 'me',
      },
      { alias: 'champion', versionId: 'm@3', start: 300, end: null, reason: 'r', actor: 'me' },
      { alias: 'challenger', versionId: 'm@4', start: 250, end: 400, reason: 'r', actor: 'me' },
    ]);
    expect(t.current).toEqual([{ alias: 'champion', versionId: 'm@3' }]);
  });

  it('agrees with holderAt at every span boundary', () => {
    const t = timeline(events);
    for (const s of t.spans) {
      expect(holderAt(events, s.alias, s.start)).toBe(s.versionId);
      if (s.end !== null) expect(holderAt(events, s.alias, s.end - 1)).toBe(s.versionId);
    }
  });

  it('keeps no-op events as entries without splitting a span', () => {
    const t = timeline([...events, ev('champion', 'm@3', 'm@3', 600)]);
    expect(t.entries.at(-1)!.change).toBe('unchanged');
    expect(t.spans.filter((s) => s.alias === 'champion')).toHaveLength(3);
  });

  it('handles an alias named __proto__ and an empty log', () => {
    const t = timeline([ev('__proto__', null, 'm@1', 1)]);
    expect(t.current).toEqual([{ alias: '__proto__', versionId: 'm@1' }]);
    expect(timeline([])).toEqual({ entries: [], spans: [], current: [] });
  });
});
