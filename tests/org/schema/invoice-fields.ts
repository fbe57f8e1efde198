import { CURRENCIES, type AccountData } from '../data/accounts.ts';
import { makeId } from '../data/ids.ts';
import { St, type InvoiceStore } from '../data/invoice-store.ts';
import { dayToIso, isoToDay } from '../data/random.ts';
import type { FieldDef } from './table.ts';

/** Builders for the fields every invoice shape has, whatever it calls them. */
export class FieldKit {
  constructor(
    readonly store: InvoiceStore,
    readonly accounts: AccountData,
    readonly prefix: string,
    readonly multiCurrency: boolean,
  ) {}

  id(label: string): FieldDef {
    return { name: 'Id', label, type: 'id', get: (r) => makeId(this.prefix, r) };
  }

  deleted(): FieldDef {
    return { name: 'IsDeleted', label: 'Deleted', type: 'boolean', get: (r) => this.store.deleted[r] === 1 };
  }

  account(name: string, label: string, relationshipName: string, custom = false): FieldDef {
    const s = this.store;
    return {
      name, label, type: 'reference', referenceTo: 'Account', relationshipName, custom, nillable: true, updateable: true,
      get: (r) => this.accounts.rows[s.account[r]!]!.Id,
      refRow: (r) => s.account[r]!,
      set: (r, v) => {
        const idx = this.accounts.rows.findIndex((a) => a.Id === v);
        if (idx < 0) throw new Error(`unknown account ${String(v)}`);
        s.account[r] = idx;
      },
    };
  }

  date(name: string, label: string, col: 'invDay' | 'dueDay', custom = false): FieldDef {
    const s = this.store;
    return {
      name, label, type: 'date', custom, nillable: true, updateable: true,
      get: (r) => dayToIso(s[col][r]!),
      set: (r, v) => { s[col][r] = isoToDay(String(v)); },
    };
  }

  money(name: string, label: string, get: (r: number) => number, set?: (r: number, v: number) => void, custom = false): FieldDef {
    return {
      name, label, type: 'currency', custom, nillable: true, precision: 18, scale: 2,
      updateable: !!set, get, set: set ? (r, v) => set(r, Number(v)) : undefined,
    };
  }

  total = (r: number): number => this.store.total[r]!;
  tax = (r: number): number => this.store.tax[r]!;
  gross = (r: number) => {
    const f = 10 ** this.store.decimalsOf(r);
    return Math.round((this.store.total[r]! + this.store.tax[r]!) * f) / f;
  };
  balance = (r: number): number => this.store.balance[r]!;
  setBalance = (r: number, v: number) => { this.store.balance[r] = v; };

  /** Picklist over the canonical status code, with this shape's labels (index = St code). */
  status(name: string, label: string, values: string[], custom = false, derive?: (r: number) => string, unlisted: string[] = []): FieldDef {
    const s = this.store;
    // `unlisted`: values after `values` (St codes on from values.length) that records may hold and describe does not list
    // (a picklist value deactivated in Setup stays on its records; describe lists the active values).
    const held = [...values, ...unlisted];
    return {
      name, label, type: 'picklist', custom, nillable: true, updateable: !derive,
      picklist: [...new Set(values)],
      get: derive ?? ((r) => held[s.status[r]!]),
      set: derive ? undefined : (r, v) => {
        const code = held.indexOf(String(v));
        if (code < 0) throw new Error(`bad picklist value ${String(v)} for ${name}`);
        s.status[r] = code;
      },
    };
  }

  paymentStatus = (r: number): string => {
    const s = this.store;
    if (s.status[r] === St.Cancelled || s.status[r] === St.Rebilled || s.status[r] === St.Draft) return 'Unpaid';
    if (s.balance[r]! <= 0) return 'Paid';
    return s.balance[r]! < this.gross(r) ? 'Partially Paid' : 'Unpaid';
  };

  currency(): FieldDef[] {
    if (!this.multiCurrency) return [];
    return [{
      name: 'CurrencyIsoCode', label: 'Currency ISO Code', type: 'picklist', picklist: [...CURRENCIES],
      get: (r) => this.store.currencyOf(r),
    }];
  }

  audit(): FieldDef[] {
    const s = this.store;
    return [
      { name: 'CreatedDate', label: 'Created Date', type: 'datetime', get: (r) => s.created[r] },
      { name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', get: (r) => s.modstamp[r], stored: () => s.modstamp },
      { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', get: (r) => s.modstamp[r], stored: () => s.modstamp },
    ];
  }

  /**
   * Payment terms as Salesforce Billing names them ("Net 30"): the days from the invoice date to the due date
   * (a picklist of the generated terms; a due date moved by the control API gives the matching "Net N").
   */
  paymentTerm(name: string, label: string, custom = false): FieldDef {
    const s = this.store;
    return {
      name, label, type: 'picklist', custom, nillable: true,
      picklist: ['Due on receipt', 'Net 15', 'Net 30', 'Net 45', 'Net 60'],
      get: (r) => {
        const days = s.dueDay[r]! - s.invDay[r]!;
        if (!Number.isFinite(days)) return null;
        return days === 0 ? 'Due on receipt' : `Net ${days}`;
      },
    };
  }

  text(name: string, label: string, get: (r: number) => string, custom = false, autoNumber = false): FieldDef {
    return { name, label, type: 'string', custom, autoNumber, nillable: !autoNumber, length: 80, get };
  }
}
