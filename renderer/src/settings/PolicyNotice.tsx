import type { PolicyStatus } from '../../../electron/contract';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';

/** Top of Settings: what the organisation's policy file manages, or why Budgetly ignored it. */
export function PolicyNotice({ policy }: { policy: PolicyStatus }) {
  const { t } = useTranslation('settings');
  const locale = useLocale();
  if (policy.state === 'refused') {
    return (
      <p className="warning-text" role="status" data-testid="policy-notice">
        {policy.problem}
      </p>
    );
  }
  if (policy.state !== 'applied' || policy.path === null) return null;
  return (
    <div className="hint" role="status" data-testid="policy-notice">
      <p>{t('policyManaged', { path: policy.path })}</p>
      {policy.connections.length > 0 && <p>{t('policyPredefined', { names: new Intl.ListFormat(locale).format(policy.connections) })}</p>}
    </div>
  );
}
