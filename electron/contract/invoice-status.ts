/**
 * What an invoice's status means for receivables: a draft is not yet owed (not posted), a posted
 * invoice is, a cancelled one no longer is. Receivables (balance, aging, "Overdue only", the cards)
 * count posted invoices only, and drafts when the user asks for them (`settings.includeDrafts`).
 */
// Plain data and functions (no zod): the renderer imports them, and its bundle holds no zod (schemas are in models.ts).
export const statusKinds = ['draft', 'posted', 'cancelled'] as const;
export type StatusKind = (typeof statusKinds)[number];

/** The invoice objects' shapes (as discovery names them). */
type Shape = 'Invoice' | 'blng__Invoice__c' | 'custom';

/**
 * What a status value means when nobody said otherwise, by the object's shape. Revenue Cloud's `Invoice.Status`
 * has Draft / Pending / Posted / Error / Canceled; Salesforce Billing's `blng__InvoiceStatus__c` has Draft /
 * Initiated / Posted / Error / Cancelled / Rebilled (a rebilled invoice was cancelled and replaced). A custom
 * object's values are guessed from their words. Anything not recognised counts as posted: an invoice whose
 * status the app cannot read is shown as owed rather than silently left out.
 */
export function defaultStatusKind(value: string | null, shape: Shape): StatusKind {
  if (value === null) return 'posted';
  const v = value.trim().toLowerCase();
  if (/cancel|void|rebilled|reversed|written off|write-off/.test(v)) return 'cancelled';
  if (shape !== 'custom' && /^(draft|pending|initiated|error)$/.test(v)) return 'draft';
  if (/draft|not posted|unposted|pending approval/.test(v)) return 'draft';
  return 'posted';
}

/** A status value → its kind, per invoice object (picklist values of the mapped status field, plus those met in the rows). */
export type StatusKindMap = Record<string, StatusKind>;

/** The kind of one row's status under a map (a value the map does not know counts as posted, see defaultStatusKind). */
export function kindOfStatus(map: StatusKindMap | undefined, status: string | null): StatusKind {
  if (status === null) return 'posted';
  return map?.[status] ?? 'posted';
}
