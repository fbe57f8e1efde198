import type { RunningOrg } from '../../org';

/** Names of one family's objects and fields, as Salesforce has them (independent of the app's specs). */
export const FAMILIES = {
  Invoice: {
    total: 'TotalAmountWithTax', balance: 'Balance',
    payment: 'Payment', paymentApp: 'PaymentLineInvoice', credit: 'CreditMemo', creditApp: 'CreditMemoInvApplication',
    appInvoice: 'InvoiceId', paymentRef: 'PaymentId', creditRef: 'CreditMemoId', amount: 'Amount', type: 'Type', reversal: 'Unapplied',
  },
  blng__Invoice__c: {
    total: 'blng__TotalAmount__c', balance: 'blng__Balance__c',
    payment: 'blng__Payment__c', paymentApp: 'blng__PaymentAllocationInvoice__c', credit: 'blng__CreditNote__c', creditApp: 'blng__CreditNoteAllocation__c',
    appInvoice: 'blng__Invoice__c', paymentRef: 'blng__Payment__c', creditRef: 'blng__CreditNote__c', amount: 'blng__Amount__c', type: 'blng__Type__c', reversal: 'Unallocation',
  },
} as const;

export interface Expected {
  /** Net applied, in minor units. */
  payments: number;
  credits: number;
  entries: number;
  reversals: number;
  /** Salesforce's balance − (total − payments − credits), minor units. */
  difference: number;
}

const decimals = (currency: unknown) => (currency === 'JPY' ? 0 : 2);

/** Per invoice id, straight from the org's records: what the app must show. */
export function expectedLedger(org: RunningOrg, shape: keyof typeof FAMILIES): Map<string, Expected> {
  const f = FAMILIES[shape];
  const out = new Map<string, Expected>();
  const invoices = org.control.records(shape);
  for (const invoice of invoices) out.set(invoice.Id as string, { payments: 0, credits: 0, entries: 0, reversals: 0, difference: 0 });
  const currencyOf = new Map(invoices.map((i) => [i.Id as string, i.CurrencyIsoCode ?? 'USD']));
  for (const [object, key] of [[f.paymentApp, 'payments'], [f.creditApp, 'credits']] as const) {
    for (const app of org.control.records(object)) {
      const e = out.get(app[f.appInvoice] as string);
      if (!e) continue;
      const minor = Math.round((app[f.amount] as number) * 10 ** decimals(currencyOf.get(app[f.appInvoice] as string)));
      const reversal = app[f.type] === f.reversal;
      e[key] += reversal ? -minor : minor;
      e.entries++;
      if (reversal) e.reversals++;
    }
  }
  for (const invoice of invoices) {
    const e = out.get(invoice.Id as string)!;
    const m = 10 ** decimals(invoice.CurrencyIsoCode);
    e.difference = Math.round((invoice[f.balance] as number) * m) - (Math.round((invoice[f.total] as number) * m) - e.payments - e.credits);
  }
  return out;
}
