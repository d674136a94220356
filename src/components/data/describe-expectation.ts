/** One-line description of an expectation, for lists and results. */
import type { Expectation } from '../../lib/contracts/entities';

export function describe(e: Expectation): string {
  switch (e.kind) {
    case 'column-exists':
      return `column ${e.column} exists`;
    case 'column-type':
      return `${e.column} is ${e.type}`;
    case 'values-between':
      return `${e.column} between ${e.min} and ${e.max}`;
    case 'values-in-set':
      return `${e.column} in {${e.values.slice(0, 8).join(', ')}${e.values.length > 8 ? ', …' : ''}}`;
    case 'missing-share-at-most':
      return `${e.column} missing in at most ${(e.max * 100).toFixed(1)}% of rows`;
    case 'values-unique':
      return `${e.column} values are unique`;
    case 'row-count-between':
      return `row count between ${e.min} and ${e.max}`;
  }
}
