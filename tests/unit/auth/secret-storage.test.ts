import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { protectionLevel } from '../../../electron/core/secrets/protection-level';
import { SealedStore } from '../../../electron/core/secrets/sealed-store';
import { createStringSecretBox, type StringEncryptor } from '../../../electron/core/secrets/string-secret-box';
import { TokenVault } from '../../../electron/core/secrets/token-vault';
import { SettingsService } from '../../../electron/core/settings/settings-service';
import { MemoryLogger, TestSecretBox, createTestStore, tempDir } from '../../support/test-ports';

const tokens = { accessToken: '00D000000000001!AQ.access', refreshToken: '5Aep861.refresh.token', instanceUrl: 'https://acme.my.salesforce.com' };
// Any of the sign-in's texts in the clear. Whole values, not prefixes: a 4-character prefix such as "00D" turns up in
// random base64 ciphertext now and then (CI, 2026-12-05: "…ys00D3UL…" failed the 'os' test once).
const readable = new RegExp([tokens.accessToken, tokens.refreshToken, 'acme.my.salesforce.com'].map((text) => text.replace(/[.*+?^${}()|[\]\\!]/g, '\\$&')).join('|'));
/**
 * The store's file as written and every base64 text in it decoded: a box that wrapped the plain JSON without encrypting
 * it (an envelope's `data` is base64) would leave the tokens one `base64 -d` away, which the file's text alone hides.
 */
const views = (text: string): string[] => [text, ...Array.from(text.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g), ([run]) => Buffer.from(run, 'base64').toString('latin1'))];
const nothingReadable = (text: string) => {
  for (const view of views(text)) expect(view).not.toMatch(readable);
};
const removals: (() => void)[] = [];
afterEach(() => removals.splice(0).forEach((remove) => remove()));

function vaultWith(level: 'os' | 'basic_text' | 'unavailable') {
  const temp = tempDir();
  removals.push(temp.remove);
  const store = createTestStore(temp.dir);
  const settings = new SettingsService(store);
  const box = new TestSecretBox(level);
  const vault = new TokenVault(box, store, settings, new MemoryLogger());
  const file = () => readFileSync(join(temp.dir, 'settings.json'), 'utf8');
  return { vault, store, settings, box, file, dir: temp.dir };
}

describe('protection level (safeStorage facts → what Budgetly tells the user)', () => {
  it('is honest about Linux without a keyring and about no encryption at all', () => {
    expect(protectionLevel({ available: true, platform: 'darwin' })).toBe('os');
    expect(protectionLevel({ available: true, platform: 'win32' })).toBe('os');
    expect(protectionLevel({ available: true, platform: 'linux', linuxBackend: 'gnome_libsecret' })).toBe('os');
    expect(protectionLevel({ available: true, platform: 'linux', linuxBackend: 'kwallet6' })).toBe('os');
    expect(protectionLevel({ available: true, platform: 'linux', linuxBackend: 'basic_text' })).toBe('basic_text');
    expect(protectionLevel({ available: false, platform: 'linux', linuxBackend: 'gnome_libsecret' })).toBe('unavailable');
    expect(protectionLevel({ available: false, platform: 'darwin' })).toBe('unavailable');
  });
});

describe('string secret box (the safeStorage adapter’s core)', () => {
  const key = randomBytes(32);
  const aes: StringEncryptor = {
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(sealed) {
      const buffer = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, buffer.subarray(0, 12));
      decipher.setAuthTag(buffer.subarray(12, 28));
      return Buffer.concat([decipher.update(buffer.subarray(28)), decipher.final()]).toString('utf8');
    },
  };

  it('round-trips any bytes and refuses everything when encryption is unavailable', async () => {
    const box = createStringSecretBox('os', aes);
    const bytes = new Uint8Array(randomBytes(300));
    expect(Buffer.from(await box.open(await box.seal(bytes)))).toEqual(Buffer.from(bytes));
    const none = createStringSecretBox('unavailable', aes);
    expect(none.protection()).toBe('unavailable');
    await expect(none.seal(bytes)).rejects.toThrow(/not available/);
  });
});

