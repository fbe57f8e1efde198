import { generateAccounts, type AccountData } from './data/accounts.ts';
import { CurrencyRates } from './data/currency-rates.ts';
import { DocumentStore } from './documents/document-store.ts';
import { documentTables } from './documents/document-tables.ts';
import { makeId } from './data/ids.ts';
import { InvoiceStore } from './data/invoice-store.ts';
import { ReceivablesStore } from './data/receivables-store.ts';
import { RefundsStore } from './data/refunds-store.ts';
import { DebitNotesStore } from './data/debit-notes-store.ts';
import { CreditRefundsStore } from './data/credit-refunds-store.ts';
import { dayToIso, todayDay } from './data/random.ts';
import type { ResolvedOptions } from './options.ts';
import { accountTable, salesforceInvoiceTable } from './schema/account-table.ts';
import { currencyTables } from './schema/currency-tables.ts';
import { invoiceTables } from './schema/invoice-tables.ts';
import { organizationTable, userTable } from './schema/user-org-tables.ts';
import { receivableTables } from './schema/receivable-tables.ts';
import { refundTables } from './schema/refund-tables.ts';
import { debitNoteTables } from './schema/debit-note-tables.ts';
import { creditRefundTables } from './schema/credit-refund-tables.ts';
import type { Table } from './schema/table.ts';
import type { Catalog } from './soql/resolve.ts';
import type { InvoiceObjectName } from './types.ts';

/** The org's records and schema: accounts, one invoice store per shape, and their tables. */
export class OrgData implements Catalog {
  readonly orgId: string;
  readonly userId: string;
  /** Today (UTC day number) on the org's clock when it seeded its records. */
  readonly refDay: number;
  readonly accounts: AccountData;
  readonly stores = new Map<InvoiceObjectName, InvoiceStore>();
  /** Each invoice shape's line object (InvoiceLine, blng__InvoiceLine__c, Invoice_Line__c). */
  private readonly lineTables = new Map<InvoiceObjectName, Table>();
  /** Payments, credit notes and applications per invoice shape (Invoice, blng__Invoice__c) when `payments` is on. */
  readonly receivables = new Map<InvoiceObjectName, ReceivablesStore>();
  /** Refunds of those payments (refund + refund line per shape), beside the payments. */
  readonly refunds = new Map<InvoiceObjectName, RefundsStore>();
  /** Billing's debit notes (blng__DebitNote__c), next to blng__Invoice__c's payments. */
  debitNotes: DebitNotesStore | null = null;
  /** Billing's refunds of credit notes (blng__CreditNoteLine__c + blng__RefundLineCreditNoteLine__c), next to blng__Invoice__c's credit notes. */
  creditRefunds: CreditRefundsStore | null = null;
  /** Tables in describeGlobal order, keyed by lower-case name. */
  readonly tables = new Map<string, Table>();
  /**
   * The currencies and their rates (CurrencyType, DatedConversionRate). Built for every org: a single-currency org
   * keeps them (and every CurrencyIsoCode field) out of sight until `enableMultiCurrency()`, as Salesforce has them
   * appear when an admin turns multi-currency on.
   */
  readonly rates: CurrencyRates;
  /** The invoices' PDFs (ContentDocument / ContentVersion, InvoiceDocument, ContentDocumentLink), rendered when read. */
  readonly documents: DocumentStore;
  /** Lower-case names of objects the signed-in user cannot read (profile / permission set): absent from describeGlobal and SOQL. */
  readonly hiddenObjects = new Set<string>();

  constructor(readonly options: ResolvedOptions) {
    this.refDay = todayDay(options.now());
    this.orgId = makeId('00D', options.seed % 100000);
    this.userId = makeId('005', options.seed % 100000);
    this.accounts = generateAccounts(options.seed, options.invoices, options.multiCurrency, this.refDay);
    const add = (t: Table) => this.tables.set(t.name.toLowerCase(), t);
    // Every table has its CurrencyIsoCode field; a single-currency org hides them (see the constructor's end).
    add(accountTable(this.accounts, true));
    const order: InvoiceObjectName[] = ['Invoice', 'blng__Invoice__c', 'Invoice__c'];
    for (const [k, kind] of order.entries()) {
      if (!options.objects.includes(kind)) continue;
      const store = new InvoiceStore(this.accounts.bulkSeeds[k]!, this.accounts, this.refDay, options.invoices, options.now);
      this.stores.set(kind, store);
      const { invoice, line } = invoiceTables(kind, store, this.accounts, true);
      add(invoice);
      add(line);
      this.lineTables.set(kind, line);
      if (options.payments && kind !== 'Invoice__c') {
        const money = new ReceivablesStore(store, this.accounts.bulkSeeds[k]!, this.refDay, options.unappliedShare);
        this.receivables.set(kind, money);
        for (const t of receivableTables(money, this.accounts, invoice, true)) add(t);
        const refunds = new RefundsStore(money, this.accounts.bulkSeeds[k]!, this.refDay);
        this.refunds.set(kind, refunds);
        const shape = kind as 'Invoice' | 'blng__Invoice__c';
        const paymentTable = this.tables.get(shape === 'Invoice' ? 'payment' : 'blng__payment__c')!;
        for (const t of refundTables(shape, refunds, this.accounts, paymentTable)) add(t);
        if (shape === 'blng__Invoice__c') {
          this.debitNotes = new DebitNotesStore(money, this.accounts.bulkSeeds[k]!, this.refDay);
          for (const t of debitNoteTables(this.debitNotes, this.accounts, this.tables.get('account')!, invoice.minVersion)) add(t);
          this.creditRefunds = new CreditRefundsStore(money, refunds, this.accounts.bulkSeeds[k]!, this.refDay);
          const creditTables = creditRefundTables(money, this.creditRefunds, this.accounts, this.tables.get('blng__creditnote__c')!, this.tables.get('blng__refund__c')!);
          for (const t of creditTables) add(t);
        }
      }
    }
    this.documents = new DocumentStore(options.seed, {
      count: (kind) => this.stores.get(kind)!.n,
      deleted: (kind, row) => this.stores.get(kind)!.deleted[row] === 1,
      created: (kind, row) => this.stores.get(kind)!.created[row]!,
      pdfData: (kind, row) => this.pdfData(kind, row),
    }, [...this.stores.keys()], options.now);
    const invoiceTablesByKind = new Map([...this.stores.keys()].map((kind) => [kind, this.tables.get(kind.toLowerCase())!] as const));
    if (this.stores.size) for (const t of documentTables(this.documents, invoiceTablesByKind)) add(t);
    add(salesforceInvoiceTable());
    this.rates = new CurrencyRates(options.seed, this.refDay, options.corporateCurrency, options.datedRates, options.now);
    for (const t of currencyTables(this.rates, options.datedRates)) add(t);
    const who = { orgId: this.orgId, userId: this.userId, username: options.username, orgName: options.orgName, created: (this.refDay - 30) * 86_400_000, currency: options.corporateCurrency };
    add(userTable(who));
    add(organizationTable(who));
    if (!options.multiCurrency) this.showCurrencies(false);
  }

