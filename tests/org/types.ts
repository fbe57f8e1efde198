export type InvoiceObjectName = 'Invoice' | 'blng__Invoice__c' | 'Invoice__c';

export interface OrgOptions {
  /** 0 = any free port (default 0). */
  port?: number;
  /** Seed for the generated data (default 42). */
  seed?: number;
  /** Invoices per invoice shape (default 2500). */
  invoices?: number;
  /** Invoice shapes the org has (default ['Invoice']); `[]`: none (only Account and the SalesforceInvoice decoy). */
  objects?: InvoiceObjectName[];
  /** Adds CurrencyIsoCode (USD, EUR, GBP, JPY) when true (default false). */
  multiCurrency?: boolean;
  /** The corporate currency of a multi-currency org (CurrencyType.IsCorporate) and the org's currency: USD, EUR, GBP or JPY (default USD). */
  corporateCurrency?: string;
  /** Advanced currency management: `DatedConversionRate` periods across the invoices' dates (needs multiCurrency; default false). */
  datedRates?: boolean;
  /** Default query page size when the client sends no Sforce-Query-Options (default 2000). */
  batchSize?: number;
  clientId?: string;
  redirectUris?: string[];
  username?: string;
  /** The org's name (Organization.Name; default 'Budgetly Demo Org'). */
  orgName?: string;
  password?: string;
  /** Access-token (session) lifetime in seconds (default 7200). */
  sessionTtl?: number;
  /** Each refresh returns a new refresh token and kills the old one (default false). */
  rotateRefresh?: boolean;
  /** Refresh-token lifetime in seconds (default: valid until revoked). */
  refreshTtl?: number;
  /** Added to every request, in ms (default 0). */
  latency?: number;
  /** Daily API request limit (default 15000). */
  requestLimit?: number;
  /**
   * Payments, credit notes and their applications next to `Invoice` (Revenue Cloud) and
   * `blng__Invoice__c` (Salesforce Billing), consistent with each invoice's balance (default true).
   */
  payments?: boolean;
  /** Share (0–1) of payments and credit notes larger than what was applied: the rest is unapplied (default 0.1). */
  unappliedShare?: number;
  /**
   * The org's clock (default `Date.now`): "today" of the seeded data and the stamps (CreatedDate, SystemModstamp) of
   * seeded and changed records, never after it. Tests set it to any hour of the day (e.g. 00:30 or 23:50 UTC).
   */
  now?: () => number;
}

export type FaultKind =
  | 'http500'
  | 'http503'
  | 'drop'
  | 'stall'
  | 'latency'
  | 'requestLimit'
  | 'invalidLocator'
  | 'sessionExpired'
  /** A Bulk API 2.0 query job created while armed (soqlContains: its query) ends Failed, with Salesforce's errorMessage. */
  | 'bulkJobFailed'
  /**
   * A Bulk API 2.0 query job created while armed (soqlContains: its query) exists at once, but the answer to its creation (its id)
   * is held until the faults are cleared: a client that gives up meanwhile (a cancel) has left a job at Salesforce, which got the
   * request, and learns its id only if it still waits for that answer.
   */
  | 'bulkCreateHeld'
  /** A Bulk API 2.0 results part asked for while armed loses its last line (Sforce-NumberOfRecords still counts it). */
  | 'bulkPartShort'
  /**
   * A Bulk API 2.0 results part asked for while armed says one record more in its Sforce-NumberOfRecords than it holds (its CSV
   * whole, the job's numberRecordsProcessed right): only the part's own header can tell.
   */
  | 'bulkPartCountOff'
  /** A Bulk API 2.0 results part asked for with a locator answers that same locator as the next one (a locator loop). */
  | 'bulkLocatorLoop';

export interface Fault {
  kind: FaultKind;
  /** How many matching requests it hits (default 1). */
  count?: number;
  /** Only requests whose path starts with this (default: every org request). */
  pathPrefix?: string;
  /** For 'latency'. */
  ms?: number;
  /** Only queries whose SOQL (the `q` of a first page) contains this, case-insensitively (e.g. 'FROM PaymentLineInvoice'). */
  soqlContains?: string;
}

