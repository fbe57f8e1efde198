import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../electron/contract';
import { MAX_VIEW_NAME } from '../../../electron/contract/saved-view-limits';
import { errorOf } from '../api/result';

interface Props {
  views: readonly SavedView[];
  onSave: (name: string) => Promise<unknown>;
  onClose: () => void;
}

/** Save view…: a name for the workspace as it is (a view of that name is replaced, said before saving). */
export function SaveViewDialog({ views, onSave, onClose }: Props) {
  const { t } = useTranslation('views');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const trimmed = name.trim();
  const replaced = views.find((view) => view.name.toLocaleLowerCase() === trimmed.toLocaleLowerCase());

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!trimmed) return;
    setSaving(true);
    try {
      await onSave(trimmed);
      ref.current?.close();
    } catch (e) {
      setError(errorOf(e).message);
      setSaving(false);
    }
  }

  return (
    <dialog ref={ref} className="views-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="save-view-dialog">
      <form onSubmit={(event) => void submit(event)}>
        <header className="dialog-header">
          <h2 id={titleId}>{t('saveTitle')}</h2>
        </header>
        <label htmlFor={inputId}>{t('nameLabel')}</label>
        <input id={inputId} value={name} maxLength={MAX_VIEW_NAME} onChange={(event) => setName(event.target.value)} data-testid="view-name" autoFocus />
        <p className="hint">{replaced ? t('replaces', { name: replaced.name }) : t('saveHint')}</p>
        {error && <p role="alert">{error}</p>}
        <div className="form-actions">
          <button type="button" onClick={() => ref.current?.close()}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={!trimmed || saving} data-testid="save-view-confirm">
            {t('save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
