import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation(['invoiceSource', 'columns']);
  return (
    <fieldset className="source-objects" data-testid="invoice-objects">
      <legend>{t('pickerLegend')}</legend>
      {objects.map((object) => {
        const text = shapeText(t, object.shape);
        return (
          <label key={object.name} className="choice source-object" data-object={object.name}>
            <input type="radio" name={name} value={object.name} checked={selected === object.name} onChange={() => onSelect(object.name)} />
            <span>
              <strong>{text.title}</strong>
              {object.recommended && <span className="badge">{t('recommended')}</span>}
              {object.name === current && <span className="badge badge-muted">{t('inUse')}</span>}
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
  const { t } = useTranslation('invoiceSource');
  const tags = { strong: <strong />, code: <code /> };
  return (
    <div className="source-empty" data-testid="no-invoice-object">
      <h3>{t('noneTitle')}</h3>
      <p>{t('noneIntro')}</p>
      <ul>
        <li>
          <Trans t={t} i18nKey="noneRevenue" components={tags} />
        </li>
        <li>
          <Trans t={t} i18nKey="noneBilling" components={tags} />
        </li>
        <li>
          <Trans t={t} i18nKey="noneCustom" components={tags} />
        </li>
      </ul>
      <p className="hint">{t('noneThen')}</p>
    </div>
  );
}
