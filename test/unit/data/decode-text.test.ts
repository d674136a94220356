import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/lib/contracts/errors';
import {
  ChunkDecoder,
  InvalidTextError,
  decodeChunks,
  sniffEncoding,
} from '../../../src/lib/data/decode-text';

const bytes = (...xs: number[]) => new Uint8Array(xs);
const utf16le = (s: string) => {
  const b = new Uint8Array(2 + 2 * s.length);
  b.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    b[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    b[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return b;
};

async function decodeAll(chunks: Uint8Array[], encoding: Parameters<typeof decodeChunks>[1]) {
  async function* source() {
    yield* chunks;
  }
  let text = '';
  for await (const t of decodeChunks(source(), encoding, 'f.csv')) text += t;
  return text;
}

describe('sniffEncoding (RELIABILITY P3)', () => {
  it('follows a BOM: UTF-8, UTF-16LE, UTF-16BE', () => {
    expect(sniffEncoding(bytes(0xef, 0xbb, 0xbf, 0x61), 'f').encoding).toBe('utf-8');
    expect(sniffEncoding(bytes(0xff, 0xfe, 0x61, 0), 'f').encoding).toBe('utf-16le');
    expect(sniffEncoding(bytes(0xfe, 0xff, 0, 0x61), 'f').encoding).toBe('utf-16be');
  });

  it('reads valid UTF-8 as UTF-8 without a note, and cp1252 bytes as Windows-1252 with one', () => {
    expect(sniffEncoding(new TextEncoder().encode('café,€\n'), 'f')).toEqual({
      encoding: 'utf-8',
      notes: [],
    });
    const g = sniffEncoding(bytes(0x63, 0x61, 0x66, 0xe9, 0x2c, 0x80, 0x0a), 'f');
    expect(g.encoding).toBe('windows-1252');
    expect(g.notes[0]).toMatch(/not valid UTF-8/);
  });

  it('accepts UTF-8 cut in the middle of a character at the end of the sample', () => {
    expect(sniffEncoding(bytes(0x61, 0xc3), 'f').encoding).toBe('utf-8');
  });

  it('guesses UTF-16 without a BOM from NUL bytes, and refuses other binary data and UTF-32', () => {
    expect(sniffEncoding(bytes(0x61, 0, 0x2c, 0, 0x62, 0), 'f').encoding).toBe('utf-16le');
    expect(() => sniffEncoding(bytes(0x50, 0x4b, 3, 4, 0, 0, 0x61), 'f.xlsx')).toThrow(/NUL bytes/);
    expect(() => sniffEncoding(bytes(0xff, 0xfe, 0, 0, 0x61, 0, 0, 0), 'f')).toThrow(DataError);
  });

  it('lets the user choose, except for UTF-32', () => {
    expect(sniffEncoding(bytes(0xe9), 'f', 'utf-8').encoding).toBe('utf-8');
  });
});

describe('ChunkDecoder / decodeChunks', () => {
  it('drops the BOM and joins characters split between chunks', async () => {
    const b = new TextEncoder().encode('\uFEFFé€,x\n');
    const chunks = Array.from(b, (x) => bytes(x));
    expect(await decodeAll(chunks, 'utf-8')).toBe('é€,x\n');
  });

  it('decodes UTF-16LE with a BOM', async () => {
    const b = utf16le('a,b\n1,é\n');
    expect(await decodeAll([b.subarray(0, 3), b.subarray(3)], 'utf-16le')).toBe('a,b\n1,é\n');
  });

  it('decodes Windows-1252 (0x80 is €, 0xe9 is é)', async () => {
    expect(await decodeAll([bytes(0x80, 0xe9)], 'windows-1252')).toBe('€é');
  });

  it('raises InvalidTextError for bad UTF-8 later in the file, with the chunk offset', async () => {
    const e = await decodeAll([bytes(0x61, 0x62), bytes(0x63, 0xff)], 'utf-8').catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(InvalidTextError);
    expect((e as InvalidTextError).byteOffset).toBe(2);
    expect((e as Error).message).toMatch(/not valid UTF-8.*Windows-1252/);
    const d = new ChunkDecoder('utf-8', 'f');
    d.decode(bytes(0xc3));
    expect(() => d.end()).toThrow(InvalidTextError);
  });
});
