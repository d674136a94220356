import { describe, expect, it } from 'vitest';
import { safeJsonParse } from '../../../src/lib/registry/safe-json';

describe('safeJsonParse', () => {
  it('drops __proto__, constructor and prototype keys at any depth', () => {
    const value = safeJsonParse(
      '{"a": 1, "__proto__": {"polluted": 1}, "b": [{"constructor": {"prototype": {"polluted": 1}}, "c": 2}], "prototype": 3}',
    );
    expect(value).toEqual({ a: 1, b: [{ c: 2 }] });
    const spread = { ...(value as object) };
    expect((spread as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps everything else, including look-alike keys', () => {
    expect(safeJsonParse('{"__proto": 1, "Constructor": 2, "x": null}')).toEqual({
      __proto: 1,
      Constructor: 2,
      x: null,
    });
    expect(safeJsonParse('[1, "a", true]')).toEqual([1, 'a', true]);
  });

  it('throws SyntaxError on invalid JSON', () => {
    expect(() => safeJsonParse('{')).toThrow(SyntaxError);
  });
});
