/**
 * Reading a copy's text where it lies: a chunk's cells are ranges of one long string (row-columns.ts), and the readers that
 * look values up by text (the copy's id index, a list window's shared values, the export's repeated texts) hash and
 * compare a range in place instead of slicing a string per cell. A related table's id index (related-merged-table.ts)
 * hashes whole ids with the same function.
 */

/** FNV-1a over the UTF-16 code units of text[from, to), unsigned. */
export function hashOfText(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash >>> 0;
}

/** Whether a[aFrom, aFrom + length) and b[bFrom, bFrom + length) hold the same code units. */
export function sameUnits(a: string, aFrom: number, b: string, bFrom: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(aFrom + k) !== b.charCodeAt(bFrom + k)) return false;
  return true;
}
