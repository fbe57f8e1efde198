import type { ReceivableEntry } from '../../../electron/contract';

/**
 * The amount a refund line shows in the timeline's amount column, signed as the arithmetic signs money going out of the
 * customer's payment: a refund (Allocation / Applied) pays money back, − its amount; taken back (Unallocation / Unapplied),
 * + its amount — as a payment shows −, its reversal +. It still moves no balance here (its effect is 0: refund-lines.ts).
 */
export function refundShownAmount(entry: Pick<ReceivableEntry, 'amount' | 'reversal'>): number | null {
  if (entry.amount === null) return null;
  return entry.reversal ? entry.amount : -entry.amount;
}
