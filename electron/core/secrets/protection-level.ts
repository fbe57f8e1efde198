import type { SecretProtection } from '../../contract';

/**
 * How well the OS protects what safeStorage encrypts, said honestly:
 * no encryption → 'unavailable'; Linux without a keyring (Chromium's hard-coded key) → 'basic_text';
 * otherwise (Keychain, DPAPI, libsecret, KWallet) → 'os'.
 */
export function protectionLevel(facts: { available: boolean; platform: string; linuxBackend?: string }): SecretProtection {
  if (!facts.available) return 'unavailable';
  if (facts.platform === 'linux' && (facts.linuxBackend === 'basic_text' || facts.linuxBackend === 'unknown')) return 'basic_text';
  return 'os';
}
