import { recordCount, tableOf, type RecordTable, type RelatedCopy, type RelatedRecord } from '../related/related-copy';
import { isRateRole, REVERSAL_TYPES, type RelatedRole } from '../related/related-specs';
import { relatedText } from '../related/related-text';
import { ApplicationsByInvoice, cellOf, idOf, NOT_LOOKED_UP, SourcesById, type Origin } from './ledger-slots';
import { localDay } from './local-day';
import { rowsOfIds } from './rows-of-ids';
import { buildNow, oncePerCopyInSlices, type Build, type Pass } from './sliced-build';

export interface LedgerIndex {
  /** Applications (payment and credit) per invoice id. */
  byInvoice: ApplicationsByInvoice;
  /** Payments and credit notes by id. */
  sources: SourcesById;
  /** Every related record's object, by id (for "open in Salesforce"): made when first asked. */
  readonly objects: Map<string, string>;
  /** Refund lines per payment id (they apply to payments, never to invoices: refund-lines.ts). */
  refundsByPayment: Map<string, RelatedRecord[]>;
  /** Billing credit note refund lines per credit note id, through their credit note lines (refund-lines.ts). */
  refundsByCreditNote: Map<string, RelatedRecord[]>;
}

/**
 * Applications by invoice and sources by id, built once per copy (a sync makes a new copy). Built in passes (sliced-build.ts):
 * made in slices in the background after a sync has answered, before its first screen (which counts every invoice's figures
 * with it), and after the copy loaded at start (warmLedgerIndex) — a call that comes first finishes the build at once.
 */
export const ledgerIndex = oncePerCopyInSlices((copy: RelatedCopy): Build<LedgerIndex> => ledgerBuild(copy, null));

/**
 * What a targeted ledger holds (ledgerFor): the applications of `invoice` (none when null), and of the payments and credit
 * notes those name or `sources` lists — the rest of the copy left out.
 */
interface Only {
  invoice: string | null;
  sources: readonly string[];
}

/**
 * The ledger index of a copy for one invoice's detail (or a few sources by id) when the whole index is not made yet: right
 * after a sync's answer, before the warm-up (read-warm-up.ts) has built it, a call built the whole index at once (~0.3 s at
 * 100k invoices, BENCHMARKS session 31); this scans the copy for that invoice's entries alone, by the same passes (a few
 * times per copy: sliced-build.ts `targeted`). Asked for anything else than what it was made for, it knows nothing.
 */
export function ledgerFor(copy: RelatedCopy, invoice: string | null, sources: readonly string[] = []): LedgerIndex {
  const made = ledgerIndex.made(copy);
  if (made) return made;
  // The last one made is kept while the whole index is not: a detail call asks it twice (the invoice's row, its receivables).
  const key = JSON.stringify([invoice, sources]);
  const last = lastTargeted.get(copy);
  if (last?.key === key) return last.index;
  if (!ledgerIndex.targeted(copy)) return ledgerIndex(copy);
  const index = buildNow(ledgerBuild(copy, { invoice, sources }));
  lastTargeted.set(copy, { key, index });
  return index;
}

const lastTargeted = new WeakMap<RelatedCopy, { key: string; index: LedgerIndex }>();

/**
 * The ledger's passes over the copy: every entry, or with `only` those of one invoice and the sources it names (the
 * applications' passes first then, so that the sources' passes know which ids they keep; each kind in the copy's order).
 */
