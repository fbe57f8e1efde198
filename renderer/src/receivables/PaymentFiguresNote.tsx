import type { PaymentFiguresState } from '../../../electron/contract';
import { useTranslation } from 'react-i18next';

/**
 * Why the payment columns are empty, said once above the grid while one of them is shown (an org whose
 * invoice object has no payment objects, or none the user can read, or a copy from before they were
 * synced). Information, not a failure: the rest of the list works as ever.
 */
export function PaymentFiguresNote({ state, shown }: { state: PaymentFiguresState | undefined; shown: boolean }) {
  const { t } = useTranslation('receivables');
  if (!shown || !state || state === 'available') return null;
  const why = { none: t('figuresNone'), unreadable: t('figuresUnreadable'), notSynced: t('figuresNotSynced') }[state];
  return (
    <p className="hint payment-figures-note" role="note" data-testid="payment-figures-note">
      {why}
    </p>
  );
}
