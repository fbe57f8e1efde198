import type { OrgData } from '../org-data.ts';
import type { OrgStorage } from '../oauth/memory-adapter.ts';
import type { ProviderState } from '../oauth/provider.ts';
import { fieldMap, type Table } from '../schema/table.ts';
import type { Column } from '../soql/resolve.ts';
import { materialize } from '../soql/query.ts';
import { makeId } from '../data/ids.ts';
import { St } from '../data/invoice-store.ts';
import type { Fault, OrgControl } from '../types.ts';
import type { Counters } from './counters.ts';
import type { Faults } from './faults.ts';
import type { BulkJobs } from '../rest/bulk-query.ts';
import { documentsControl } from './documents-control.ts';
import { receivablesControl } from './receivables-control.ts';
import { receivablesDayControl } from './receivables-day.ts';
import { refundsControl } from './refunds-control.ts';
import { creditRefundsControl } from './credit-refunds-control.ts';
import { debitNotesControl } from './debit-notes-control.ts';

export interface ControlDeps {
  data: OrgData;
  storage: OrgStorage;
  state: ProviderState;
  counters: Counters;
  faults: Faults;
  jobs: BulkJobs;
}

function anyTable(data: OrgData, name: string): Table {
  const t = data.tables.get(String(name).toLowerCase());
  if (!t) throw new Error(`unknown object ${name}`);
  return t;
}

/** Field maps of every visible field, plus each reference's relationship Name (e.g. BillingAccount: {Name}). */
function allColumns(data: OrgData, t: Table): Column[] {
  const cols: Column[] = [];
  for (const f of fieldMap(t).values()) {
    cols.push({ path: [f.name], tables: [t], field: f, get: f.get });
    if (f.relationshipName && f.refRow && f.referenceTo) {
      const target = data.tables.get(f.referenceTo.toLowerCase());
      const name = target && fieldMap(target).get(NAME_FIELDS[target.name] ?? 'name');
      if (target && name) {
        const refRow = f.refRow;
        cols.push({ path: [f.relationshipName, name.name], tables: [t, target], field: name, get: (r) => { const x = refRow(r); return x < 0 ? null : name.get(x); } });
      }
    }
  }
  return cols;
}

function ratesOf(data: OrgData): NonNullable<OrgData['rates']> {
  if (!data.options.multiCurrency) throw new Error('this org has one currency (multiCurrency / --multi-currency, or enableMultiCurrency)');
  return data.rates;
}

/** The name field of objects whose name is not `Name`. */
const NAME_FIELDS: Record<string, string> = { Invoice: 'documentnumber', Payment: 'paymentnumber', CreditMemo: 'documentnumber' };

