import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { base64ByteLength, decodeBase64, encodeBase64 } from '../../../src/lib/registry/base64';
import { createRng } from '../../../src/lib/stats/rng';

describe('base64', () => {
  it('matches RFC 4648 test vectors (§10)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      const bytes = new TextEncoder().encode(plain);
      expect(encodeBase64(bytes)).toBe(encoded);
      expect(decodeBase64(encoded)).toEqual(bytes);
      expect(base64ByteLength(encoded)).toBe(bytes.length);
    }
  });

  it('round-trips random bytes across chunk boundaries and agrees with Node', () => {
    const rng = createRng(5);
    for (const n of [1, 2, 3, 24575, 24576, 24577, 100_000]) {
      const bytes = Uint8Array.from({ length: n }, () => rng.int(256));
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
      expect(base64ByteLength(text)).toBe(n);
    }
  });

  it('rejects anything but strict base64', () => {
    for (const bad of [
      'Zg',
      'Zg=',
      'Z===',
      'Zg==Zg==',
      'Zm9v\n',
      ' Zm9v',
      'Zm-_',
      'Zm9v=',
      '====',
    ]) {
      expect(decodeBase64(bad), bad).toBeNull();
    }
  });
});
