import { describe, expect, it } from 'vitest';
import { DelimitedTableBuilder, type TablePart } from '../../../src/lib/data/delimited-table';
import { readTable, type SplitSource } from '../../../src/lib/data/read-table';
import { PREVIEW_CHARS, previewSource } from '../../../src/lib/data/preview-source';
import { createRng } from '../../../src/lib/stats/rng';
import { inlineRunner, splitSource } from '../../../workers/tasks/import-part';
import { openSource } from '../../../workers/tasks/import-source';
import { randomChunks, referenceTable, sameTable } from './stream-helpers';

async function* chunksOf(pieces: readonly string[]): AsyncGenerator<string> {
  for (const p of pieces) yield p;
}

/** The text cut after character `cut` (just after a \n), its second part read "elsewhere". */
function textSplit(text: string, cut: number, seed: number): SplitSource & { used: () => boolean } {
  let used = false;
  return {
    openFirst: () => chunksOf(randomChunks(text.slice(0, cut), createRng(seed), 50)),
    openRest: () => chunksOf(randomChunks(text.slice(cut), createRng(seed + 1), 50)),
    readRest: async (options) => {
      try {
        const b = new DelimitedTableBuilder(options);
        for (const c of randomChunks(text.slice(cut), createRng(seed + 2), 50)) b.push(c);
        const part: TablePart = b.exportPart();
        used = true;
        return part;
      } catch {
        return null;
      }
    },
    cancel: () => undefined,
    used: () => used,
  };
}

