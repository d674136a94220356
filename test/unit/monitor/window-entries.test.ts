import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { pendingWindows, windowEntries } from '../../../src/lib/monitor';

const e = (id: string, at: number) => ({ id, at });

describe('windowEntries (count)', () => {
  it('cuts in log order (time, then id) with a partial last window', () => {
    const entries = [e('c', 3), e('a', 1), e('b', 1), e('d', 4), e('e', 9)];
    const w = windowEntries(entries, { kind: 'count', size: 2 }, 0);
    expect(w.map((x) => x.entries.map((y) => y.id))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(w.map((x) => [x.index, x.from, x.to, x.complete])).toEqual([
      [0, 1, 1, true],
      [1, 3, 4, true],
      [2, 9, 9, false],
    ]);
  });

  it('keeps indices stable when later entries are appended', () => {
    const first = windowEntries([e('a', 1), e('b', 2), e('c', 3)], { kind: 'count', size: 2 }, 0);
    const more = windowEntries(
      [e('a', 1), e('b', 2), e('c', 3), e('d', 4)],
      { kind: 'count', size: 2 },
      0,
    );
    expect(first[0]!.entries).toEqual(more[0]!.entries);
    expect(more[1]!.complete).toBe(true);
    expect(pendingWindows(more, new Set([0])).map((x) => x.index)).toEqual([1]);
  });

  it('handles no entries, one entry and a size of 1', () => {
    expect(windowEntries([], { kind: 'count', size: 5 }, 0)).toEqual([]);
    const one = windowEntries([e('a', 7)], { kind: 'count', size: 1 }, 0);
    expect(one).toEqual([{ index: 0, from: 7, to: 7, entries: [e('a', 7)], complete: true }]);
  });

  it('refuses bad settings and entries without a time, naming them', () => {
    expect(() => windowEntries([], { kind: 'count', size: 0 }, 0)).toThrow(InvalidArgumentError);
    expect(() => windowEntries([], { kind: 'count', size: 1.5 }, 0)).toThrow(/window.size/);
    expect(() => windowEntries([], { kind: 'time', ms: -1 }, 0)).toThrow(/window.ms/);
    expect(() => windowEntries([e('x', NaN)], { kind: 'count', size: 1 }, 0)).toThrow(/entry x/);
  });
});

describe('windowEntries (time)', () => {
  it('aligns windows on multiples of ms since the epoch and skips empty ones', () => {
    const entries = [e('a', 1000), e('b', 1999), e('c', 2000), e('d', 5500)];
    const w = windowEntries(entries, { kind: 'time', ms: 1000 }, 5600);
    expect(w.map((x) => [x.index, x.from, x.to, x.entries.length, x.complete])).toEqual([
      [1, 1000, 2000, 2, true],
      [2, 2000, 3000, 1, true],
      // 5500 is the newest entry and now (5600) is before the window's end: still open.
      [5, 5000, 6000, 1, false],
    ]);
    expect(windowEntries(entries, { kind: 'time', ms: 1000 }, 6000)[2]!.complete).toBe(true);
  });

  it('gives the same index to the same span whatever else is in the log', () => {
    const a = windowEntries([e('a', 12_345)], { kind: 'time', ms: 1000 }, 0);
    const b = windowEntries([e('z', 1), e('a', 12_345)], { kind: 'time', ms: 1000 }, 0);
    expect(a[0]!.index).toBe(12);
    expect(b[1]!.index).toBe(12);
  });

  it('pendingWindows leaves out reported and open windows', () => {
    const w = windowEntries(
      [e('a', 0), e('b', 1500), e('c', 2500)],
      { kind: 'time', ms: 1000 },
      2600,
    );
    expect(pendingWindows(w, new Set([0])).map((x) => x.index)).toEqual([1]);
  });
});
