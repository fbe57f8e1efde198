import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretProtection } from '../../../../electron/contract';
import type { SecretBox } from '../../../../electron/core/ports';

/** AES-256-GCM with a key given by the test, so two processes (or two app starts) share it, as safeStorage does. */
export class FixedKeySecretBox implements SecretBox {
  constructor(
    private readonly key: Buffer = randomBytes(32),
    public level: SecretProtection = 'os',
  ) {}

  get keyHex(): string {
    return this.key.toString('hex');
  }

  protection(): SecretProtection {
    return this.level;
  }

  async seal(plain: Uint8Array): Promise<Uint8Array> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  async open(sealed: Uint8Array): Promise<Uint8Array> {
    const buffer = Buffer.from(sealed);
    const decipher = createDecipheriv('aes-256-gcm', this.key, buffer.subarray(0, 12));
    decipher.setAuthTag(buffer.subarray(12, 28));
    return Buffer.concat([decipher.update(buffer.subarray(28)), decipher.final()]);
  }
}