  /** The org's clock (OrgOptions.now). */
  now(): number {
    return this.options.now();
  }

  /**
   * An admin turns multi-currency on: CurrencyIsoCode appears on every object (existing records are in the
   * org's currency, USD here) and CurrencyType with it (no dated rates: advanced currency management is another step).
   */
  enableMultiCurrency(): void {
    if (this.options.multiCurrency) throw new Error('this org has several currencies already');
    if (this.options.corporateCurrency !== 'USD') throw new Error('turning multi-currency on later needs the org currency USD (its records were generated in USD)');
    this.options.multiCurrency = true;
    this.showCurrencies(true);
  }

  private showCurrencies(shown: boolean): void {
    for (const t of this.tables.values()) {
      if (!t.fields.some((f) => f.name === 'CurrencyIsoCode')) continue;
      if (shown) t.hidden.delete('currencyisocode');
      else t.hidden.add('currencyisocode');
    }
    for (const name of ['currencytype', 'datedconversionrate']) {
      if (shown) this.hiddenObjects.delete(name);
      else this.hiddenObjects.add(name);
    }
  }

  table(name: string, version: number): Table | undefined {
    const key = String(name).toLowerCase();
    const t = this.tables.get(key);
    if (!t || (t.minVersion && version < t.minVersion) || this.hiddenObjects.has(key)) return undefined;
    return t;
  }

  visibleTables(version: number): Table[] {
    return [...this.tables.values()].filter((t) => (!t.minVersion || version >= t.minVersion) && !this.hiddenObjects.has(t.name.toLowerCase()));
  }

  /** The invoice shape (table + store) an id or object name belongs to. */
  invoiceTable(objectName?: string): { table: Table; store: InvoiceStore } {
    const kind = (objectName ?? this.options.objects[0]) as InvoiceObjectName;
    const store = this.stores.get(kind);
    const table = this.tables.get(kind.toLowerCase());
    if (!store || !table) throw new Error(`this org has no ${kind} object`);
    return { table, store };
  }

  /** What an invoice's PDF prints, read from its record (number, customer, dates, lines, totals). */
  private pdfData(kind: InvoiceObjectName, row: number) {
    const { table, store } = this.invoiceTable(kind);
    const value = (name: string) => table.fields.find((f) => f.name === name)!.get(row);
    const dec = store.decimalsOf(row);
    const round = (v: number) => Math.round(v * 10 ** dec) / 10 ** dec;
    return {
      number: String(value(kind === 'Invoice' ? 'DocumentNumber' : 'Name')),
      customer: this.accounts.rows[store.account[row]!]!.Name,
      invoiceDate: dayToIso(store.invDay[row]!),
      dueDate: dayToIso(store.dueDay[row]!),
      currency: store.currencyOf(row),
      decimals: dec,
      lines: store.linesOf(row),
      subtotal: store.total[row]!,
      tax: store.tax[row]!,
      total: round(store.total[row]! + store.tax[row]!),
    };
  }

  /** The invoice line with this id: its store and row (row / LINE_SLOTS is its invoice). */
  findLine(id: string): { store: InvoiceStore; row: number } {
    for (const [kind, table] of this.lineTables) {
      const row = table.rowOf(id);
      if (row >= 0) return { store: this.stores.get(kind)!, row };
    }
    throw new Error(`no invoice line with id ${id}`);
  }

  findInvoice(id: string): { table: Table; store: InvoiceStore; row: number } {
    for (const kind of this.stores.keys()) {
      const { table, store } = this.invoiceTable(kind);
      const row = table.rowOf(id);
      if (row >= 0) return { table, store, row };
    }
    throw new Error(`no invoice with id ${id}`);
  }
}
