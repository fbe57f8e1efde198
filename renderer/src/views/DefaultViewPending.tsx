import { useTranslation } from 'react-i18next';

/**
 * In the grid while the connection's default view waits for every invoice (issue #19): its order and filters need the
 * whole list, and rows in any other order would be wrong rows. Without a name, the views are still being read.
 */
export function DefaultViewPending({ name }: { name: string | null }) {
  const { t } = useTranslation(['workspace', 'common']);
  return (
    <p className="empty" role="status" aria-busy="true" data-testid="default-view-pending">
      {name === null ? t('common:loading') : t('defaultViewPending', { name })}
    </p>
  );
}
