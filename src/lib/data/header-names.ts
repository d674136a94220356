/** A header cell that was renamed by {@link normaliseHeader}. */
export interface HeaderRename {
  /** 0-based column index. */
  index: number;
  from: string;
  to: string;
}

/**
 * Makes header names usable as column names: trimmed, non-empty and unique.
 *
 * Rules (documented in TYPING.md):
 * - surrounding whitespace is trimmed (`" Age "` → `Age`);
 * - an empty name becomes `column_N`, N the 1-based column position;
 * - a repeated name keeps its first occurrence and later ones get `_2`, `_3`, ... (skipping any
 *   suffix already used by another header cell): `a,a,a_2` → `a`, `a_3`, `a_2`.
 * Names like `__proto__` or `constructor` are ordinary names here: only arrays and Sets are used.
 * @param raw the header cells as parsed
 * @returns the final names and the list of renames (for a warning shown to the user)
 * @throws never
 * @example
 * normaliseHeader(['id', '', 'id']).names // ['id', 'column_2', 'id_2']
 */
export function normaliseHeader(raw: readonly string[]): {
  names: string[];
  renames: HeaderRename[];
} {
  const trimmed = raw.map((r) => r.trim());
  const originals = new Set(trimmed.filter((t) => t !== ''));
  const assigned = new Set<string>();
  const names: string[] = [];
  const renames: HeaderRename[] = [];
  trimmed.forEach((name, index) => {
    let final = name;
    if (name === '' || assigned.has(name)) {
      const base = name === '' ? `column_${index + 1}` : name;
      final = base;
      const taken = (s: string): boolean => assigned.has(s) || originals.has(s);
      let k = 2;
      if (name !== '' || taken(final)) {
        do final = `${base}_${k++}`;
        while (taken(final));
      }
      renames.push({ index, from: raw[index] ?? '', to: final });
    }
    assigned.add(final);
    names.push(final);
  });
  return { names, renames };
}
