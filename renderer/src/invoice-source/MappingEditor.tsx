import { useId, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { FieldMapping, InvoiceFieldKey, Mapping } from '../../../electron/contract';
import type { StatusKindMap } from '../../../electron/contract/invoice-status';
import { canonicalFields, compatibleFields, fieldText } from './source-text';
import { StatusKindsEditor } from './StatusKindsEditor';

interface Props {
  mapping: Mapping;
  saving: boolean;
  onSave: (fields: FieldMapping, statusKinds: StatusKindMap) => void;
}

/** The status meanings the mapping holds now (defaults and earlier choices). */
const kindsOf = (mapping: Mapping): StatusKindMap => Object.fromEntries(mapping.statuses.map((status) => [status.value, status.kind]));

function sameFields(a: FieldMapping, b: FieldMapping): boolean {
  return canonicalFields.every((key) => (a[key] ?? '') === (b[key] ?? ''));
}

/**
 * Which Salesforce field fills each invoice field. Each select offers only the fields whose type fits;
 * the warnings say which fields are left empty (e.g. hidden by field-level security).
 * Keyed by the saved mapping in its parent, so a save starts it afresh.
 */
export function MappingEditor({ mapping, saving, onSave }: Props) {
  const { t } = useTranslation(['invoiceSource', 'columns']);
  const id = useId();
  const [draft, setDraft] = useState<FieldMapping>(mapping.fields);
  const [kinds, setKinds] = useState<StatusKindMap>(() => kindsOf(mapping));
  const kindsChanged = mapping.statuses.some((status) => kinds[status.value] !== status.kind);
  const dirty = !sameFields(draft, mapping.fields) || kindsChanged;

  const change = (key: InvoiceFieldKey, name: string) => {
    setDraft((current) => {
      const next = { ...current };
      if (name) next[key] = name;
      else delete next[key];
      return next;
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft, kinds);
  };

  return (
    <form className="mapping-editor" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="mapping-editor">
      <h3 id={`${id}-title`}>{t('fieldsTitle')}</h3>
      <p className="hint">
        <Trans t={t} i18nKey="fieldsHint" values={{ object: mapping.object }} components={{ code: <code /> }} />
      </p>
      {mapping.warnings.length > 0 && (
        <div className="mapping-warnings" role="status" data-testid="mapping-warnings">
          <strong>{t('needsAttention')}</strong>
          <ul>
            {mapping.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="mapping-rows">
        {canonicalFields.map((key) => {
          const { label, hint } = fieldText(t, key);
          const value = draft[key] ?? '';
          const options = compatibleFields(mapping.available, key, draft[key]);
          return (
            <div className="mapping-row" key={key} data-field={key}>
              <label htmlFor={`${id}-${key}`}>{label}</label>
              <select id={`${id}-${key}`} value={value} onChange={(e) => change(key, e.target.value)} aria-describedby={`${id}-${key}-hint`}>
                {/* Leaving a field empty lets Budgetly propose one again. */}
                <option value="">{value ? t('letBudgetlyChoose') : t('notMapped')}</option>
                {options.map((field) => (
                  <option key={field.name} value={field.name}>
                    {field.label} ({field.name})
                  </option>
                ))}
              </select>
              <span id={`${id}-${key}-hint`} className="hint">
                {hint}
              </span>
            </div>
          );
        })}
      </div>
      <StatusKindsEditor statuses={mapping.statuses} draft={kinds} onChange={(value, kind) => setKinds((current) => ({ ...current, [value]: kind }))} />
      <div className="form-actions">
        <button
          type="button"
          disabled={!dirty || saving}
          onClick={() => {
            setDraft(mapping.fields);
            setKinds(kindsOf(mapping));
          }}
        >
          {t('undo')}
        </button>
        <button type="submit" className="primary" disabled={!dirty || saving} data-testid="save-mapping">
          {saving ? t('saving') : t('saveFields')}
        </button>
      </div>
    </form>
  );
}
