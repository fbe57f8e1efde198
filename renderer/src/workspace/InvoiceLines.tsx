import type { InvoiceDetail } from '../../../electron/contract';
import { formatMoney } from '../invoices/money';

/** The invoice's line items, amounts in the invoice's currency. */
export function InvoiceLines({ lines, currency, locale }: { lines: InvoiceDetail['lines']; currency: string; locale: string | undefined }) {
  if (lines.length === 0) return <p className="hint">No line items.</p>;
  return (
    <table className="lines" data-testid="detail-lines">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" className="num">
            Qty
          </th>
          <th scope="col" className="num">
            Unit price
          </th>
          <th scope="col" className="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <td>{line.name ?? line.description ?? '—'}</td>
            <td className="num">{line.quantity ?? ''}</td>
            <td className="num">{formatMoney(line.unitPrice, currency, locale)}</td>
            <td className="num">{formatMoney(line.amount, currency, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
