import type { SecretProtection } from '../../contract';
import type { SecretBox } from '../ports';

/** An OS facility that encrypts strings (safeStorage's encryptStringAsync / decryptStringAsync). */
export interface StringEncryptor {
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(sealed: Uint8Array): Promise<string>;
}

/**
 * A SecretBox over a string encryptor: bytes travel as base64 text, so any byte sequence
 * survives. With protection 'unavailable' it refuses to seal or open anything.
 */
export function createStringSecretBox(protection: SecretProtection, encryptor: StringEncryptor): SecretBox {
  const refuse = () => Promise.reject(new Error('Encryption is not available on this computer'));
  return {
    protection: () => protection,
    async seal(plain) {
      if (protection === 'unavailable') return refuse();
      return encryptor.encrypt(Buffer.from(plain).toString('base64'));
    },
    async open(sealed) {
      if (protection === 'unavailable') return refuse();
      const text = await encryptor.decrypt(sealed);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error('Not a sealed Budgetly value');
      return new Uint8Array(Buffer.from(text, 'base64'));
    },
  };
}