export type DocumentFault = 'mismatch' | 'notPdf' | 'truncated' | 'empty' | 'unreadable' | 'encrypted' | 'garbled' | 'huge';

export interface InvoiceDocumentInfo {
  contentDocumentId: string;
  versionIds: string[];
  latestVersionId: string;
  /** The latest version's Checksum (MD5 hex of the bytes) and ContentSize. */
  checksum: string;
  size: number;
}

export interface OrgCounters {
  tokenGrants: number;
  refreshes: number;
  revokes: number;
  requests: Record<string, number>;
  apiCalls: number;
  /** Invoice PDFs rendered since the org started (they are made when read, never up front). */
  documentsRendered: number;
  /** VersionData bytes handed to the sockets since the org started (a download cut short shows how early). */
  documentBytesSent: number;
  /**
   * Most query cursors open at once since the last resetCounters (handed out with a first page, last page not yet
   * asked for): how many queries a client keeps going side by side (Salesforce allows 10 per user).
   */
  peakOpenCursors: number;
}

/** What changeReceivables did: invoices changed and skipped, operations made, distinct records created or changed of each kind. */
export interface ReceivablesDay {
  changed: number;
  skipped: number;
  operations: { applyPayment: number; allocatePayment: number; issueCreditNote: number; reverseApplication: number; deletePayment: number };
  records: { invoices: number; payments: number; paymentApplications: number; creditNotes: number; creditApplications: number };
}