function ledgerBuild(copy: RelatedCopy, only: Only | null): Build<LedgerIndex> {
  let objects: Map<string, string> | null = null;
  // Sized at once from the counts (a Bulk object's records are counted without being read): no column grows while it fills.
  const counted = (roles: readonly RelatedRole[]) => copy.objects.reduce((sum, object) => (roles.includes(object.role) ? sum + recordCount(object) : sum), 0);
  const index: LedgerIndex = {
    // A targeted one keeps a few entries: no column sized for the whole copy.
    byInvoice: new ApplicationsByInvoice(only ? 0 : counted(['paymentApplication', 'creditApplication'])),
    sources: new SourcesById(only ? 0 : counted(['payment', 'creditNote'])),
    refundsByPayment: new Map(), refundsByCreditNote: new Map(),
    get objects() {
      return (objects ??= objectsById(copy));
    },
  };
  // Each pass with whether it is an application object's.
  const planned: [Pass, boolean][] = [];
  // With `only`: the ids of the sources kept (those asked, those its invoice's applications name), once its applications are in.
  let kept: Set<string> | null = null;
  const keptIds = only && (() => (kept ??= keptSources(index.byInvoice, only)));
  const keeps = keptIds && ((id: string) => keptIds().has(id));
  const keepsInvoice = only && ((id: string) => id === only.invoice);
  for (const object of copy.objects) {
    if (isRateRole(object.role)) continue;
    const application = object.role === 'paymentApplication' || object.role === 'creditApplication';
    const table = tableOf(object);
    if (table && object.role !== 'refundApplication') {
      const pass = tablePass(index, { role: object.role, object: object.object, table, records: null }, application, keptIds, keepsInvoice);
      if (pass) planned.push([pass, application]);
      continue;
    }
    // A debit note is the customer's own receivable, no source of an application (customer-ledger.ts lists it).
    // A credit note's lines and their refund lines pay money back out of the credit note, never into an invoice (refund-lines.ts).
    if (object.role === 'debitNote' || object.role === 'creditNoteLine' || object.role === 'creditRefundApplication') continue;
    const role = object.role;
    let origin: Origin | null = null;
    planned.push([{
      // Read when the pass starts (a Bulk object's records are read then, not when the build is planned).
      get length() {
        return object.records.length;
      },
      rows(from, to) {
        const records = object.records;
        origin ??= { role, object: object.object, table: null, records };
        for (let row = from; row < to; row++) {
          const record = records[row]!;
          if (role === 'refundApplication') {
            const payment = text(record.payment);
            if (!payment) continue;
            let list = index.refundsByPayment.get(payment);
            if (!list) index.refundsByPayment.set(payment, (list = []));
            list.push(record);
            continue;
          }
          if (!application) {
            if (!keeps || keeps(record.id)) index.sources.add(origin, row, record.id);
            continue;
          }
          const invoiceId = typeof record.invoice === 'string' ? record.invoice : null;
          if (!invoiceId || (keepsInvoice && !keepsInvoice(invoiceId))) continue;
          index.byInvoice.add(origin, row, invoiceId, record.date, record.created);
        }
      },
    }, application]);
  }
  planned.push([{
    length: 1,
    rows() {
      index.refundsByCreditNote = creditRefundsByNote(copy);
    },
  }, false]);
  // Without `only` in the copy's order (as it always was); with it, the applications first.
  const passes = only ? [...(only.invoice === null ? [] : planned.filter(([, a]) => a)), ...planned.filter(([, a]) => !a)] : planned;
  return { passes: passes.map(([pass]) => pass), answer: () => index };
}

/**
 * The ledger index of a copy made in slices in the background while `wanted()` (invoice-repository.ts: after a sync's answer,
 * before its first screen; after the start-up load), when the detail panel or the list's figures would build it.
 */
export function warmLedgerIndex(copy: RelatedCopy | null | undefined, wanted: () => boolean): Promise<void> {
  if (!copy || copy.none || !copy.objects.some((o) => !isRateRole(o.role))) return Promise.resolve();
  return ledgerIndex.warm(copy, wanted);
}

/** Every related record's object by the record's id (rates aside). */
function objectsById(copy: RelatedCopy): Map<string, string> {
  const objects = new Map<string, string>();
  for (const object of copy.objects) {
    if (isRateRole(object.role)) continue;
    const table = tableOf(object);
    if (table) for (let row = 0; row < table.length; row++) objects.set(table.id(row), object.object);
    else for (const record of object.records) objects.set(record.id, object.object);
  }
  return objects;
}

/** The ledger's entries of an object kept as columns, as a pass: what the loop over records does, cell by cell (null: none). */
function tablePass(
  index: LedgerIndex, origin: Origin & { table: RecordTable }, application: boolean,
  keptIds: (() => ReadonlySet<string>) | null, keepsInvoice: ((invoice: string) => boolean) | null,
): Pass | null {
  const { role, table } = origin;
  // A debit note, a credit note's lines and their refund lines enter no invoice's arithmetic (as in the loop over records).
  if (role === 'debitNote' || role === 'creditNoteLine' || role === 'creditRefundApplication') return null;
  const every: Pass = {
    length: table.length,
    rows(from, to) {
      for (let row = from; row < to; row++) {
        const id = table.id(row);
        if (!keptIds || keptIds().has(id)) index.sources.add(origin, row, id);
      }
    },
  };
  if (!application) {
    if (!keptIds) return every;
    // A targeted ledger's few sources, by the columns' index of ids when they have one (rows-of-ids.ts), else by every row.
    return {
      length: 1,
      rows() {
        const ids = [...keptIds()];
        const rows = rowsOfIds(table, ids);
        if (!rows) return every.rows(0, table.length);
        rows.forEach((row, k) => row >= 0 && index.sources.add(origin, row, ids[k]!));
      },
    };
  }
  const invoice = table.column('invoice');
  const date = table.column('date');
  const created = table.column('created');
  return {
    length: table.length,
    rows(from, to) {
      for (let row = from; row < to; row++) {
        const invoiceId = table.value(row, invoice);
        if (typeof invoiceId !== 'string' || !invoiceId || (keepsInvoice && !keepsInvoice(invoiceId))) continue;
        index.byInvoice.add(origin, row, invoiceId, table.value(row, date), table.value(row, created));
      }
    },
  };
}

