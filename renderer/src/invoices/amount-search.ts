/**
 * Search by amount, as the user types it in their locale: `9.536,86` in German, `9,536.86` in English,
 * `9 536,86` in French; with or without a currency symbol or ISO code (`€`, `EUR`), a sign or accounting
 * parentheses. The workspace's search matches such a query against each invoice's total and balance,
 * besides the text search on number and customer (see filters.ts).
 */

/** An amount the search box holds: its value in thousandths (exact for every ISO currency), and whether a sign was typed. */
export interface AmountQuery {
  thousandths: number;
  /** A typed sign (`-5`, `(5,00)`) matches that sign only; without one, 5 matches 5 and −5 (a credit). */
  signed: boolean;
}

interface Separators {
  decimal: string;
  group: string;
}

const separatorCache = new Map<string, Separators>();

/** The locale's decimal and grouping marks, from Intl (spaces normalised to a plain space). */
function separatorsOf(locale: string): Separators {
  let seps = separatorCache.get(locale);
  if (!seps) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: 'always' }).formatToParts(12345.6);
    const mark = (type: string, fallback: string) => normaliseMark(parts.find((p) => p.type === type)?.value ?? fallback);
    seps = { decimal: mark('decimal', '.'), group: mark('group', ',') };
    separatorCache.set(locale, seps);
  }
  return seps;
}

function normaliseMark(mark: string): string {
  if (/^\s$/u.test(mark)) return ' ';
  if (mark === '\u2019') return "'";
  return mark;
}

let isoCodes: Set<string> | null = null;
function isCurrencyCode(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code.toUpperCase());
}

const SIGN = /^[-\u2212]|[-\u2212]$/u;

/**
 * The amount a search text stands for in `locale`, or null when it is not one (letters, an invoice number,
 * a grouping that does not fit, or a lone separator that could mean either, e.g. `9.536` in French).
 * A separator that cannot be a grouping (`9536.86` in German: two digits after it) is read as the decimal mark.
 */
export function parseAmountQuery(text: string, locale: string): AmountQuery | null {
  let s = text.trim().replace(/\p{Sc}/gu, '').trim();
  let negative = false;
  const parens = /^\((.*)\)$/u.exec(s);
  if (parens) {
    negative = true;
    s = parens[1]!.trim();
  }
  // An ISO code before or after the number (EUR 9.536,86, 9.536,86 eur): only real codes, so `INV-12` stays text.
  const code = /^([a-z]{3})(?=[\s\d\-\u2212])|(?<=[\s\d])([a-z]{3})$/iu.exec(s);
  if (code && isCurrencyCode(code[1] ?? code[2]!)) s = s.replace(code[0], '').trim();
  if (SIGN.test(s)) {
    negative = true;
    s = s.replace(SIGN, '').trim();
  }
  s = s.replace(/[\s\u00a0\u202f\u2009]+/gu, ' ').replace(/\u2019/gu, "'");
  if (!/^\d[\d.,' ]*$/u.test(s) || !/\d$/u.test(s)) return null;
  const runs = s.split(/[.,' ]/u);
  const marks = s.replace(/\d/gu, '').split('');
  const value = readNumber(runs, marks, separatorsOf(locale));
  // Zero would match every settled invoice: not a search anyone means.
  if (value === null || value === 0) return null;
  return { thousandths: negative ? -value : value, signed: negative };
}

/** The value in thousandths of digit runs split by marks, or null when the marks do not make a number. */
function readNumber(runs: string[], marks: string[], seps: Separators): number | null {
  let decimal: string | null = null;
  const last = marks[marks.length - 1];
  if (last !== undefined && last !== ' ' && last !== "'" && marks.indexOf(last) === marks.length - 1) {
    if (marks.length > 1 || last === seps.decimal) decimal = last;
    else if (runs[runs.length - 1]!.length !== 3) decimal = last; // cannot be a grouping: a decimal mark
    else if (last !== seps.group) return null; // 9.536 in French: thousands or decimals? Left to the text search.
  }
  const whole = decimal === null ? runs : runs.slice(0, -1);
  const fraction = decimal === null ? '' : runs[runs.length - 1]!;
  if (fraction.length > 3) return null;
  // Grouped digits: 1–3 first, then threes; no leading zero (00012 is a number to search as text).
  const [head, ...groups] = whole;
  if (!head || head.length > (groups.length ? 3 : Infinity) || groups.some((g) => g.length !== 3)) return null;
  if (head.length > 1 && head.startsWith('0')) return null;
  const integer = Number(whole.join(''));
  if (!Number.isSafeInteger(integer * 1000)) return null;
  return integer * 1000 + Number(fraction.padEnd(3, '0'));
}

/** Whether an amount (a total or balance) is the amount searched for. */
export function amountMatches(amount: number | null | undefined, query: AmountQuery): boolean {
  if (amount === null || amount === undefined) return false;
  const thousandths = Math.round(amount * 1000);
  return query.signed ? thousandths === query.thousandths : Math.abs(thousandths) === Math.abs(query.thousandths);
}
