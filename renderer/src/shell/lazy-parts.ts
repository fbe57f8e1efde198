import { useState } from 'react';
import { retryableLazy } from './retryable-lazy';
import { loadPolicy } from '../settings/use-policy';

/**
 * Issue #19 (cold start): the parts of the window its first screen does not show, each a chunk of its own, loaded
 * when first opened (render them inside `<LazyPart>`). The start-up bundle keeps the workspace, the grid and what
 * frames them; these come from the app's own files on first use (the CSP's script-src 'self'), offline too.
 */
// With the machine's policy: the dialog opens with its locked settings locked, as when it was in the bundle.
export const SettingsDialog = retryableLazy(() => Promise.all([import('../settings/SettingsDialog'), loadPolicy()]).then(([m]) => ({ default: m.SettingsDialog })));
export const ConnectScreen = retryableLazy(() => import('../connections/ConnectScreen').then((m) => ({ default: m.ConnectScreen })));
export const EditConnectionDialog = retryableLazy(() => import('../connections/EditConnectionDialog').then((m) => ({ default: m.EditConnectionDialog })));
export const ConnectionDetailsDialog = retryableLazy(() => import('../connections/ConnectionDetailsDialog').then((m) => ({ default: m.ConnectionDetailsDialog })));
export const ProvisionedConnectionDialog = retryableLazy(() =>
  import('../provisioning/ProvisionedConnectionDialog').then((m) => ({ default: m.ProvisionedConnectionDialog })),
);
export const InvoiceSourceDialog = retryableLazy(() => import('../invoice-source/InvoiceSourceDialog').then((m) => ({ default: m.InvoiceSourceDialog })));
export const DetailPanel = retryableLazy(() => import('../workspace/DetailPanel').then((m) => ({ default: m.DetailPanel })));
export const CustomerView = retryableLazy(() => import('../receivables/CustomerView').then((m) => ({ default: m.CustomerView })));
export const AgingByCustomer = retryableLazy(() => import('../report/AgingByCustomer').then((m) => ({ default: m.AgingByCustomer })));
export const StatementDialog = retryableLazy(() => import('../statements/StatementDialog').then((m) => ({ default: m.StatementDialog })));
export const SaveViewDialog = retryableLazy(() => import('../views/SaveViewDialog').then((m) => ({ default: m.SaveViewDialog })));
export const ManageViewsDialog = retryableLazy(() => import('../views/ManageViewsDialog').then((m) => ({ default: m.ManageViewsDialog })));

/**
 * True from the first time `open` is true on: a dialog that opens and closes itself (a `<dialog>` with an `open`
 * prop) is mounted — its code loaded — only once it is first opened, and stays mounted after, as before.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
