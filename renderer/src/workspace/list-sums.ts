import type { InvoiceListRow } from '../../../electron/contract';
import { agingOfEveryRow, keepAgingOfEveryRow, type AgingBasis } from '../invoices/aging';
import { amountColumns, joinAmountColumns, type AmountColumns, type AmountColumnsPiece } from '../invoices/amount-columns';
import { joinKinds, kindsPiece, type PreparedInvoices, type ReceivableRules, type RowFactsPiece } from '../invoices/prepared';
import { absoluteSum, knowAbsoluteSum } from '../invoices/set-sums';
import { keepTotalsOfEveryRow, totalsOfEveryRow } from '../invoices/totals';
import { collectionOfEveryRow, joinCollectionColumns, keepCollectionOfEveryRow, type CollectionColumns } from '../receivables/card-collection';

/** The view's rules while the list loads — what the first complete render's sums are over (the workspace's). */
export interface LoadRules extends ReceivableRules {
  asOfDay: number;
  basis: AgingBasis;
  cutOff: boolean;
}

/** One window's sums of every row under the load's rules, per currency of its own `codes` (sorted), each made in a step of its own. */
interface SumsPiece {
  rules: LoadRules;
  key: string;
  /** The window as a prepared set of its own (under `rules`): what the passes read. */
  prepared: PreparedInvoices;
  codes: string[];
  totals?: Float64Array;
  aging?: { slots: Int8Array; sums: Float64Array };
  collection?: Float64Array;
}

/** The columns whose absolute sums wholeBelow reads (set-sums.ts), per window. */
const AMOUNTS = ['total', 'balance'] as const;
const COLLECTION = ['balance', 'total', 'paidWeighted', 'paidTotal'] as const;

const NO_SEARCH = { text: '', starts: new Uint32Array(1) };

/**
 * The sums over every row that the first complete render adds up — the cards' totals, the aging chart, DSO and days to
 * pay, and whether each of their columns sums exactly (set-sums.ts) — made window by window as the list loads, under
 * the view's rules of that moment (`rulesNow`), and joined with the list's parts (list-parts.ts). They were the
 * summary's ~45 ms of the 100,000-row tail after the last window (load29's profile, BENCHMARKS.md). Kept by the kinds
 * they were made with (prepared.ts: the rows' kinds under those rules), so a view prepared under other rules, of other
 * rows or as of another day adds its own up as before. Exact: sums of whole numbers, joined only when they are below
 * 2^53 together (each module's wholeBelow check stands before its sums are read).
 */
export function createListSums(rulesNow: () => LoadRules | null) {
  const amountSums: number[][] = [];
  const collectionSums: number[][] = [];
  const pieces: (SumsPiece | null)[] = [];
  return {
    /**
     * One window's work, in steps of one task each (the page's: list-parts.ts) — the first once `made` has its facts,
     * amounts and collection columns; one pass a step (the first window's, cold, was ~20 ms in one: Node, load ~13).
     */
    steps(rows: readonly InvoiceListRow[], made: () => [RowFactsPiece, AmountColumnsPiece, CollectionColumns]): (() => void)[] {
      let piece: SumsPiece | null = null;
      return [
        () => {
          const [facts, amounts, collection] = made();
          amountSums.push(AMOUNTS.map((name) => absoluteSum(amounts[name])));
          collectionSums.push(COLLECTION.map((name) => absoluteSum(collection[name])));
          const rules = rulesNow();
          piece = rules && sumsPiece(rows, facts, amounts, collection, rules);
          pieces.push(piece);
        },
        () => {
          if (piece) piece.totals = totalsOfEveryRow(piece.prepared);
        },
        () => {
          if (piece) piece.aging = agingOfEveryRow(piece.prepared, piece.rules.asOfDay, piece.rules.basis);
        },
        () => {
          if (piece) piece.collection = collectionOfEveryRow(piece.prepared, piece.rules.asOfDay, piece.rules.cutOff);
        },
      ];
    },
    /** What the joined columns of `rows` then answer (every window's steps run, in order: list-parts.ts checks the rows). */
    join(rows: readonly InvoiceListRow[], amounts: AmountColumns, collection: CollectionColumns): void {
      AMOUNTS.forEach((name, k) => knowAbsoluteSum(amounts[name], sumOf(amountSums, k)));
      COLLECTION.forEach((name, k) => knowAbsoluteSum(collection[name], sumOf(collectionSums, k)));
      const first = pieces[0];
      if (!first || pieces.some((piece) => piece?.key !== first.key)) return;
      joinSums(rows, pieces as SumsPiece[], amounts.codes);
    },
  };
}

const sumOf = (windows: readonly number[][], k: number) => windows.reduce((sum, window) => sum + window[k]!, 0);

function sumsPiece(rows: readonly InvoiceListRow[], facts: RowFactsPiece, amounts: AmountColumnsPiece, collection: CollectionColumns, rules: LoadRules): SumsPiece {
  const kinds = kindsPiece(rows, rules);
  // The window as a prepared set of its own, its amounts and collection columns those made for it: the passes below
  // are the ones the view makes over every row, over this window's.
  joinAmountColumns(rows, [amounts]);
  joinCollectionColumns(rows, [collection]);
  const prepared: PreparedInvoices = { rows, invoiceDay: facts.invoiceDay, dueDay: facts.dueDay, search: NO_SEARCH, statuses: [], currencies: [], customers: [], ...kinds };
  const { asOfDay, basis, cutOff } = rules;
  return {
    rules,
    key: JSON.stringify([rules.statusKinds ?? null, rules.includeDrafts === true, rules.statusKindsOf ? null : 0, asOfDay, basis, cutOff]),
    prepared,
    codes: amountColumns(prepared).codes,
  };
}

function joinSums(rows: readonly InvoiceListRow[], pieces: readonly SumsPiece[], codes: readonly string[]): void {
  const { rules } = pieces[0]!;
  const { kind } = joinKinds(rows, rules, pieces.map(({ prepared }) => ({ kind: prepared.kind, counted: prepared.counted })));
  const slots = new Int8Array(rows.length);
  let at = 0;
  for (const piece of pieces) {
    slots.set(piece.aging!.slots, at);
    at += piece.aging!.slots.length;
  }
  const places = new Map(codes.map((code, k) => [code, k]));
  const byCode = (of: (piece: SumsPiece) => Float64Array) => addByCode(pieces, of, places, codes.length);
  keepTotalsOfEveryRow(kind, byCode((piece) => piece.totals!));
  keepAgingOfEveryRow(kind, rules.asOfDay, rules.basis, { slots, sums: byCode((piece) => piece.aging!.sums) });
  keepCollectionOfEveryRow(kind, rules.asOfDay, rules.cutOff, byCode((piece) => piece.collection!));
}

/** The pieces' sums added up per currency: each piece's block of a code (as many sums per code as it has) at that code's place in `codes`. */
function addByCode(pieces: readonly SumsPiece[], of: (piece: SumsPiece) => Float64Array, places: ReadonlyMap<string, number>, codes: number): Float64Array {
  let out: Float64Array | null = null;
  for (const piece of pieces) {
    const sums = of(piece);
    if (piece.codes.length === 0) continue;
    const width = sums.length / piece.codes.length;
    out ??= new Float64Array(codes * width);
    piece.codes.forEach((code, c) => {
      const to = places.get(code)! * width;
      for (let s = 0; s < width; s++) out![to + s]! += sums[c * width + s]!;
    });
  }
  return out ?? new Float64Array(0);
}
