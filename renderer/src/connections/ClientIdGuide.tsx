import { Trans, useTranslation } from 'react-i18next';
import { REDIRECT_URI } from '../../../electron/contract/login-host';

const marks = { strong: <strong />, code: <code className="callback-url" /> };

/** The few steps a Salesforce admin takes once so Budgetly may sign in (Salesforce's own labels stay as Salesforce shows them). */
export function ClientIdGuide() {
  const { t } = useTranslation('connections');
  return (
    <details className="guide">
      <summary>{t('guideSummary')}</summary>
      <ol>
        <li>
          <Trans t={t} i18nKey="guideStep1" components={marks} />
        </li>
        <li>
          <Trans t={t} i18nKey="guideStep2" values={{ url: REDIRECT_URI }} components={marks} />
        </li>
        <li>
          <Trans t={t} i18nKey="guideStep3" components={marks} />
        </li>
        <li>
          <Trans t={t} i18nKey="guideStep4" components={marks} />
        </li>
        <li>
          <Trans t={t} i18nKey="guideStep5" components={marks} />
        </li>
      </ol>
    </details>
  );
}
