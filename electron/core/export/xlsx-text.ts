import { escapeFormula } from './export-cells';

/**
 * A text cell's content as SpreadsheetML holds it (pure): what XML cannot carry removed, the formula guard, Excel's
 * 32,767-character cut, Excel's `_xHHHH_` escape and XML's & < >. The sheet's byte writer (xlsx-bytes.ts) writes
 * printable ASCII texts the same way without making a string, and every other text through `cleanText`.
 */

// Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR; unpaired
// surrogates; U+FFFE, U+FFFF), plus DEL, which the exceljs exporter dropped too.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Anything that needs more than the formula guard: the above, XML's specials, "_" (see below), whitespace controls.
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>_\u0000-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;
// Excel reads _xHHHH_ in cell text as the character U+HHHH; its own escape for a literal one is _x005F_ for the "_".
const EXCEL_ESCAPE_LOOKALIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;
const NEEDS_PRESERVE = /^\s|\s$|[\n\r\t]/;

/** The most characters (UTF-16 code units) a cell can hold in Excel; a longer text makes Excel repair the file. */
export const EXCEL_MAX_TEXT = 32_767;

/** The text cut to what a cell can hold, never between the two halves of a surrogate pair (an emoji is kept whole or not at all). */
function fitCell(text: string): string {
  if (text.length <= EXCEL_MAX_TEXT) return text;
  const cut = text.charCodeAt(EXCEL_MAX_TEXT - 1);
  return text.slice(0, cut >= 0xd800 && cut <= 0xdbff ? EXCEL_MAX_TEXT - 1 : EXCEL_MAX_TEXT);
}

/**
 * A text value as the content of a cell's `<t>`: characters XML cannot carry removed first, then the
 * formula guard of every export (a leading = + - @ tab or CR gets an apostrophe; stripping first means
 * "\u0001=1+1" is guarded like "=1+1"), then cut to Excel's 32,767 characters, then Excel's escape for `_xHHHH_`
 * look-alikes, then & < >. A CR stays as written (an XML reader, Excel included, reads it as a line feed).
 */
export function cellText(value: string): string {
  if (!NEEDS_WORK.test(value)) return fitCell(escapeFormula(value));
  const clean = value.replace(NOT_XML, '');
  if (clean === '') return '';
  return fitCell(escapeFormula(clean)).replace(EXCEL_ESCAPE_LOOKALIKE, '_x005F_').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A text as `<t>` content and its opening tag (whitespace kept when it matters), or null when nothing is left of it. */
export function cleanText(value: string): { text: string; open: string } | null {
  const text = cellText(value);
  if (text === '') return null;
  return { text, open: NEEDS_PRESERVE.test(text) ? '<t xml:space="preserve">' : '<t>' };
}
