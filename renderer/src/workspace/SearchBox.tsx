import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  pending: boolean;
  onChange: (value: string) => void;
}

/** Global search on invoice number and customer (Ctrl/Cmd+F). */
export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox({ value, pending, onChange }, ref) {
  const { t } = useTranslation('workspace');
  return (
    <div className="search" role="search">
      <label htmlFor="invoice-search" className="visually-hidden">
        {t('searchLabel')}
      </label>
      <input
        ref={ref}
        id="invoice-search"
        type="search"
        value={value}
        placeholder={t('searchPlaceholder')}
        onChange={(e) => onChange(e.target.value)}
        aria-keyshortcuts="Control+F Meta+F"
        aria-busy={pending || undefined}
        autoComplete="off"
        spellCheck={false}
        data-testid="search"
      />
    </div>
  );
});
