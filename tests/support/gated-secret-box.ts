import { readFileSync } from 'node:fs';
import { TestSecretBox } from './test-ports';

/**
 * The test secret box (the OS keychain's port) that holds `open` of the sealed keys in `held` until `letGo`: a copy
 * whose data key is held cannot be decoded yet. How a test sees that something came *before* the whole offline copy
 * was read, without timing anything.
 */
export class GatedSecretBox extends TestSecretBox {
  private readonly held = new Set<string>();
  /** Opens waiting at the gate now. */
  waiting = 0;
  private release: () => void = () => undefined;
  private gate = Promise.resolve();

  hold(sealedKeys: string[]): void {
    for (const key of sealedKeys) this.held.add(key);
    this.gate = new Promise((resolve) => (this.release = resolve));
  }

  override open(sealed: Uint8Array): Promise<Uint8Array> {
    if (!this.held.has(Buffer.from(sealed).toString('base64'))) return super.open(sealed);
    this.waiting++;
    return this.gate.then(() => {
      this.waiting--;
      return super.open(sealed);
    });
  }

  letGo(): void {
    this.held.clear();
    this.release();
  }
}

/** The sealed data key in the header of the offline copy at `path`: what its decode must open first. */
export function copyKeyOf(path: string): string {
  const bytes = readFileSync(path);
  return (JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32BE(8)).toString()) as { key: string }).key;
}