/** The sources a targeted ledger keeps (ledgerFor): those asked, and those its invoice's applications name. */
function keptSources(byInvoice: ApplicationsByInvoice, only: Only): Set<string> {
  const kept = new Set(only.sources);
  if (only.invoice !== null) {
    byInvoice.visit(only.invoice, (origin, row) => {
      const source = cellOf(origin, row, 'source');
      if (typeof source === 'string') kept.add(source);
    });
  }
  return kept;
}

/** The Billing credit note refund lines per credit note id (LedgerIndex.refundsByCreditNote), the ledger's when it is made. */
export function creditRefundsByNote(copy: RelatedCopy): Map<string, RelatedRecord[]> {
  const made = ledgerIndex.made(copy);
  if (made) return made.refundsByCreditNote;
  const byNote = new Map<string, RelatedRecord[]>();
  for (const [creditNote, record] of creditRefundLines(copy)) {
    let list = byNote.get(creditNote);
    if (!list) byNote.set(creditNote, (list = []));
    list.push(record);
  }
  return byNote;
}

/** The Billing credit note refund lines of the copy with their credit note (through the synced credit note lines; refund-lines.ts refundLinesBySource). */
export function* creditRefundLines(copy: RelatedCopy): Generator<[creditNoteId: string, record: RelatedRecord]> {
  const creditNoteOfLine = new Map<string, string>();
  for (const object of copy.objects) {
    if (object.role !== 'creditNoteLine') continue;
    for (const record of object.records) {
      const creditNote = text(record.creditNote);
      if (creditNote) creditNoteOfLine.set(record.id, creditNote);
    }
  }
  if (creditNoteOfLine.size === 0) return;
  for (const object of copy.objects) {
    if (object.role !== 'creditRefundApplication') continue;
    for (const record of object.records) {
      const source = creditNoteOfLine.get(text(record.creditNoteLine) ?? '');
      if (source) yield [source, record];
    }
  }
}

// Plain code-unit order: days (YYYY-MM-DD), ISO instants and ids sort correctly so, and much faster than the collator.
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const oldestFirst = (a: CountedApplication, b: CountedApplication) => order(a.date ?? '', b.date ?? '') || order(a.at, b.at) || order(a.id, b.id);

/** Shared by every application without a problem (never changed). */
const NO_PROBLEMS: string[] = [];

export const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
/**
 * An amount as the arithmetic may use it: a finite number, else none (null). Salesforce sends currency fields as plain
 * numbers; a cell the copy read as NaN (a Bulk CSV cell that is no number) or ±Infinity (JSON's 1e999) would otherwise be
 * counted and turn every sum it enters into NaN or ±∞ — as none, it is listed with "no amount" and left out (review22).
 */
export const amountOf = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/**
 * The day of a Salesforce value as the user counts days (local-day.ts): a `date` field its own day, an instant (CreatedDate,
 * Revenue Cloud's AppliedDate and Payment.Date) the day on the computer's clock, as "today" and the as-of date are — not UTC's.
 */
export const day = localDay;

/** Minor units of an amount in a currency with `decimals` (exact for amounts Salesforce stores). */
export function toMinor(amount: number, decimals: number): number {
  return Math.round(amount * 10 ** decimals);
}

/** One application to an invoice as the arithmetic counts it. */
export interface CountedApplication {
  id: string;
  kind: 'payment' | 'credit';
  /** An Unallocation / Unapplied record: it takes an earlier application back. */
  reversal: boolean;
  date: string | null;
  /** When it was made (creation instant), to order applications of one day. */
  at: string;
  amount: number | null;
  currency: string;
  /** What the balance moves by, in minor units: negative for applications, positive for reversals, 0 when not counted. */
  effectMinor: number;
  sourceId: string | null;
  /** Its payment or credit note (undefined when not in the copy). */
  readonly source: RelatedRecord | undefined;
  problems: string[];
}

/**
 * A CountedApplication whose payment or credit note is read when asked (`source`: the detail panel asks it; the list's figures, the
 * collection figures and the as-of walks never do): counting reads an application's cells and its source's currency only, not two
 * whole records per application (~157k of each at 100k invoices). Its own properties are CountedApplication's but `source`, in the
 * order the literal had them (a caller spreads the rest: invoice-receivables.ts).
 */
