import type { InvoiceObject } from '../../../electron/contract';
import { shapeText } from './source-text';

interface Props {
  name: string;
  objects: readonly InvoiceObject[];
  selected: string | undefined;
  /** The object the connection uses now. */
  current: string | undefined;
  onSelect: (object: string) => void;
}

/** The org's invoice objects, best first, the recommended one marked, each explained in plain words. */
export function ObjectPicker({ name, objects, selected, current, onSelect }: Props) {
  return (
    <fieldset className="source-objects" data-testid="invoice-objects">
      <legend>Where are your invoices kept?</legend>
      {objects.map((object) => {
        const text = shapeText[object.shape];
        return (
          <label key={object.name} className="choice source-object" data-object={object.name}>
            <input type="radio" name={name} value={object.name} checked={selected === object.name} onChange={() => onSelect(object.name)} />
            <span>
              <strong>{text.title}</strong>
              {object.recommended && <span className="badge">Recommended</span>}
              {object.name === current && <span className="badge badge-muted">In use</span>}
              <span className="hint source-object-name">
                {' '}
                {object.label !== object.name && `${object.label} · `}
                <code>{object.name}</code>
              </span>
              <span className="hint source-object-explain">{text.explain}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** No invoice object this user can read: what the Salesforce admin can do about it. */
export function NoInvoiceObject() {
  return (
    <div className="source-empty" data-testid="no-invoice-object">
      <h3>No invoices found in this org</h3>
      <p>Budgetly looked for an invoice object your Salesforce user can read and found none. Ask your Salesforce admin to do one of these:</p>
      <ul>
        <li>
          Turn on <strong>Revenue Cloud</strong> invoicing, which provides the standard <code>Invoice</code> object.
        </li>
        <li>
          Install <strong>Salesforce Billing</strong>, which provides <code>blng__Invoice__c</code>.
        </li>
        <li>
          If your company keeps invoices in its own object, give your user <strong>Read</strong> access to it (a permission set), and make sure its name or label
          contains “Invoice”.
        </li>
      </ul>
      <p className="hint">Then open this window again.</p>
    </div>
  );
}
