import { useTranslation } from 'react-i18next';

/** Opens the aging-by-customer report in place of the grid (pressed while it is open). */
export function ReportButton({ open, disabled, onToggle }: { open: boolean; disabled: boolean; onToggle: (open: boolean) => void }) {
  const { t } = useTranslation('report');
  return (
    <button type="button" aria-pressed={open} disabled={disabled} onClick={() => onToggle(!open)} data-testid="aging-report-open">
      {t('title')}
    </button>
  );
}
