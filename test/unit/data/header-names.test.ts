import { describe, expect, it } from 'vitest';
import { normaliseHeader } from '../../../src/lib/data/header-names';

describe('normaliseHeader', () => {
  it('trims, names empty cells column_N and suffixes duplicates', () => {
    const r = normaliseHeader([' id ', '', 'id', 'id', 'column_2']);
    expect(r.names).toEqual(['id', 'column_2_2', 'id_2', 'id_3', 'column_2']);
    expect(r.renames).toEqual([
      { index: 1, from: '', to: 'column_2_2' },
      { index: 2, from: 'id', to: 'id_2' },
      { index: 3, from: 'id', to: 'id_3' },
    ]);
  });

  it('always returns unique names', () => {
    const raw = ['a', 'a', 'a_2', '', '', 'column_4', 'a_3', 'a'];
    const { names } = normaliseHeader(raw);
    expect(new Set(names).size).toBe(raw.length);
  });

  it('keeps prototype-ish names as ordinary names', () => {
    expect(normaliseHeader(['__proto__', 'constructor', '__proto__']).names).toEqual([
      '__proto__',
      'constructor',
      '__proto___2',
    ]);
  });
});
