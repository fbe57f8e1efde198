import { expect } from 'vitest';

/**
 * A sheet's cells where a spreadsheet reads them, by a reader written here (not the writer's code). A `<c>` without its
 * optional `r` attribute is in the column after the previous cell of its row, the first cell of a row in column A; a
 * `<row>` without `r` is the row after the previous one (ECMA-376 Part 1 §18.3.1.4 and §18.3.1.73 make both attributes
 * optional; the placement is Office's, [MS-OI29500] on §18.3.1.4 c (Cell), note c). Each cell by reference ("B7") as
 * its XML with the `r` attribute taken out, so two sheets hold the same cells when these maps are equal, whichever cells
 * carry `r`. A row holds cells and nothing else between them; a cell is written once.
 */
export function placedCells(rowsXml: string): Map<string, string> {
  const cells = new Map<string, string>();
  let rowNumber = 0;
  for (const row of rowsXml.matchAll(/<row(?: r="(\d+)")?[^>]*>(.*?)<\/row>/gs)) {
    rowNumber = row[1] !== undefined ? Number(row[1]) : rowNumber + 1;
    const body = row[2]!;
    let column = 0;
    let consumed = 0;
    for (const cell of body.matchAll(/<c(?: r="([A-Z]+)(\d+)")?((?: [a-z]+="[^"]*")*)>(.*?)<\/c>/gs)) {
      expect(cell.index, `row ${rowNumber}: nothing between cells, at ${JSON.stringify(body.slice(consumed, consumed + 60))}`).toBe(consumed);
      consumed += cell[0].length;
      if (cell[1] !== undefined) {
        expect(Number(cell[2]), `${cell[1]}${cell[2]} is in row ${rowNumber}`).toBe(rowNumber);
        column = columnNumber(cell[1]);
      } else {
        column++;
      }
      const ref = columnName(column) + rowNumber;
      expect(cells.has(ref), `${ref} written once`).toBe(false);
      cells.set(ref, `<c${cell[3]}>${cell[4]}</c>`);
    }
    expect(consumed, `row ${rowNumber}: nothing after its last cell`).toBe(body.length);
  }
  return cells;
}

/** "A" → 1, "Z" → 26, "AA" → 27. */
const columnNumber = (letters: string): number => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/** 1 → "A", 27 → "AA". */
function columnName(n: number): string {
  let letters = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
