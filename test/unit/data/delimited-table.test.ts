import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../../../src/lib/contracts/entities';
import { DataError } from '../../../src/lib/contracts/errors';
import { buildColumns } from '../../../src/lib/data/columns';
import { DelimitedTableBuilder, sampleSizeFor } from '../../../src/lib/data/delimited-table';
import { parseDelimited } from '../../../src/lib/data/parse-delimited';
import { createRng } from '../../../src/lib/stats/rng';
import { randomChunks, referenceTable, sameTable, streamTable, thrown } from './stream-helpers';

/** P1 (structure) and P2 (values) corpus; every entry must stream to the reference result. */
const CORPUS: Record<string, string> = {
  plain: 'a,b\n1,x\n2,y\n',
  crlf: 'a,b\r\n1,2\r\n3,4\r\n',
  cr: 'a,b\r1,2\r3,4\r',
  mixed: 'a,b\r\n1,2\r3,4\n',
  'no final break': 'a,b\r\n1,2\n3,4',
  'quoted breaks': 'a,b\r\n"x\r\ny",1\r\n"p\rq\nr",2\r\nz,3\r\n',
  'doubled quotes': 'a,b\n"say ""hi""","1,5"\n',
  'literal quote': 'a,b\n5" screen,1\n',
  'space after quote': 'a,b\n"x"  ,1\n',
  'quote then space at end': 'a,b\n1,"x" ',
  'duplicate headers': 'a,a,a_2\n1,2,3\n',
  'empty headers': ' x ,,\t\n1,2,3\n',
  'blank lines': '\n\nv\n1\n\n""\n3\n\n',
  'proto headers': '__proto__,constructor,toString\n1,2,3\n',
  'missing markers': 'n\n1\nNA\nn/a\nnull\nNaN\n.\n\n""\n4\n',
  'not numbers': 'x\nInfinity\n1e309\n"1,5"\n0x10\n1_000\n$5\n5%\n',
  'leading zeros': 'z,n\n007,007\n010,12\n001,5\n',
  booleans: 'b\ntrue\nNo\nYES\nfalse\n',
  dates: 'd\n2020-01-02\n2020-01-02T03:04:05+01:00\n2020-01-02 03:04\n',
  'bad date': 'd\n2020-02-30\n2020-01-01\n',
  'exponents and signs': 'x\n1e3\n+3\n-0\n.5\n5.\n1E-2\n-1.234567\n',
  'big integers': 'x\n9007199254740993\n1\n',
  'sixteen digits': 'x\n1234567890123456\n0.1234567890123456\n',
  'spaces around numbers': 'x\n 1 \n\t2\n3 \n',
  'unicode spaces': 'x,y\n\u00a01\u00a0,a\n2,\u2028b\n',
  'semicolon decimal comma': 'a;b\n1,5;x\n2,5;y\n',
  tab: 'a\tb\n1\t2\n',
};

