import './helpers';
import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../../src/lib/contracts/errors';
import {
  CHUNK_HEADER_BYTES,
  chunkAdditionalData,
  chunkPlaintext,
  decodeChunk,
  encodeChunk,
} from '../../../src/lib/db';

const ctx = { versionId: 'ab12', column: 1, index: 2 };

describe('chunk codec', () => {
  it('round-trips Float64Array with NaN, -0 and infinities, and Int32Array', async () => {
    const values = new Float64Array([1.5, NaN, -0, Infinity, -Infinity, 5e-324]);
    const payload = await encodeChunk(ctx, values);
    expect(payload.byteLength).toBe(CHUNK_HEADER_BYTES + 6 * 8);
    const back = await decodeChunk(ctx, payload, 'f64');
    expect(back).toBeInstanceOf(Float64Array);
    expect(Array.from(back)).toEqual(Array.from(values));
    expect(Object.is(back[2], -0)).toBe(true);

    const ints = new Int32Array([-1, 0, 2 ** 31 - 1, -(2 ** 31)]);
    const i32 = await decodeChunk(ctx, await encodeChunk(ctx, ints), 'dict');
    expect(i32).toBeInstanceOf(Int32Array);
    expect(Array.from(i32)).toEqual(Array.from(ints));
  });

  it('writes the header magic "BTCK", codec version 1 and the dtype', async () => {
    const f = new Uint8Array(await encodeChunk(ctx, new Float64Array(1)));
    const i = new Uint8Array(await encodeChunk(ctx, new Int32Array(1)));
    expect(Array.from(f.subarray(0, 8))).toEqual([0x42, 0x54, 0x43, 0x4b, 1, 1, 0, 0]);
    expect(i[5]).toBe(2);
  });

  it('canonicalises NaN payload bits, so equal-looking data has equal bytes', () => {
    const odd = new Float64Array(1);
    // A quiet NaN with a non-zero payload: 0x7ff8_0000_0000_0001 (little-endian bytes).
    new Uint8Array(odd.buffer).set([1, 0, 0, 0, 0, 0, 0xf8, 0x7f]);
    expect(Number.isNaN(odd[0])).toBe(true);
    expect(Array.from(chunkPlaintext(odd))).toEqual(
      Array.from(chunkPlaintext(new Float64Array([NaN]))),
    );
  });

  it('does not modify its input', async () => {
    const values = new Float64Array([NaN, 1]);
    const before = Array.from(new Uint8Array(values.buffer));
    await encodeChunk(ctx, values);
    expect(Array.from(new Uint8Array(values.buffer))).toEqual(before);
  });

  it('refuses truncated payloads, foreign bytes, unknown codec versions and wrong dtypes', async () => {
    const good = await encodeChunk(ctx, new Float64Array([1, 2]));
    await expect(decodeChunk(ctx, new ArrayBuffer(3), 'f64')).rejects.toThrow(IntegrityError);
    const foreign = good.slice(0);
    new Uint8Array(foreign)[0] = 0;
    await expect(decodeChunk(ctx, foreign, 'f64')).rejects.toThrow(/no chunk header/);
    const v9 = good.slice(0);
    new Uint8Array(v9)[4] = 9;
    await expect(decodeChunk(ctx, v9, 'f64')).rejects.toThrow(/codec version 9/);
    await expect(decodeChunk(ctx, good, 'dict')).rejects.toThrow(/schema says dict/);
    await expect(decodeChunk(ctx, good.slice(0, 20), 'f64')).rejects.toThrow(/whole number/);
  });

  it('lays out the AES-GCM additional data as id ‖ 0 ‖ codec version ‖ column ‖ index', () => {
    expect(Array.from(chunkAdditionalData({ versionId: 'ab', column: 1, index: 2 }, 2))).toEqual([
      0x61, 0x62, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2,
    ]);
    const a = chunkAdditionalData({ versionId: 'ab', column: 1, index: 2 }, 2);
    const b = chunkAdditionalData({ versionId: 'ab', column: 2, index: 1 }, 2);
    expect(a).not.toEqual(b);
  });
});
