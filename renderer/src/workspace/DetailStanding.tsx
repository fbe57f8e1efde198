import { useTranslation } from 'react-i18next';
import { agingBucketLabels, type AgingBucketKey } from '../../../electron/contract/aging-buckets';
import type { StatusKind } from '../../../electron/contract/invoice-status';
import { useLocale } from '../i18n/locale-context';
import { formatCount } from '../invoices/money';

/** Where the open invoice stands in the chase, as of the aging date: as the grid and the chart count it. */
export interface Standing {
  kind: StatusKind;
  /** Counted in receivables (posted, or a draft with drafts included). */
  counted: boolean;
  daysOverdue: number;
  bucket: AgingBucketKey | null;
}

/** Under the invoice's heading: days overdue and the aging bucket, or why it is not a receivable. */
export function DetailStanding({ standing }: { standing: Standing }) {
  const { t } = useTranslation(['invoiceDetail', 'workspace']);
  const locale = useLocale();
  const { kind, counted, daysOverdue, bucket } = standing;
  let text: string;
  if (!counted) text = kind === 'cancelled' ? t('standingCancelled') : t('standingDraft');
  else if (bucket === null) text = t('standingNothingOwed');
  else {
    const days = daysOverdue > 0 ? t('standingOverdue', { count: daysOverdue, n: formatCount(daysOverdue, locale) }) : t('standingNotOverdue');
    text = t('standingBucket', { days, bucket: bucket === 'current' ? t('workspace:agingCurrent') : agingBucketLabels[bucket] });
  }
  return (
    <p className="detail-standing" data-testid="detail-standing" data-days={daysOverdue} data-bucket={bucket ?? ''}>
      {text}
    </p>
  );
}