describe('sealed store', () => {
  it('writes a versioned envelope with nothing readable, and deletes what it cannot open', async () => {
    const { store, box, file } = vaultWith('os');
    const sealed = new SealedStore(box, store);
    await sealed.write('secrets.x', { refreshToken: tokens.refreshToken });
    nothingReadable(file());
    expect(store.get('secrets.x')).toMatchObject({ format: 'budgetly-sealed', version: 1 });
    const isObject = (value: unknown): value is object => typeof value === 'object';
    expect(await sealed.read('secrets.x', isObject)).toEqual({ kind: 'found', value: { refreshToken: tokens.refreshToken } });

    store.set('secrets.x', { format: 'budgetly-sealed', version: 2, data: 'AAAA' });
    expect(await sealed.read('secrets.x', isObject)).toEqual({ kind: 'unreadable' });
    expect(store.get('secrets.x')).toBeUndefined();
    store.set('secrets.y', 'garbage');
    expect(await sealed.read('secrets.y', isObject)).toEqual({ kind: 'unreadable' });
    expect(await sealed.read('secrets.none', isObject)).toEqual({ kind: 'missing' });
  });
});

describe('token vault storage policy', () => {
  it("'os': persists sealed", async () => {
    const { vault, file } = vaultWith('os');
    expect(vault.persistent()).toBe(true);
    await vault.save('c1', tokens);
    expect(file()).toContain('budgetly-sealed');
    nothingReadable(file());
  });

  it("'basic_text': memory only until the user allows weaker storage, and back off the disk when they revoke that", async () => {
    const { vault, settings, file, store } = vaultWith('basic_text');
    await vault.save('c1', tokens);
    expect(vault.persistent()).toBe(false);
    expect(store.get('secrets.tokens.c1')).toBeUndefined();
    expect(await vault.load('c1')).toEqual({ kind: 'found', tokens });

    settings.update({ allowWeakStorage: true });
    expect(vault.persistent()).toBe(true);
    await expect.poll(() => store.get('secrets.tokens.c1')).toBeDefined();
    nothingReadable(file());

    settings.update({ allowWeakStorage: false });
    await expect.poll(() => store.get('secrets.tokens.c1')).toBeUndefined();
  });

  it("'unavailable': never writes, even when weaker storage is allowed", async () => {
    const { vault, settings, store } = vaultWith('unavailable');
    settings.update({ allowWeakStorage: true });
    await vault.save('c1', tokens);
    await vault.saveClientSecret('c1', 'shh');
    expect(vault.persistent()).toBe(false);
    expect(store.get('secrets')).toBeUndefined();
    expect(await vault.load('c1')).toEqual({ kind: 'found', tokens });
  });

  it('forgetTokens wipes memory and disk; the client secret stays until forgetAll', async () => {
    const { vault, store } = vaultWith('os');
    await vault.save('c1', tokens);
    await vault.saveClientSecret('c1', 'shh');
    vault.forgetTokens('c1');
    expect(await vault.load('c1')).toEqual({ kind: 'missing' });
    expect(await vault.loadClientSecret('c1')).toBe('shh');
    vault.forgetAll('c1');
    expect(await vault.loadClientSecret('c1')).toBeUndefined();
    expect(store.get('secrets.clientSecret.c1')).toBeUndefined();
  });

  it('when the keychain refuses to seal, the live session goes on from memory and no stale blob stays', async () => {
    const { vault, box, store } = vaultWith('os');
    await vault.save('c1', tokens);
    box.seal = () => Promise.reject(new Error('User denied keychain access'));
    const rotated = { ...tokens, refreshToken: '5Aep861.rotated.token' };
    await expect(vault.save('c1', rotated)).resolves.toBeUndefined();
    expect(await vault.load('c1')).toEqual({ kind: 'found', tokens: rotated });
    expect(store.get('secrets.tokens.c1')).toBeUndefined();
  });
});

