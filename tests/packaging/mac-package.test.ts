import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRawHeader, listPackage } from '@electron/asar';
import { parse } from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectBuiltAppOnly, expectSecurityFuses } from './packaged-checks';
import { root, runElectronBuilder } from './run-electron-builder';
import { writeStubElectronMacDist } from './stub-electron-mac';
import { writeIcns } from './stub-icons';
import { artifactDigest, readUpdateMetadata } from './update-metadata';

/** Debian's 7zip (`7zz`): electron-builder zips with 7-Zip and would otherwise download it from GitHub. */
const sevenZip = ['/usr/bin/7zz', '/usr/bin/7za'].find((path) => existsSync(path));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

interface InfoPlist {
  CFBundleIdentifier: string;
  ElectronAsarIntegrity?: Record<string, { algorithm: string; hash: string }>;
  CFBundleURLTypes?: { CFBundleURLName: string; CFBundleURLSchemes: string[] }[];
  CFBundleDocumentTypes?: { CFBundleTypeExtensions: string[]; CFBundleTypeName: string; CFBundleTypeRole: string }[];
}

/**
 * Packages the built app for macOS (`--mac zip`, x64) on Linux against a stub Electron.app, offline: the zip is
 * what electron-updater downloads on macOS, so this build also writes latest-mac.yml. Not built here: the dmg
 * (needs macOS's hdiutil) and the signature and notarization (need macOS's codesign and an Apple certificate;
 * electron-builder says "skipped macOS application code signing: supported only on macOS").
 */
describe.skipIf(sevenZip == null)('the macOS package (needs Debian’s 7zip: electron-builder would download 7-Zip)', () => {
  const work = mkdtempSync(join(tmpdir(), 'budgetly-pack-mac-'));
  const output = join(work, 'dist');
  const app = join(output, 'mac', 'Budgetly.app');
  let files: string[] = [];
  let info: InfoPlist;

  beforeAll(async () => {
    if (!existsSync(join(root, 'out/main/index.js'))) throw new Error('Build first: npm run build');
    const electronDist = join(work, 'electron-dist');
    writeStubElectronMacDist(electronDist);
    // electron-builder turns build/icon.png into an .icns with a tool it downloads; an .icns holding the PNG needs none.
    const icon = join(work, 'icon.icns');
    writeIcns(readFileSync(join(root, 'build/icon.png')), icon);
    await runElectronBuilder(['--mac', 'zip', '--x64', `-c.mac.icon=${icon}`], { electronDist, output, env: { ELECTRON_BUILDER_7ZIP_PATH: sevenZip ?? '' } });
    files = listPackage(join(app, 'Contents/Resources/app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
    info = parse(readFileSync(join(app, 'Contents/Info.plist'), 'utf8')) as unknown as InfoPlist;
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the built app in its asar, and no sources or devDependencies', () => {
    expectBuiltAppOnly(files);
    expect(readFileSync(join(app, 'Contents/Resources/app-update.yml'), 'utf8')).toMatch(/^url: https:\/\/updates\.budgetly\.example\/desktop\/?$/m);
  });

  it('writes latest-mac.yml beside the zip: this version, the zip’s name, its SHA-512 and size, a release date', () => {
    const metadata = readUpdateMetadata(join(output, 'latest-mac.yml'));
    const zip = `Budgetly-${version}-mac.zip`;
    expect(metadata.version).toBe(version);
    expect(metadata.files).toHaveLength(1);
    expect(metadata.files[0]).toEqual({ url: zip, ...artifactDigest(output, zip) });
    expect(metadata.path).toBe(zip);
    expect(metadata.sha512).toBe(metadata.files[0]?.sha512);
    expect(Number.isNaN(Date.parse(metadata.releaseDate))).toBe(false);
  });

  it('flips the security fuses in Electron Framework', async () => {
    await expectSecurityFuses(app);
  });

  it('records the asar’s integrity in Info.plist: the SHA-256 of the asar header Electron checks at launch', () => {
    const header = getRawHeader(join(app, 'Contents/Resources/app.asar')).headerString;
    expect(info.ElectronAsarIntegrity?.['Resources/app.asar']).toEqual({ algorithm: 'SHA256', hash: createHash('sha256').update(header).digest('hex') });
  });

  it('registers budgetly:// links and .budgetly connection files with macOS (Info.plist)', () => {
    expect(info.CFBundleIdentifier).toBe('com.budgetly.desktop');
    expect(info.CFBundleURLTypes).toEqual([expect.objectContaining({ CFBundleURLSchemes: ['budgetly'] })]);
    expect(info.CFBundleDocumentTypes).toEqual([expect.objectContaining({ CFBundleTypeExtensions: ['budgetly'], CFBundleTypeRole: 'Viewer' })]);
  });
});
