import type { PolicyStatus } from '../../../electron/contract';
import { policyText } from './policy-text';

/** Top of Settings: what the organisation's policy file manages, or why Budgetly ignored it. */
export function PolicyNotice({ policy }: { policy: PolicyStatus }) {
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
      <p>{policyText.managed(policy.path)}</p>
      {policy.connections.length > 0 && <p>{policyText.predefined(policy.connections)}</p>}
    </div>
  );
}
