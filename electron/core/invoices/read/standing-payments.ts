import type { CountedApplication } from './applied-ledger';

interface Standing {
  date: string | null;
  /** What of the application still stands, minor units (> 0). */
  left: number;
}

/**
 * The day of the latest payment application to an invoice that still stands once the reversals (Unapplied / Unallocation)
 * have taken theirs back: an invoice whose only payment was taken back has no last payment (review18's low, issue 13) — an
 * accountant reads "Last payment" as the last payment that still counts, and Paid says 0.00.
 *
 * Salesforce does not say which application a reversal takes back: both shapes take back one application of a payment to an
 * invoice (the same payment, the same invoice). So a reversal takes back from its own payment's applications to the invoice,
 * the latest first (an undo), partly when it is smaller; what it takes beyond them (a reversal seen before its application) is
 * taken from that payment's next applications. Applications the arithmetic does not count (effect 0: another currency, no
 * amount) neither stand nor are taken back; an undated one stands without a day. `applications`: oldest first
 * (countedApplications), those made by a day for an as-of view (madeBy).
 */
export function standingPaymentDay(applications: readonly CountedApplication[]): string | null {
  const standing = new Map<string | null, Standing[]>();
  const owed = new Map<string | null, number>();
  for (const application of applications) {
    if (application.kind !== 'payment' || application.effectMinor === 0) continue;
    const payment = application.sourceId;
    let list = standing.get(payment);
    if (!list) standing.set(payment, (list = []));
    if (application.reversal) {
      let take = application.effectMinor;
      while (take > 0 && list.length > 0) {
        const latest = list[list.length - 1]!;
        const taken = Math.min(latest.left, take);
        latest.left -= taken;
        take -= taken;
        if (latest.left === 0) list.pop();
      }
      if (take > 0) owed.set(payment, (owed.get(payment) ?? 0) + take);
      continue;
    }
    let left = -application.effectMinor;
    const debt = owed.get(payment) ?? 0;
    if (debt > 0) {
      const paid = Math.min(debt, left);
      owed.set(payment, debt - paid);
      left -= paid;
    }
    if (left > 0) list.push({ date: application.date, left });
  }
  let last: string | null = null;
  for (const list of standing.values()) {
    for (const { date } of list) if (date && (last === null || date > last)) last = date;
  }
  return last;
}
