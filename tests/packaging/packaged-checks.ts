import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
// The same @electron/fuses electron-builder flips the fuses with; 1.x keeps FuseState out of its index.
import { FuseState } from '@electron/fuses/dist/constants';
import { expect } from 'vitest';

/** The fuses electron-builder.yml sets, read back from the packaged Electron binary (or .app) of any platform. */
export async function expectSecurityFuses(executable: string): Promise<void> {
  const wire = await getCurrentFuseWire(executable);
  expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
  expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
  expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
  expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
  expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
  expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
}

/** The asar of a Windows or macOS package: the built app and the updater, no sources, tests or devDependencies. */
export function expectBuiltAppOnly(files: string[]): void {
  expect(files).toContain('/out/main/index.js');
  expect(files).toContain('/out/preload/index.cjs');
  expect(files).toContain('/out/renderer/index.html');
  expect(files).toContain('/node_modules/electron-updater/out/main.js');
  expect(files.filter((file) => /^\/(tests|electron|renderer)\/|\.map$/.test(file))).toEqual([]);
  expect(files.filter((file) => /^\/node_modules\/(vitest|react|electron|typescript)\//.test(file))).toEqual([]);
}
