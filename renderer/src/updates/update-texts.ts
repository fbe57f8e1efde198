import type { TFunction } from 'i18next';
import type { UpdatePolicy, UpdateStatus } from '../../../electron/contract';

type T = TFunction<'updates'>;

export function policyLabel(t: T, policy: UpdatePolicy): string {
  return { automatic: t('policyAutomatic'), notify: t('policyNotify'), off: t('policyOff') }[policy];
}

/** One line saying where the update stands. */
export function updateSummary(t: T, status: UpdateStatus, locale?: string): string {
  const version = status.version ?? '';
  if (status.restartWaitsFor) return status.restartWaitsFor === 'sync' ? t('waitsForSync') : t('waitsForExport');
  switch (status.state) {
    case 'checking':
      return t('checking');
    case 'available':
      return status.install === 'manual' ? t('manual', { version }) : t('available', { version });
    case 'downloading': {
      const percent = downloadPercent(status);
      if (percent === null) return t('downloading', { version });
      return t('downloadingPercent', { version, percent: new Intl.NumberFormat(locale, { style: 'percent' }).format(percent / 100) });
    }
    case 'ready':
      return t('ready', { version });
    default:
      return status.lastCheckedAt ? t('upToDate') : t('current', { version: status.currentVersion });
  }
}

export function downloadPercent(status: UpdateStatus): number | null {
  const progress = status.progress;
  return progress && progress.total > 0 ? Math.floor((progress.transferred / progress.total) * 100) : null;
}
