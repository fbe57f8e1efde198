import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';

interface Props {
  /** Labels of the columns hidden to fit next to the detail panel. */
  tucked: string[];
  showingAll: boolean;
  onShowAll: (showAll: boolean) => void;
}

/** Says which columns made room for the detail panel, with a way to see every column (the table then scrolls sideways). */
export function TuckedColumnsNote({ tucked, showingAll, onShowAll }: Props) {
  const { t } = useTranslation('columns');
  const locale = useLocale();
  return (
    <p className="tucked-note hint" data-testid="tucked-columns" data-tucked={tucked.length}>
      {showingAll ? (
        <>
          {t('allShown')}{' '}
          <button type="button" className="link" onClick={() => onShowAll(false)}>
            {t('fitTable')}
          </button>
        </>
      ) : (
        <>
          {t('tucked', { count: tucked.length, columns: new Intl.ListFormat(locale, { type: 'conjunction' }).format(tucked) })}{' '}
          <button type="button" className="link" onClick={() => onShowAll(true)}>
            {t('showAll')}
          </button>
        </>
      )}
    </p>
  );
}
