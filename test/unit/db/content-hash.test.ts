import { f64 } from './helpers';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { canonicalJson, datasetContentHash, sha256Hex } from '../../../src/lib/db';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', async () => {
    // FIPS 180-2, appendix B.1 ("abc") and the empty message.
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex(new Uint8Array(0))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined properties and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,1]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson({ __proto__: 'x' } as unknown)).toBe('{}');
    expect(canonicalJson(JSON.parse('{"__proto__":1}'))).toBe('{"__proto__":1}');
  });

  it('refuses values that would hash ambiguously', () => {
    expect(() => canonicalJson(NaN)).toThrow(InvalidArgumentError);
    expect(() => canonicalJson({ a: Infinity })).toThrow(InvalidArgumentError);
    expect(() => canonicalJson(new ArrayBuffer(1))).toThrow(InvalidArgumentError);
    expect(() => canonicalJson(undefined)).toThrow(InvalidArgumentError);
  });
});

describe('datasetContentHash', () => {
  it('is stable, independent of key order and of the NaN bit pattern', async () => {
    const a = await datasetContentHash([f64('x')], [new Float64Array([1, NaN])]);
    const reordered = { missing: 0, encoding: 'f64' as const, type: 'number' as const, name: 'x' };
    const b = await datasetContentHash([reordered], [new Float64Array([1, NaN])]);
    const odd = new Float64Array([1, 0]);
    new Uint8Array(odd.buffer, 8).set([1, 0, 0, 0, 0, 0, 0xf8, 0x7f]); // NaN with a payload
    const c = await datasetContentHash([f64('x')], [odd]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('changes with the chunk size and with -0 versus 0', async () => {
    const x = new Float64Array([1, 2, 3]);
    const a = await datasetContentHash([f64('x')], [x]);
    expect(await datasetContentHash([f64('x')], [x], 2)).not.toBe(a);
    expect(await datasetContentHash([f64('x')], [new Float64Array([-0])])).not.toBe(
      await datasetContentHash([f64('x')], [new Float64Array([0])]),
    );
  });
});