export interface OrgControl {
  records(objectName: string): Record<string, unknown>[];
  createInvoices(count: number, objectName?: string): string[];
  updateInvoices(ids: string[], patch?: Record<string, unknown>): void;
  deleteInvoices(ids: string[]): void;
  /**
   * An invoice line changes (product, quantity, unit price; the amount follows): the line's own SystemModstamp moves,
   * its invoice's does not (no roll-up summary on these shapes).
   */
  editInvoiceLine(lineId: string, patch: { product?: string; quantity?: number; unitPrice?: number }): void;
  /** Invoice lines deleted on their own (recycle bin: queryAll sees them with IsDeleted); their invoices are not touched. */
  deleteInvoiceLines(lineIds: string[]): void;
  revokeAllTokens(): void;
  expireSessions(): void;
  /** Every refresh token reaches the end of its lifetime now (as `refreshTtl` would, without waiting for the clock). */
  expireRefreshTokens(): void;
  setRotation(on: boolean): void;
  /** Token answers (sign-in and refresh) announce these URLs instead of the org's own; null restores them. */
  setTokenUrls(urls: { instanceUrl?: string; identityUrl?: string } | null): void;
  setFieldHidden(objectName: string, fieldName: string, hidden: boolean): void;
  /** The signed-in user loses (or regains) read access to an object: it leaves describeGlobal, describe is NOT_FOUND, SOQL INVALID_TYPE. */
  setObjectHidden(objectName: string, hidden: boolean): void;
  /** A single-currency org turns multi-currency on: CurrencyIsoCode (USD on every existing record) and CurrencyType appear. */
  enableMultiCurrency(): void;
  /** CurrencyType: a currency's plain rate, active flag or decimals (SystemModstamp moves). */
  setCurrency(isoCode: string, patch: { conversionRate?: number; isActive?: boolean; decimalPlaces?: number }): void;
  /**
   * DatedConversionRate: a new period from startDate (YYYY-MM-DD); the period it falls in ends there, as in Salesforce.
   * With nextStartDate (a date or null) the period is stored exactly so (overlaps, gaps). Returns the record id.
   */
  addRatePeriod(isoCode: string, conversionRate: number, startDate: string, nextStartDate?: string | null): string;
  /** Changes the rate of the dated period of isoCode starting on startDate, or (without startDate) the plain CurrencyType rate. */
  setRate(isoCode: string, conversionRate: number, startDate?: string): void;
  /**
   * A new payment (today, the invoice's account and currency) applied to the invoice: amount defaults to its balance. `when`:
   * `appliedAt`, the instant the application was made (an ISO instant: its CreatedDate and Revenue Cloud's AppliedDate; its
   * SystemModstamp stays now, as a record created by an import or a late sync would have it), and `paymentDate`, the payment's
   * day (YYYY-MM-DD: Billing's blng__PaymentDate__c, Revenue Cloud's Payment.Date at noon UTC of it); both default to now.
   * `effectiveAt`: when the application takes effect (an ISO instant: Revenue Cloud's PaymentLineInvoice.EffectiveDate),
   * default `appliedAt`, else now.
   */
  applyPayment(invoiceId: string, amount?: number, when?: { appliedAt?: string; paymentDate?: string; effectiveAt?: string }): { paymentId: string; applicationId: string };
  /**
   * Applies `amount` more of an existing payment to an invoice (a new Allocation / Applied record, in the invoice's
   * currency: another than the payment's when they differ — what Salesforce refuses and a data import can leave). The
   * invoice's balance falls by it; the payment's SystemModstamp moves. Returns the application's id.
   */
  allocatePayment(paymentId: string, invoiceId: string, amount: number): string;
  /**
   * Applies `amount` more of an existing credit note to an invoice of the same object (a new Allocation / Applied record in
   * the invoice's currency), not checked against what is left of the credit note after its refunds and debit notes — what
   * Billing refuses and a data import can leave (its "not yet applied" then below zero). The invoice's balance falls by it;
   * the credit note's SystemModstamp moves. Returns the application's id.
   */
  allocateCreditNote(creditNoteId: string, invoiceId: string, amount: number): string;
  /**
   * Takes an application back: a reversal record (Unallocation / Unapplied) of the same amount; the balance grows by it.
   * `effectiveAt` (an ISO instant): when the reversal takes effect (Revenue Cloud's EffectiveDate), default now.
   */
  reverseApplication(applicationId: string, effectiveAt?: string | null): string;
  /**
   * Sets an existing application's (or reversal's) Amount to any finite value, 0 and negative included — what a correction or a
   * hand entry leaves in a real org, and what Salesforce's own calls refuse. Its SystemModstamp moves; the invoice's balance
   * follows as Salesforce's roll-up has it (total − Σ applied + Σ taken back, the new amount counted as it is).
   */
  setApplicationAmount(applicationId: string, amount: number): void;
  /**
   * A day of receivables over many invoices in one call (the bench's "1 % changed" on a payments org; receivables-day.ts): each
   * invoice changes through the money around it — a new payment applied to part of an open invoice, a customer's unapplied cash
   * allocated to it, a credit note for part of it, an application reversed, a payment deleted — by the calls above, so balances
   * stay consistent. Drafts and cancelled invoices are skipped. Answers what was done and how many records of each kind changed.
   */
  changeReceivables(invoiceIds: string[]): ReceivablesDay;
  /** A new credit note for `amount`, applied to the invoice. */
  issueCreditNote(invoiceId: string, amount: number): { creditNoteId: string; applicationId: string };
  /**
   * Deletes a payment and its applications (recycle bin: queryAll sees IsDeleted); the invoices' balances grow back. Its
   * refund lines: Billing's (master-detail) are deleted with it; a Revenue Cloud payment with refund lines is refused (its
   * RefundLinePayment lines have a required lookup to it and no delete() call).
   */
  deletePayment(paymentId: string): void;
  /**
   * A payment's or credit note's status: 'Draft' or 'Canceled' (never money received / credit issued), or 'Received'
   * (the default: Processed for a Revenue Cloud payment, Posted otherwise). Its applications stay as they are; SystemModstamp moves.
   */
  setSourceStatus(recordId: string, status: 'Draft' | 'Canceled' | 'Received'): void;
  /**
   * A refund of a payment (today): a refund and its one line (Allocation / Applied, Posted) paying back `amount` (default: all
   * that is unapplied of the payment, net of earlier refunds); more than that is refused. No invoice changes; the payment's
   * SystemModstamp moves.
   */
  issueRefund(paymentId: string, amount?: number): { refundId: string; refundLineId: string };
  /** Deletes a refund line (recycle bin: queryAll sees IsDeleted); the payment's SystemModstamp moves. */
  deleteRefundLine(refundLineId: string): void;
  /**
   * Billing orgs: a refund of a credit note (today): a refund (blng__Refund__c) and its one line on the credit note's line
   * (blng__RefundLineCreditNoteLine__c, Allocation, Posted) paying back `amount` (default: all that is unapplied of the credit
   * note, net of earlier refunds); more than that is refused. No invoice changes; the credit note's SystemModstamp moves.
   */
  issueCreditNoteRefund(creditNoteId: string, amount?: number): { refundId: string; refundLineId: string };
  /** Billing orgs: deletes a credit note's refund line (recycle bin: queryAll sees IsDeleted); the credit note's SystemModstamp moves. */
  deleteCreditNoteRefundLine(refundLineId: string): void;
  /** Billing orgs: a posted debit note (blng__DebitNote__c, today) for an account, its balance the whole amount. Returns its id. */
  issueDebitNote(accountId: string, amount: number): string;
  /** Billing orgs: a payment of part of a debit note — its blng__Balance__c falls by `amount` (at most the balance), SystemModstamp moves. */
  payDebitNote(debitNoteId: string, amount: number): void;
  /**
   * Billing orgs: a debit note allocated to a (positive) credit note line of the same account — what Billing's docs allow
   * ("the positive balance change that you can allocate to an invoice line or a positive credit note line"). The debit
   * note's blng__Balance__c falls by `amount`, the credit note line's blng__Debits__c rises by it (so its blng__Balance__c,
   * what is available of the credit note, falls); at most either. No invoice changes; both SystemModstamps move.
   */
  allocateDebitNote(debitNoteId: string, creditNoteId: string, amount: number): void;
  /** The invoice's document: its ContentDocument, versions (oldest first) and latest version; null when it has none. */
  documentOf(invoiceId: string): InvoiceDocumentInfo | null;
  /**
   * Damages the latest version of the invoice's document: 'mismatch' (bytes changed, Checksum and ContentSize as
   * before), 'notPdf' / 'truncated' / 'empty' (such a file was uploaded: Checksum and size of those bytes),
   * 'unreadable' (VersionData answers 403), 'encrypted' (a whole PDF protected by the user password
   * ENCRYPTED_PDF_PASSWORD), 'garbled' (framed like a PDF, %PDF- … %%EOF, garbage between: the app's checks pass it,
   * no reader can show it) — both with Checksum and size of those bytes; 'huge' (a valid 200 MB PDF, streamed and never
   * built in memory, ContentSize and Checksum honest: tests/org/documents/huge-document.ts); null repairs it.
   */
  setDocumentFault(invoiceId: string, fault: DocumentFault | null): void;
  /** Deletes the invoice's document (ContentDocument and its versions go to the recycle bin). */
  deleteDocument(invoiceId: string): void;
  /**
   * Re-issues the invoice's document while the org runs: a new ContentVersion (IsLatest moves to it, "Re-issued
   * (version n)" in the PDF, a new Checksum, CreatedDate now). At most four versions per document.
   */
  reissueDocument(invoiceId: string): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** The Bulk API 2.0 query jobs the org still keeps (a client deletes its jobs; an aborted one says Aborted). */
  bulkJobs(): { id: string; state: string }[];
  counters(): OrgCounters;
  resetCounters(): void;
  /** Sets the API requests used in the rolling 24 h (what `Sforce-Limit-Info` and `/limits` report): a low allowance left. */
  setApiUsage(used: number): void;
  /** Renames an account (its invoices, payments and credit notes carry the new name from the next query on): a customer name with any characters. */
  renameAccount(accountId: string, name: string): void;
}

export interface RunningOrg {
  /** http://127.0.0.1:PORT, no trailing slash: login host and instance URL. */
  url: string;
  orgId: string;
  userId: string;
  stop(): Promise<void>;
  control: OrgControl;
}
