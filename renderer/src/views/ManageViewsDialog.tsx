import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView, SavedViewList } from '../../../electron/contract';
import { MAX_VIEW_NAME } from '../../../electron/contract/saved-view-limits';
import type { SavedViews } from './use-saved-views';

interface Props {
  list: SavedViewList;
  saved: Pick<SavedViews, 'update' | 'remove'>;
  onClose: () => void;
}

/** One view's row: its name (renamed in place: Enter or leaving the field), up, down, default, delete (asked first). */
function ViewRow({ view, position, count, isDefault, saved }: { view: SavedView; position: number; count: number; isDefault: boolean; saved: Props['saved'] }) {
  const { t } = useTranslation('views');
  const [name, setName] = useState(view.name);
  const [asking, setAsking] = useState(false);
  const quiet = (pending: Promise<unknown>) => void pending.catch(() => {});
  const rename = () => {
    const next = name.trim();
    if (next && next !== view.name) quiet(saved.update({ id: view.id, name: next }).catch(() => setName(view.name)));
    else setName(view.name);
  };
  return (
    <li data-testid="manage-view" data-view-id={view.id}>
      <input
        value={name}
        maxLength={MAX_VIEW_NAME}
        aria-label={t('renameLabel', { n: position + 1 })}
        onChange={(event) => setName(event.target.value)}
        onBlur={rename}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            rename();
          }
        }}
        data-testid="rename-view"
      />
      <button type="button" onClick={() => quiet(saved.update({ id: view.id, move: 'up' }))} disabled={position === 0} data-testid="move-view-up">
        {t('moveUp')}
      </button>
      <button type="button" onClick={() => quiet(saved.update({ id: view.id, move: 'down' }))} disabled={position === count - 1} data-testid="move-view-down">
        {t('moveDown')}
      </button>
      <button type="button" aria-pressed={isDefault} onClick={() => quiet(saved.update({ id: view.id, isDefault: !isDefault }))} data-testid="default-view">
        {t('isDefault')}
      </button>
      {asking ? (
        <span className="confirm-delete" role="group" aria-label={t('confirmDelete', { name: view.name })}>
          {t('confirmDelete', { name: view.name })}
          <button type="button" className="danger" onClick={() => quiet(saved.remove(view.id))} data-testid="delete-view-confirm">
            {t('delete')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('keep')}
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setAsking(true)} data-testid="delete-view">
          {t('delete')}
        </button>
      )}
    </li>
  );
}

/** Manage views…: rename in place, move up or down, choose the one opened at launch, delete. */
export function ManageViewsDialog({ list, saved, onClose }: Props) {
  const { t } = useTranslation('views');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="views-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="manage-views-dialog">
      <header className="dialog-header">
        <h2 id={titleId}>{t('manageTitle')}</h2>
      </header>
      {list.views.length === 0 && <p className="hint">{t('none')}</p>}
      <ol className="manage-views">
        {list.views.map((view, position) => (
          <ViewRow key={`${view.id}:${view.name}`} view={view} position={position} count={list.views.length} isDefault={view.id === list.defaultId} saved={saved} />
        ))}
      </ol>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => ref.current?.close()} data-testid="manage-views-close">
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
