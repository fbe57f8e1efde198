import { useTranslation } from 'react-i18next';
import type { SavedViewList } from '../../../electron/contract';
import { useDismiss } from '../lib/use-dismiss';
import { useShortcutLabel } from '../lib/use-shortcut-label';

interface Props {
  list: SavedViewList | null;
  onOpen: (position: number) => void;
  onSave: () => void;
  onManage: () => void;
  onExport: () => void;
  onImport: () => void;
}

/** "Views" in the top bar: the saved views (the first nine with their Ctrl+n), Save view…, Manage, Export, Import. */
export function ViewsMenu({ list, onOpen, onSave, onManage, onExport, onImport }: Props) {
  const { t } = useTranslation('views');
  const shortcut = useShortcutLabel();
  const { ref, onKeyDown, close } = useDismiss();
  const views = list?.views ?? [];
  const act = (action: () => void) => () => {
    close();
    action();
  };
  return (
    <details className="menu views-menu" ref={ref} onKeyDown={onKeyDown}>
      <summary data-testid="views-menu">{t('menu')}</summary>
      <div className="popover" role="group" aria-label={t('menuLabel')}>
        {views.length === 0 && <p className="hint">{t('none')}</p>}
        {views.length > 0 && (
          <ul className="views-list">
            {views.map((view, position) => (
              <li key={view.id}>
                <button
                  type="button"
                  onClick={act(() => onOpen(position))}
                  data-testid="view-item"
                  data-view-id={view.id}
                  aria-keyshortcuts={position < 9 ? `Control+${position + 1} Meta+${position + 1}` : undefined}
                >
                  <span className="view-name">{view.name}</span>
                  {view.id === list?.defaultId && <span className="hint">{t('defaultMark')}</span>}
                  {position < 9 && <kbd>{shortcut(String(position + 1))}</kbd>}
                </button>
              </li>
            ))}
          </ul>
        )}
        <hr />
        <button type="button" onClick={act(onSave)} data-testid="save-view">
          {t('saveView')}
        </button>
        <button type="button" onClick={act(onManage)} disabled={views.length === 0} data-testid="manage-views">
          {t('manageViews')}
        </button>
        <button type="button" onClick={act(onExport)} disabled={views.length === 0} data-testid="export-views">
          {t('exportViews')}
        </button>
        <button type="button" onClick={act(onImport)} data-testid="import-views">
          {t('importViews')}
        </button>
      </div>
    </details>
  );
}
