import type { UpdatePolicy, UpdateStatus } from '../../../electron/contract';

/** Every word the update UI shows (English until the i18n catalogue is on main). */
export const updateTexts = {
  legend: 'Updates',
  policies: {
    automatic: 'Download updates automatically (you choose when to restart)',
    notify: 'Tell me when an update is available',
    off: 'Never check for updates',
  } satisfies Record<UpdatePolicy, string>,
  locked: 'Your organisation manages updates on this computer.',
  checkNow: 'Check for updates',
  download: 'Download update',
  restart: 'Restart to update',
  downloadPage: 'Download from the website',
  readyNotice: 'Update ready',
  current: (version: string) => `You have Budgetly ${version}.`,
  checking: 'Checking for updates…',
  upToDate: 'Budgetly is up to date.',
  available: (version: string) => `Budgetly ${version} is available.`,
  manual: (version: string) => `Budgetly ${version} is available. Your package manager installed this copy, so download the new version from the website.`,
  downloading: (version: string, percent: number | null) => `Downloading Budgetly ${version}${percent === null ? '…' : ` (${percent}%)`}`,
  ready: (version: string) => `Budgetly ${version} is downloaded and verified. It is installed when you restart or quit.`,
  waitsFor: { sync: 'Restarting as soon as the sync finishes…', export: 'Restarting as soon as the export finishes…' } satisfies Record<
    NonNullable<UpdateStatus['restartWaitsFor']>,
    string
  >,
  progressLabel: 'Update download',
} as const;

/** One line saying where the update stands. */
export function updateSummary(status: UpdateStatus): string {
  const version = status.version ?? '';
  if (status.restartWaitsFor) return updateTexts.waitsFor[status.restartWaitsFor];
  switch (status.state) {
    case 'checking':
      return updateTexts.checking;
    case 'available':
      return status.install === 'manual' ? updateTexts.manual(version) : updateTexts.available(version);
    case 'downloading':
      return updateTexts.downloading(version, downloadPercent(status));
    case 'ready':
      return updateTexts.ready(version);
    default:
      return status.lastCheckedAt ? updateTexts.upToDate : updateTexts.current(status.currentVersion);
  }
}

export function downloadPercent(status: UpdateStatus): number | null {
  const progress = status.progress;
  return progress && progress.total > 0 ? Math.floor((progress.transferred / progress.total) * 100) : null;
}