async function outcome(p: Promise<unknown>): Promise<unknown> {
  try {
    return await p;
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Random typed tables like delimited-table.test.ts, with quotes and line breaks in cells. */
function randomTable(rng: ReturnType<typeof createRng>): string {
  const pools = [
    ['1', '2', '-4', ' 5 ', '007', '+3', '1e3', 'NA', '', '3.0', '1.2345678901234567'],
    ['1.5', '-2.25', '0', '-0', '.5', '5.', '12345678901234567', 'x'],
    ['01', '02', '10', '99', '05'],
    ['true', 'false', 'Yes', 'no', 'NA'],
    ['2020-01-02', '2020-01-02T03:04:05Z', '', 'x'],
    ['a', 'b', ' a', 'has space', 'é', 'x\ny', 'q"q'],
  ];
  const width = 1 + rng.int(4);
  const rows = 2 + rng.int(80);
  const cols = Array.from({ length: width }, () => {
    const p = pools[rng.int(pools.length)]!;
    const p2 = pools[rng.int(pools.length)]!;
    const at = rng.next() < 0.3 ? rng.int(rows) : rows + 1;
    return (i: number) => (i >= at ? p2 : p)[rng.int(p.length)]!;
  });
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [cols.map((_, j) => `c${j}`).join(',')];
  for (let i = 0; i < rows; i++) lines.push(cols.map((g) => quote(g(i) ?? '')).join(','));
  return `${lines.join('\n')}${rng.next() < 0.5 ? '\n' : ''}`;
}

describe('readTable with a split source (two workers) = one pass', () => {
  it('gives the one-pass result (or error) for every cut at a line break of 600 random tables', async () => {
    const rng = createRng(21);
    let merged = 0;
    let fallbacks = 0;
    for (let k = 0; k < 600; k++) {
      const text = randomTable(rng);
      const sampleSize = 1 + rng.int(8);
      const options = { fileName: 'f.csv', sampleSize };
      const one = await outcome(readTable(() => chunksOf([text]), options));
      if (!(one as { error?: string }).error) {
        expect(sameTable(one as never, referenceTable(text))).toBe(true);
      }
      const cuts: number[] = [];
      for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1))
        cuts.push(i + 1);
      for (const cut of cuts.filter(() => rng.next() < 0.3).slice(0, 6)) {
        const split = textSplit(text, cut, k);
        const two = await outcome(readTable(() => chunksOf([text]), options, undefined, split));
        expect(two).toEqual(one);
        if (split.used()) merged++;
        else fallbacks++;
      }
    }
    expect(merged).toBeGreaterThan(300);
    expect(fallbacks).toBeGreaterThan(50);
  });

  it('starts the second part after the header line, also when it has CRLF or a quoted line break', async () => {
    const body = Array.from({ length: 300 }, (_, i) => `${i / 3},${['a', 'é', 'b c'][i % 3]}`);
    for (const header of ['x,s\r\n', '"x\nfirst",s\n', '"x\r\n",s\r\n', 'x,"s,t"\n']) {
      const text = `${header}${body.join('\n')}\n`;
      const one = await readTable(() => chunksOf([text]), { fileName: 'f.csv' });
      expect(sameTable(one, referenceTable(text))).toBe(true);
      const cut = text.indexOf('\n', text.length >> 1) + 1;
      let started = 0;
      const split = textSplit(text, cut, 7);
      // One head chunk holding everything up to the cut: the header is fed alone first.
      split.openFirst = () => chunksOf([text.slice(0, cut)]);
      const readRest = split.readRest;
      split.readRest = (options) => {
        started++;
        expect(options.header).toEqual(one.header);
        return readRest(options);
      };
      const two = await readTable(() => chunksOf([text]), { fileName: 'f.csv' }, undefined, split);
      expect(started).toBe(1);
      expect(split.used()).toBe(true);
      expect(two).toEqual(one);
    }
  });

  it('cancels the split when the read fails before the second part starts', async () => {
    let cancelled = 0;
    const split: SplitSource = {
      openFirst: () => chunksOf(['a,b\n"1,2\n']),
      openRest: () => chunksOf(['3,4\n']),
      readRest: async () => null,
      cancel: () => void cancelled++,
    };
    const e = await outcome(
      readTable(() => chunksOf([]), { fileName: 'f.csv', delimiter: 'x' }, undefined, split),
    );
    expect((e as { error: string }).error).toMatch(/delimiter "x" is not supported/);
    expect(cancelled).toBe(1);
    const e2 = await outcome(
      readTable(() => chunksOf([]), { fileName: 'f.csv' }, undefined, split),
    );
    expect((e2 as { error: string }).error).toMatch(/closing " is missing/);
    expect(cancelled).toBeGreaterThanOrEqual(2);
  });

  it("decides from the preview's start when the first chunk is longer than a preview", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `${i % 2 ? 'NA' : i * 1.5};${i % 5}`);
    const text = `a;b\n${rows.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(PREVIEW_CHARS);
    const whole = await readTable(() => chunksOf([text]), { fileName: 'f.csv' });
    const pieces = await readTable(() => chunksOf(randomChunks(text, createRng(3), 200)), {
      fileName: 'f.csv',
    });
    const p = previewSource(text.slice(0, PREVIEW_CHARS), 'f.csv', {}, true);
    expect([whole.delimiter, whole.hasHeader]).toEqual([p.delimiter, p.hasHeader]);
    expect(whole.header).toEqual(p.header);
    expect(sameTable(whole, pieces)).toBe(true);
    expect(sameTable(whole, referenceTable(text, ';'))).toBe(true);
  });

  it('reads a Blob in two halves through splitSource (inline runner), same as one pass', async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `${(i * 0.37).toFixed(3)},${String(-i / 7)},${['a', 'b', 'é'][i % 3]},${i}`,
    );
    const text = `x,y,s,n\n${rows.join('\n')}\n`;
    const file = new Blob([text]);
    const src = await openSource({ name: 'f', fileName: 'f.csv', file });
    const split = await splitSource(src, inlineRunner, 1);
    expect(split).toBeDefined();
    const two = await readTable(() => src.openText(), { fileName: 'f.csv' }, undefined, split);
    expect(sameTable(two, referenceTable(text))).toBe(true);
    expect(two.schema.map((c) => c.type)).toEqual(['number', 'number', 'category', 'id']);
  });
});
