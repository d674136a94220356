/**
 * Late labels (issue 5): a file of key → true label joined to the prediction log of every
 * deployment.
 *
 * - Keys are matched against the log's unit keys (`rowKey`). When the key column is named
 *   `prediction_id` or `id` (any case), the keys are first tried as log entry ids (what the
 *   Serve page and the batch output show as the log id); if none of them is an entry id, they
 *   are matched as unit keys instead.
 * - Rows whose key or label is empty are skipped (not counted). A key given twice: the last row
 *   wins. A unit key labels every entry with that key.
 * - Labels are numbers when every non-empty label of the file is a number, text otherwise (as
 *   import types a column), so regression labels compare as numbers.
 * - Counts are of distinct keys: `matched` found at least one entry, `unmatched` found none.
 */
import { parseNumber } from '../../src/lib/data';
import { attachLabelsByKey } from '../../src/lib/db';
import { columnIndex, readDelimitedFile } from './serve-file';

/**
 * Attaches the labels of a file to logged predictions.
 * @param file the file (CSV, TSV, `;` or `|` separated, with a header)
 * @param fileName for messages
 * @param keyColumn the column holding unit keys (or entry ids, see the module doc)
 * @param labelColumn the column holding the true labels
 * @returns distinct keys matched and unmatched
 * @throws DataError when the file is malformed or lacks a column
 */
export async function attachLabels(
  file: Blob,
  fileName: string,
  keyColumn: string,
  labelColumn: string,
): Promise<{ matched: number; unmatched: number }> {
  const table = await readDelimitedFile(file, fileName);
  const keys = table.columns[columnIndex(table, keyColumn, 'key column')]!;
  const texts = table.columns[columnIndex(table, labelColumn, 'label column')]!;
  const rows: { key: string; label: string }[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    const key = keys[i]!.trim();
    const label = texts[i]!.trim();
    if (key !== '' && label !== '') rows.push({ key, label });
  }
  const numbers = rows.map((r) => parseNumber(r.label));
  const numeric = rows.length > 0 && numbers.every((x) => typeof x === 'number');
  const pairs = rows.map((r, i) => ({
    key: r.key,
    label: numeric ? (numbers[i] as number) : r.label,
  }));
  const byId = /^(prediction_id|id)$/i.test(keyColumn.trim());
  if (byId) {
    const result = await attachLabelsByKey(null, pairs, 'id');
    if (result.matched > 0) return { matched: result.matched, unmatched: result.unmatched };
  }
  const result = await attachLabelsByKey(null, pairs, 'rowKey');
  return { matched: result.matched, unmatched: result.unmatched };
}
