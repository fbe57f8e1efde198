import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcutLabel } from '../lib/use-shortcut-label';

interface Props {
  value: string;
  pending: boolean;
  onChange: (value: string) => void;
  /** Enter: open the first match. */
  onSubmit: () => void;
}

/**
 * Global search on invoice number, customer and amount (Ctrl/Cmd+F). Enter opens the first match; Escape clears
 * the search (the browser's own clearing of a search field, made explicit), and a second Escape — nothing left
 * to clear — goes on to the workspace's shortcut, which closes the detail panel.
 */
export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox({ value, pending, onChange, onSubmit }, ref) {
  const { t } = useTranslation('workspace');
  const shortcut = useShortcutLabel();
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
        placeholder={t('searchPlaceholder', { keys: shortcut('F') })}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            onSubmit();
          } else if (e.key === 'Escape' && value !== '') {
            e.preventDefault();
            onChange('');
          }
        }}
        aria-keyshortcuts="Control+F Meta+F"
        aria-busy={pending || undefined}
        autoComplete="off"
        spellCheck={false}
        data-testid="search"
      />
    </div>
  );
});
