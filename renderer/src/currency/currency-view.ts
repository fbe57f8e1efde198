import type { ConversionBasis } from '../../../electron/contract/conversion/convert';

/** How the workspace shows money: each invoice's own currency, or everything in the corporate currency at a basis. */
export interface CurrencyView {
  showIn: 'own' | 'corporate';
  basis: ConversionBasis;
}

export const ownCurrencies: CurrencyView = { showIn: 'own', basis: 'invoiceDate' };

const key = (connectionId: string) => `budgetly.currencyView.${connectionId}`;

/** The view last chosen for this connection (remembered per connection, on this computer). */
export function loadCurrencyView(connectionId: string): CurrencyView {
  try {
    const saved = JSON.parse(localStorage.getItem(key(connectionId)) ?? 'null') as Partial<CurrencyView> | null;
    return {
      showIn: saved?.showIn === 'corporate' ? 'corporate' : 'own',
      basis: saved?.basis === 'asOf' ? 'asOf' : 'invoiceDate',
    };
  } catch {
    return ownCurrencies;
  }
}

export function saveCurrencyView(connectionId: string, view: CurrencyView): void {
  try {
    localStorage.setItem(key(connectionId), JSON.stringify(view));
  } catch {
    // storage unavailable: the choice lasts until the window closes
  }
}
