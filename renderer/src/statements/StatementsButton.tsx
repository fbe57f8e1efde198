import { useState } from 'react';
import type { CustomerRef } from '../../../electron/contract/customer-aging';
import { useTranslation } from 'react-i18next';
import { LazyPart } from '../shell/LazyPart';
import { StatementDialog } from '../shell/lazy-parts';

interface Props {
  connectionId: string;
  asOf: string;
  /** The customers of the invoices on screen (or of the report), asked when the button is pressed. */
  customers: () => Promise<CustomerRef[]>;
  disabled: boolean;
}

/** "Statements…" over the list or the report: one customer's statement, or one PDF per customer into a folder. */
export function StatementsButton({ connectionId, asOf, customers, disabled }: Props) {
  const { t } = useTranslation('statements');
  const [chosen, setChosen] = useState<CustomerRef[] | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={disabled}
        onClick={() =>
          void customers().then((list) => {
            if (list.length > 0) setChosen(list);
          })
        }
        data-testid="statements-button"
      >
        {t('openDialogMany')}
      </button>
      {chosen && (
        <LazyPart>
          <StatementDialog connectionId={connectionId} customers={chosen} asOf={asOf} onClose={() => setChosen(null)} />
        </LazyPart>
      )}
    </>
  );
}
