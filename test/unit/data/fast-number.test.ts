import { describe, expect, it } from 'vitest';
import {
  DelimitedScanner,
  fieldText,
  type RecordBatch,
} from '../../../src/lib/data/delimited-stream';
import { decimalValue, parseDecimalBytes } from '../../../src/lib/data/fast-number';
import { createRng } from '../../../src/lib/stats/rng';

const enc = new TextEncoder();
const parse = (t: string): number => parseDecimalBytes(enc.encode(t), 0, enc.encode(t).length);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Plain decimals of every shape the exact paths handle (and some they hand to Number). */
function corpus(n: number, seed: number): string[] {
  const rng = createRng(seed);
  const out = [
    '-0',
    '0',
    '+0',
    '0.0',
    '1e22',
    '1e23',
    '9007199254740993',
    '9007199254740992',
    '.5',
    '5.',
    '1E-2',
    '-1.5e+3',
    '123456789012345678',
    '1234567890123456789',
    '12345678901234567890',
    '0.1',
    '0.3',
    '2.2250738585072014e-308',
    '1.7976931348623157e308',
    '5e-324',
    '1e400',
    '000123.4500',
    '0.000000000000000000000001',
    '9999999999999999.5',
    '4503599627370496.5',
    '4503599627370497.5',
    '0.30000000000000004',
    '1.0000000000000002',
    '1.00000000000000011102230246251565',
    '89255.0e-22',
    '-2.4703282292062327e-324',
  ];
  const digits = (k: number): string => {
    let s = '';
    for (let i = 0; i < k; i++) s += String(rng.int(10));
    return s;
  };
  for (let i = 0; i < n; i++) {
    const kind = rng.int(7);
    const x = rng.normal() * 10 ** (rng.int(12) - 4);
    if (kind === 0)
      out.push(String(x)); // shortest round trip, up to 17 digits
    else if (kind === 1) out.push(x.toPrecision(16 + rng.int(6)));
    else if (kind === 2) out.push(x.toFixed(rng.int(10)));
    else if (kind === 3) {
      // 1–20 random digits with the point anywhere (many near-halfway 17–19 digit values)
      const d = digits(1 + rng.int(20));
      const p = rng.int(d.length + 1);
      out.push(`${rng.next() < 0.5 ? '-' : ''}${d.slice(0, p)}.${d.slice(p)}`);
    } else if (kind === 4) {
      // A double's exact midpoint region: shortest digits of x, then more digits
      out.push(`${x.toPrecision(17)}${digits(rng.int(3))}`.replace(/e.*$/, ''));
    } else if (kind === 5) out.push(`${digits(1 + rng.int(17))}e${rng.int(50) - 25}`);
    else out.push(`${digits(1 + rng.int(15))}.${digits(rng.int(8))}`);
  }
  return out.filter((t) => NUMBER.test(t));
}

describe('fast-number: exact decimal conversion', () => {
  it('equals Number() bit for bit on 200,000 decimals incl. edge cases', () => {
    for (const t of corpus(200_000, 3)) expect(Object.is(parse(t), Number(t)), t).toBe(true);
  });

  it('decimalValue gives the double nearest to hi·10^lo + lo over 10^k, or NaN', () => {
    expect(decimalValue(12345, 0, 0, 2)).toBe(123.45);
    expect(decimalValue(123456789012345, 67, 2, 16)).toBe(1.2345678901234567);
    expect(decimalValue(900719925474099, 3, 1, 0)).toBe(9007199254740992);
    expect(decimalValue(1, 0, 0, -22)).toBe(1e22);
    expect(decimalValue(1, 0, 0, 23)).toBeNaN();
  });

  it('refuses what is not a plain decimal', () => {
    for (const t of ['', '-', '.', 'e5', '1e', '1e+', '1.2.3', '0x10', 'Infinity', ' 1', '1_0']) {
      expect(parse(t), t).toBeNaN();
    }
  });
});

/** Every field of every record, with the scanner's number and flags. */
function scanFields(chunks: readonly { text: string; bytes?: Uint8Array }[]) {
  const s = new DelimitedScanner(',');
  const out: [string, number, number][] = [];
  const take = (b: RecordBatch): void => {
    for (let f = 0; f < b.fields; f++)
      out.push([fieldText(b, f), b.fieldNumber[f]!, b.fieldFlags[f]!]);
  };
  for (const c of chunks) take(s.push(c.text, c.bytes));
  take(s.finish());
  return { out, problem: s.problem };
}

describe('DelimitedScanner over bytes', () => {
  it('reads the same fields, numbers and flags from bytes as from text; numbers equal Number()', () => {
    const rng = createRng(5);
    const nums = corpus(20_000, 9);
    const cells = ['a', '"q,""x"""', '', ' 7 ', 'é', '"é\n1"', '\r\n', '\n', ',', '"', 'NA', '€𝄞'];
    let aligned = 0;
    for (let k = 0; k < 400; k++) {
      let text = '';
      const len = 1 + rng.int(200);
      for (let i = 0; i < len; i++) {
        text += rng.next() < 0.6 ? nums[rng.int(nums.length)] : cells[rng.int(cells.length)];
        text += rng.next() < 0.7 ? ',' : rng.next() < 0.5 ? '\n' : '\r\n';
      }
      // Cut the bytes at random places (also inside multi-byte characters) and decode as the
      // import does; ASCII chunks carry their bytes.
      const bytes = enc.encode(text);
      const chunks: { text: string; bytes?: Uint8Array }[] = [];
      const dec = new TextDecoder();
      let clean = true;
      for (let p = 0; p < bytes.length;) {
        const n = 1 + rng.int(64);
        const b = bytes.subarray(p, p + n);
        const t = dec.decode(b, { stream: true });
        const aligned = clean && t.length === b.length;
        clean = b[b.length - 1]! < 0x80;
        if (t.length > 0) chunks.push(aligned ? { text: t, bytes: b } : { text: t });
        p += n;
      }
      // Same chunks read as text only: identical fields, numbers and flags (a field cut by a
      // chunk boundary is carried as text by both, so only same-chunking runs compare numbers).
      const got = scanFields(chunks);
      const ref = scanFields(chunks.map((c) => ({ text: c.text })));
      expect(got).toEqual(ref);
      expect(got.out.map((f) => f[0])).toEqual(scanFields([{ text }]).out.map((f) => f[0]));
      aligned += chunks.filter((c) => c.bytes).length;
      for (const [t, x] of got.out) if (x === x) expect(Object.is(x, Number(t)), t).toBe(true);
    }
    expect(aligned).toBeGreaterThan(1000);
  });
});
