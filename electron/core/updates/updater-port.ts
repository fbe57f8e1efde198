/**
 * The "updater" port of DESIGN.md: check / download (verified) / apply. In the app it is
 * electron-updater (`electron-updater-port.ts` over the platform's updater, built in the shell);
 * in tests the same adapter runs electron-updater's own classes against a local update server.
 */

/** How this installation is updated (see `updateStatusSchema.install`). */
export type InstallKind = 'self' | 'manual' | 'none';

export interface UpdateOffer {
  /** The newer version the update server offers (semver). */
  version: string;
}

export interface DownloadProgress {
  transferred: number;
  total: number;
}

/** Why a check or download failed: `integrity` = the file did not match the sha512 of the metadata (and was deleted). */
export class UpdateFailure extends Error {
  constructor(
    readonly kind: 'network' | 'integrity' | 'metadata',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpdateFailure';
  }
}

export interface UpdaterPort {
  readonly install: InstallKind;
  /** Where a person downloads the app by hand (deb/rpm, or when an update cannot be applied). */
  readonly downloadPage: string | null;
  /** Asks the update server; null when it offers nothing newer than this version. Rejects with UpdateFailure. */
  check(): Promise<UpdateOffer | null>;
  /** Downloads the offered update and verifies it; resolves once it is ready to apply. Rejects with UpdateFailure. */
  download(onProgress: (progress: DownloadProgress) => void): Promise<void>;
  /** Quits the app, applies the downloaded update and starts the new version. Only ever on the user's word. */
  restartAndApply(): void;
}

/** A development run (not packaged) or a build without an update feed: nothing to check. */
export function noUpdater(downloadPage: string | null = null): UpdaterPort {
  const refuse = () => Promise.reject(new UpdateFailure('metadata', 'This build has no update feed.'));
  return { install: 'none', downloadPage, check: refuse, download: refuse, restartAndApply: () => undefined };
}