describe('DelimitedTableBuilder = buildColumns(parseDelimited(text)) (P1, P2, P6)', () => {
  it.each(Object.entries(CORPUS))('%s, whole and in random chunks', (name, text) => {
    const delimiter = name === 'tab' ? '\t' : name.startsWith('semicolon') ? ';' : ',';
    const ref = referenceTable(text, delimiter);
    const rng = createRng(text.length);
    for (const sampleSize of [1, 2, 4096]) {
      expect(sameTable(streamTable([text], { delimiter, sampleSize }), ref)).toBe(true);
      expect(
        sameTable(streamTable(randomChunks(text, rng, 5), { delimiter, sampleSize }), ref),
      ).toBe(true);
    }
  });

  it('equals the reference on 1,500 random typed tables, any chunking, any sample size', () => {
    const rng = createRng(11);
    const pools = [
      ['1', '2', '3', '-4', ' 5 ', '007', '+3', '1e3', 'NA', '', 'n/a', '.', '3.0'],
      [
        '1.5',
        '-2.25',
        '0',
        '-0',
        '1e-3',
        'NaN',
        '.5',
        '5.',
        '12345678901234567',
        'Infinity',
        '1,5',
      ],
      ['01', '02', '10', '99', '05'],
      ['true', 'false', 'Yes', 'no', 'NA', 'maybe'],
      ['2020-01-02', '2020-01-02T03:04:05Z', '2020-02-30', '', 'x'],
      ['a', 'b', 'c', ' a', 'b ', 'has space', '__proto__', 'constructor'],
    ];
    const gens = [
      ...pools.map((p) => () => p[rng.int(p.length)]!),
      () => String(rng.int(1000)),
      () => (rng.next() * 100 - 50).toFixed(rng.int(8)),
    ];
    let secondPasses = 0;
    for (let k = 0; k < 1500; k++) {
      const width = 1 + rng.int(4);
      const rows = 1 + rng.int(60);
      const cols = Array.from({ length: width }, () => {
        const g = gens[rng.int(gens.length)]!;
        const g2 = gens[rng.int(gens.length)]!;
        const at = rng.next() < 0.3 ? rng.int(rows) : rows + 1;
        return (i: number) => (i >= at ? g2() : g());
      });
      const quote = (v: string) =>
        /[",\n\r]/.test(v) || rng.next() < 0.1 ? `"${v.replace(/"/g, '""')}"` : v;
      const ids = rng.next() < 0.2;
      const lines = [cols.map((_, j) => `c${j}`).join(',')];
      for (let i = 0; i < rows; i++) {
        lines.push(cols.map((g, j) => quote(ids && j === 0 ? String(i + 1) : g(i))).join(','));
      }
      const text = lines.join(rng.next() < 0.5 ? '\n' : '\r\n');
      const got = streamTable(randomChunks(text, rng, 30), { sampleSize: 1 + rng.int(10) });
      if (got.passes === 2) secondPasses++;
      expect(sameTable(got, referenceTable(text))).toBe(true);
    }
    expect(secondPasses).toBeGreaterThan(50);
  });

  it('fails where parseDelimited fails, at the same line and column', () => {
    const bad = [
      'a,b\n1,2\n3,"open\n5,6\n',
      'a,b\n1,"x"y\n',
      'a,b,c\n1,2,3\n4,5\n',
      'a,b\n1,2\n3,4,5\n',
      '',
      '\n\n',
      'a,b,c\n',
    ];
    for (const text of bad) {
      const ref = thrown(() =>
        parseDelimited(text, { fileName: 'f.csv', delimiter: ',' }),
      ) as DataError;
      const got = thrown(() => streamTable(randomChunks(text, createRng(1), 4))) as DataError;
      expect(got).toBeInstanceOf(DataError);
      expect(got.location?.line).toBe(ref.location?.line);
      expect(got.location?.column).toBe(ref.location?.column);
    }
  });
});

describe('DelimitedTableBuilder: a contradicted sample never loses a value', () => {
  it('keeps a numeric-looking column whose 5,000th value is text as a category', () => {
    const rows = Array.from({ length: 6000 }, (_, i) => (i === 4999 ? 'x' : String(i % 7)));
    const text = `v\n${rows.join('\n')}\n`;
    const got = streamTable([text]);
    expect(got.passes).toBe(2);
    expect(got.schema[0]).toMatchObject({ name: 'v', type: 'category' });
    expect(sameTable(got, referenceTable(text))).toBe(true);
  });

  it('re-reads when later values make integers zero-padded codes or non-canonical row numbers', () => {
    for (const text of [
      'z\n12\n34\n05\n',
      `i\n${Array.from({ length: 30 }, (_, i) => (i === 20 ? '+21' : i + 1)).join('\n')}\n`,
    ]) {
      const got = streamTable([text], { sampleSize: 2 });
      expect(got.passes).toBe(2);
      expect(sameTable(got, referenceTable(text))).toBe(true);
    }
  });

  it('types row numbers as id without a second pass', () => {
    const text = `i,x\n${Array.from({ length: 100 }, (_, i) => `${i + 1},${i % 3}`).join('\n')}\n`;
    const got = streamTable([text], { sampleSize: 10 });
    expect(got.passes).toBe(1);
    expect(got.schema[0]).toMatchObject({ type: 'id', encoding: 'dict' });
    expect(sameTable(got, referenceTable(text))).toBe(true);
  });
});

describe('DelimitedTableBuilder: user-chosen types', () => {
  it('gives buildColumns(parsed, types) when every value fits', () => {
    const text = 'a,b,c\n1,yes,2020-01-02\n2,no,\n';
    const types: Record<string, ColumnType> = { a: 'category', b: 'boolean', c: 'datetime' };
    const t = new DelimitedTableBuilder({ fileName: 'f.csv', delimiter: ',', types });
    t.push(text);
    const ref = buildColumns(parseDelimited(text, { fileName: 'f.csv' }), [
      'category',
      'boolean',
      'datetime',
    ]);
    expect(sameTable(t.finish(), ref)).toBe(true);
  });

  it('names file, line, row, column and value of the first cell that does not fit', () => {
    const t = new DelimitedTableBuilder({
      fileName: 'f.csv',
      delimiter: ',',
      types: { n: 'integer' },
    });
    const e = thrown(() => {
      t.push('n,m\n1,a\n\n2.5,b\n');
      t.finish();
    }) as DataError;
    expect(e).toBeInstanceOf(DataError);
    expect(e.location).toEqual({ file: 'f.csv', line: 4, row: 2, column: 'n', value: '2.5' });
    expect(e.message).toMatch(/f\.csv, line 4, column `n`: "2\.5" is not an integer/);
  });

  it('looks types up as own properties only (a column named constructor is inferred)', () => {
    const t = new DelimitedTableBuilder({ fileName: 'f.csv', delimiter: ',', types: {} });
    t.push('constructor\n1\n2\n');
    expect(t.finish().schema[0]!.type).toBe('integer');
  });
});

describe('DelimitedTableBuilder: extremes (RELIABILITY P4, modest sizes)', () => {
  it('reads 1 row × 10,000 columns', () => {
    const header = Array.from({ length: 10_000 }, (_, j) => `c${j}`).join(',');
    const row = Array.from({ length: 10_000 }, (_, j) => String(j)).join(',');
    const got = streamTable(randomChunks(`${header}\n${row}\n`, createRng(3), 5000));
    expect(got.schema).toHaveLength(10_000);
    expect(got.rowCount).toBe(1);
    expect(got.columns[9999]![0]).toBe(9999);
    expect(sampleSizeFor(10_000)).toBe(104);
  });

  it('reads 200,000 rows × 1 column in 64 KiB chunks', () => {
    const text = `x\n${Array.from({ length: 200_000 }, (_, i) => (i * 0.5).toString()).join('\n')}\n`;
    const chunks: string[] = [];
    for (let p = 0; p < text.length; p += 65536) chunks.push(text.slice(p, p + 65536));
    const got = streamTable(chunks);
    expect(got.rowCount).toBe(200_000);
    expect(got.schema[0]!.type).toBe('number');
    expect(got.columns[0]![199_999]).toBe(99_999.5);
  });

  it('keeps one 5 MB quoted field split over many chunks', () => {
    const big = 'ab,"c\n'.repeat((5 * 1024 * 1024) / 6);
    const text = `k,v\n1,"${big.replace(/"/g, '""')}"\n2,x\n`;
    const got = streamTable(randomChunks(text, createRng(5), 100_000));
    expect(got.schema[1]!.dictionary![0]).toBe(big.trim());
    expect(got.rowCount).toBe(2);
  });

  it('rejects an empty text and a header without rows', () => {
    expect((thrown(() => streamTable([''])) as Error).message).toMatch(/is empty/);
    expect((thrown(() => streamTable(['a,b\r\n'])) as DataError).location?.line).toBe(2);
  });
});

describe('DelimitedTableBuilder: sampled cells keep the scanner reading (issue 3, I1)', () => {
  // Plain decimals in the sample are taken from the scanner, the rest parsed as text: the
  // result must not depend on where the sample ends or on the chunking.
  const cells = [
    '1.2345678901234567',
    '-0',
    '+3',
    ' 5 ',
    '1e3',
    'NA',
    '',
    '9007199254740993',
    '-0.000123456789012345678',
    '12345678901234567890',
    '"7.25"',
    '0.1',
    '-12.5',
  ];
  it('gives buildColumns(parseDelimited) for every sample size and chunking', () => {
    const rng = createRng(33);
    for (let k = 0; k < 40; k++) {
      const rows = Array.from({ length: 30 }, () => {
        const a = cells[rng.int(cells.length)]!;
        const b = rng.next() < 0.9 ? String(rng.normal() * 10 ** rng.int(6)) : 'x';
        const c = ['01', '02', '10', '07'][rng.int(4)]!;
        return `${a},${b},${c}`;
      });
      const text = `a,b,c\r\n${rows.join('\r\n')}\r\n`;
      const reference = referenceTable(text);
      for (const sampleSize of [1, 2, 7, 29, 30, 64]) {
        const t = streamTable(randomChunks(text, rng, 40), { sampleSize });
        expect(sameTable(t, reference)).toBe(true);
      }
    }
  });
});
