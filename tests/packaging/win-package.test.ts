import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRawHeader, listPackage } from '@electron/asar';
import { NtExecutable, NtExecutableResource, Resource } from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectBuiltAppOnly, expectSecurityFuses } from './packaged-checks';
import { root, runElectronBuilder } from './run-electron-builder';
import { hasMingw, writeStubElectronWinDist } from './stub-electron-win';
import { writeIco } from './stub-icons';

/**
 * Packages the built app for Windows (`--win dir`, x64) on Linux against a stub electron.exe that is a real PE
 * (mingw-w64), offline. Not built: the NSIS installer and so latest.yml — electron-builder's NSIS scripts need its
 * nsis-resources bundle (UAC, nsProcess, StdUtils plugins) that it downloads from GitHub; Debian's `nsis` has
 * makensis but not those plugins. Not signed: no code-signing certificate exists here.
 */
describe.skipIf(!hasMingw)('the Windows package (needs Debian’s gcc-mingw-w64-x86-64 and binutils-mingw-w64-x86-64 for the stub electron.exe)', () => {
  const work = mkdtempSync(join(tmpdir(), 'budgetly-pack-win-'));
  const output = join(work, 'dist');
  const unpacked = join(output, 'win-unpacked');
  const executable = join(unpacked, 'Budgetly.exe');
  let files: string[] = [];
  let resource: NtExecutableResource;

  beforeAll(async () => {
    if (!existsSync(join(root, 'out/main/index.js'))) throw new Error('Build first: npm run build');
    const electronDist = join(work, 'electron-dist');
    writeStubElectronWinDist(electronDist, work);
    const icon = join(work, 'icon.ico');
    writeIco(readFileSync(join(root, 'build/icon.png')), icon);
    await runElectronBuilder(['--win', 'dir', '--x64', `-c.win.icon=${icon}`], { electronDist, output });
    files = listPackage(join(unpacked, 'resources/app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
    resource = NtExecutableResource.from(NtExecutable.from(readFileSync(executable)));
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the built app in its asar, and no sources or devDependencies', () => {
    expectBuiltAppOnly(files);
    // No resources/app-update.yml: on Windows electron-builder writes it only while building the NSIS installer.
  });

  it('flips the security fuses in Budgetly.exe', async () => {
    await expectSecurityFuses(executable);
  });

  it('embeds the asar’s integrity in Budgetly.exe (INTEGRITY/ELECTRONASAR resource = SHA-256 of the asar header)', () => {
    const entry = resource.entries.find((candidate) => candidate.type === 'INTEGRITY' && candidate.id === 'ELECTRONASAR');
    expect(entry).toBeDefined();
    const header = getRawHeader(join(unpacked, 'resources/app.asar')).headerString;
    expect(JSON.parse(Buffer.from(entry?.bin ?? new ArrayBuffer(0)).toString('utf8'))).toEqual([
      { file: 'resources\\app.asar', alg: 'SHA256', value: createHash('sha256').update(header).digest('hex') },
    ]);
  });

  it('names itself Budgetly in its version resource (what Windows shows in Task Manager and file properties)', () => {
    const [versionInfo] = Resource.VersionInfo.fromEntries(resource.entries);
    const [language] = versionInfo?.getAllLanguagesForStringValues() ?? [];
    expect(language).toBeDefined();
    if (!versionInfo || !language) return;
    const strings = versionInfo.getStringValues(language);
    expect(strings.ProductName).toBe('Budgetly');
    expect(strings.FileVersion).toMatch(/^0\.1\.0/);
  });

  // Tried: Debian's makensis as ELECTRON_BUILDER_NSIS_DIR (with a stub elevate.exe, which electron-builder's NSIS
  // bundle carries) and Debian's plugins as ELECTRON_BUILDER_NSIS_RESOURCES_DIR: makensis stops at "Plugin not found,
  // cannot call UAC::_". The UAC, nsProcess and StdUtils plugins come only in nsis-resources-3.4.1.7z from GitHub.
  it.skip('builds the NSIS installer with budgetly:// and .budgetly in its registry script, resources/app-update.yml and latest.yml (sha512 of the Setup exe) — skipped offline: electron-builder downloads nsis-resources (UAC, nsProcess, StdUtils plugins) from GitHub; Debian’s nsis lacks them', () => {});
});
