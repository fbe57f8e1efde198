import { app, safeStorage } from 'electron';
import { protectionLevel } from '../core/secrets/protection-level';
import { createStringSecretBox } from '../core/secrets/string-secret-box';
import type { SecretBox } from '../core/ports';

/**
 * The SecretBox of the app: Electron's safeStorage (Keychain on macOS, DPAPI on Windows,
 * libsecret/KWallet on Linux). Call after `app.whenReady()`; the protection level is read once.
 * On Linux without a keyring safeStorage falls back to a hard-coded key: reported as 'basic_text'
 * so the core keeps tokens in memory unless the user allows weaker storage.
 */
export async function createSafeStorageSecretBox(): Promise<SecretBox> {
  if (!app.isReady()) throw new Error('createSafeStorageSecretBox must be called after app.whenReady()');
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const protection = protectionLevel({
    available,
    platform: process.platform,
    ...(process.platform === 'linux' ? { linuxBackend: safeStorage.getSelectedStorageBackend() } : {}),
  });
  return createStringSecretBox(protection, {
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (sealed) => (await safeStorage.decryptStringAsync(Buffer.from(sealed))).result,
  });
}