export function createControl(d: ControlDeps): OrgControl {
  const { data } = d;
  return {
    ...receivablesControl(data),
    ...receivablesDayControl(data),
    ...refundsControl(data),
    ...creditRefundsControl(data),
    ...debitNotesControl(data),
    ...documentsControl(data),
    records(objectName) {
      const t = anyTable(data, objectName);
      const cols = allColumns(data, t);
      const out: Record<string, unknown>[] = [];
      for (const r of t.scan()) if (!t.isDeleted(r)) out.push(materialize(t, cols, r, null));
      return out;
    },
    createInvoices(count, objectName) {
      const { table, store } = data.invoiceTable(objectName);
      const idField = table.fields.find((f) => f.name === 'Id')!;
      return store.create(count).map((r) => idField.get(r) as string);
    },
    updateInvoices(ids, patch) {
      for (const id of ids) {
        const { table, store, row } = data.findInvoice(id);
        if (patch) {
          const fm = fieldMap(table);
          for (const [k, v] of Object.entries(patch)) {
            const f = fm.get(k.toLowerCase());
            if (!f?.set) throw new Error(`field ${k} of ${table.name} cannot be updated`);
            f.set(row, v);
          }
        } else if (store.status[row] === St.Draft) {
          store.status[row] = St.Posted;
        } else if (store.balance[row]! > 0) {
          // a payment arrives: half the balance, or all of it when it is small
          const dec = store.decimalsOf(row);
          const half = Math.round((store.balance[row]! / 2) * 10 ** dec) / 10 ** dec;
          store.balance[row] = half < 100 ? 0 : half;
          if (store.balance[row] === 0) store.status[row] = St.Paid;
        } else {
          store.dueDay[row]! += 30;
        }
        store.touch(row);
      }
    },
    deleteInvoices(ids) {
      for (const id of ids) {
        const { store, row } = data.findInvoice(id);
        store.deleted[row] = 1;
        store.touch(row);
      }
    },
    editInvoiceLine(lineId, patch) {
      const { store, row } = data.findLine(lineId);
      const edit = { ...store.lineEdits.get(row) };
      if (patch.product !== undefined) edit.product = String(patch.product);
      if (patch.quantity !== undefined) edit.quantity = Number(patch.quantity);
      if (patch.unitPrice !== undefined) edit.unitPrice = Number(patch.unitPrice);
      store.lineEdits.set(row, edit);
      store.lineStamps.set(row, store.nextStamp());
      store.lineVersion++;
    },
    deleteInvoiceLines(lineIds) {
      for (const id of lineIds) {
        const { store, row } = data.findLine(id);
        store.lineDeleted.add(row);
        store.lineStamps.set(row, store.nextStamp());
      }
    },
    revokeAllTokens() {
      d.storage.clear('AccessToken', 'RefreshToken', 'AuthorizationCode', 'Grant');
    },
    expireSessions() {
      d.storage.clear('AccessToken');
    },
    expireRefreshTokens() {
      // oidc-provider's own expiry check (exp <= now) refuses them from here on: the answer a lapsed refresh token gets.
      const now = Math.floor(Date.now() / 1000);
      for (const entry of d.storage.model('RefreshToken').values()) entry.payload.exp = now - 1;
    },
    setRotation(on) {
      d.state.rotation = !!on;
    },
    setTokenUrls(urls) {
      d.state.tokenUrls = urls ?? undefined;
    },
    setFieldHidden(objectName, fieldName, hidden) {
      const t = anyTable(data, objectName);
      const f = t.fields.find((x) => x.name.toLowerCase() === String(fieldName).toLowerCase());
      if (!f) throw new Error(`unknown field ${objectName}.${fieldName}`);
      if (f.name === 'Id') throw new Error('Id cannot be hidden');
      if (hidden) t.hidden.add(f.name.toLowerCase());
      else t.hidden.delete(f.name.toLowerCase());
    },
    setObjectHidden(objectName, hidden) {
      const t = anyTable(data, objectName);
      if (data.options.objects.some((kind) => kind.toLowerCase() === t.name.toLowerCase())) throw new Error('an invoice object cannot be hidden');
      if (hidden) data.hiddenObjects.add(t.name.toLowerCase());
      else data.hiddenObjects.delete(t.name.toLowerCase());
    },
    enableMultiCurrency() {
      data.enableMultiCurrency();
    },
    setCurrency(isoCode, patch) {
      ratesOf(data).setCurrency(isoCode, patch ?? {});
    },
    addRatePeriod(isoCode, conversionRate, startDate, nextStartDate) {
      const rates = ratesOf(data);
      if (!data.options.datedRates) throw new Error('this org has no dated rates (datedRates / --dated-rates)');
      return makeId('04w', rates.addPeriod(isoCode, conversionRate, startDate, nextStartDate));
    },
    setRate(isoCode, conversionRate, startDate) {
      ratesOf(data).setRate(isoCode, conversionRate, startDate ?? undefined);
    },
    injectFault(fault: Fault) {
      d.faults.add(fault);
    },
    clearFaults() {
      d.faults.clear();
    },
    bulkJobs() {
      return d.jobs.list().map((job) => ({ id: job.id, state: job.state }));
    },
    counters() {
      return { ...d.counters.snapshot(), documentsRendered: data.documents.renders, documentBytesSent: data.documents.bytesSent };
    },
    resetCounters() {
      d.counters.reset();
    },
    setApiUsage(used) {
      d.counters.apiCalls = Math.max(0, Math.floor(used));
    },
    renameAccount(accountId, name) {
      const account = data.accounts.rows.find((row) => row.Id === accountId);
      if (!account) throw new Error(`no account ${accountId}`);
      account.Name = name;
    },
  };
}