class Counted implements CountedApplication {
  readonly #sources: SourcesById;
  readonly #slot: number;
  id: string;
  kind: 'payment' | 'credit';
  reversal: boolean;
  amount: number | null;
  currency: string;
  effectMinor: number;
  date: string | null;
  at: string;
  sourceId: string | null;
  problems: string[];

  constructor(sources: SourcesById, slot: number, fields: Omit<CountedApplication, 'source'>) {
    this.#sources = sources;
    this.#slot = slot;
    this.id = fields.id;
    this.kind = fields.kind;
    this.reversal = fields.reversal;
    this.amount = fields.amount;
    this.currency = fields.currency;
    this.effectMinor = fields.effectMinor;
    this.date = fields.date;
    this.at = fields.at;
    this.sourceId = fields.sourceId;
    this.problems = fields.problems;
  }

  get source(): RelatedRecord | undefined {
    return this.#slot < 0 ? undefined : this.#sources.entry(this.#slot).record;
  }
}

const sourceOf = (index: LedgerIndex, record: RelatedRecord) => (typeof record.source === 'string' ? index.sources.get(record.source) : undefined);

/** An application's currency: its own, else its payment's or credit note's, else the invoice's. */
export function applicationCurrency(index: LedgerIndex, record: RelatedRecord, invoiceCurrency: string): string {
  return text(record.currency) ?? text(sourceOf(index, record)?.record.currency) ?? invoiceCurrency;
}

/**
 * The applications to one invoice, oldest first (by applied day, then creation instant, then id), each
 * with what it moves the balance by. Not counted (effect 0, with the reason): another currency than the
 * invoice's, a zero / negative / missing amount. Counted but flagged: its payment or credit note is not
 * in the copy. The one rule behind the detail panel, the list's columns and the collection figures.
 */
export function countedApplications(index: LedgerIndex, invoiceId: string, currency: string, decimals: number): CountedApplication[] {
  const counted: CountedApplication[] = [];
  const { byInvoice, sources } = index;
  byInvoice.visit(invoiceId, (origin, row, date, at) => {
    const kind = origin.role === 'paymentApplication' ? 'payment' : 'credit';
    const sourceValue = cellOf(origin, row, 'source');
    let slot = byInvoice.sourceSlot(at);
    if (slot === NOT_LOOKED_UP) slot = byInvoice.keepSourceSlot(at, typeof sourceValue === 'string' ? sources.slotOf(sourceValue) : -1);
    const reversal = REVERSAL_TYPES.has(String(cellOf(origin, row, 'type') ?? '').toLowerCase());
    const entryCurrency = text(cellOf(origin, row, 'currency')) ?? (slot < 0 ? null : text(sources.cell(slot, 'currency'))) ?? currency;
    const amount = amountOf(cellOf(origin, row, 'amount'));
    let problems = NO_PROBLEMS;
    if (entryCurrency !== currency || amount === null || amount <= 0 || slot < 0) {
      problems = [];
      if (entryCurrency !== currency) problems.push(relatedText.otherCurrency(entryCurrency, currency));
      if (amount === null || amount <= 0) problems.push(relatedText.notPositive);
      if (slot < 0) problems.push(relatedText.sourceMissing(kind));
    }
    const countable = problems.length === 0 || (problems.length === 1 && slot < 0);
    const effectMinor = countable && amount !== null ? toMinor(amount, decimals) * (reversal ? 1 : -1) : 0;
    counted.push(new Counted(sources, slot, {
      id: idOf(origin, row), kind, reversal, amount, currency: entryCurrency, effectMinor,
      date, at: text(cellOf(origin, row, 'created')) ?? text(cellOf(origin, row, 'date')) ?? '',
      sourceId: text(sourceValue), problems,
    }));
  });
  return counted.length > 1 ? counted.sort(oldestFirst) : counted;
}

/**
 * The day the balance computed from the applications last reached zero (from above), when it is zero
 * or below now; null while something is still owed, for a total of zero or less, or when unknown.
 */
export function fullyPaidOn(totalMinor: number | null, applications: readonly CountedApplication[]): string | null {
  if (totalMinor === null || totalMinor <= 0) return null;
  let running = totalMinor;
  let paidOn: string | null = null;
  for (const application of applications) {
    const before = running;
    running += application.effectMinor;
    if (running <= 0 && before > 0) paidOn = application.date;
  }
  return running <= 0 ? paidOn : null;
}
