import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'plist';
import { stubFuseWire } from './stub-electron';

/** The helper apps Electron ships beside its framework; electron-builder renames each after the product. */
const HELPERS = ['Electron Helper', 'Electron Helper (GPU)', 'Electron Helper (Plugin)', 'Electron Helper (Renderer)'];

function writeBundle(contents: string, executable: string, identifier: string, body: Buffer): void {
  mkdirSync(join(contents, 'MacOS'), { recursive: true });
  writeFileSync(join(contents, 'MacOS', executable), body, { mode: 0o755 });
  const info = { CFBundleExecutable: executable, CFBundleIdentifier: identifier, CFBundleName: executable, CFBundlePackageType: 'APPL', CFBundleVersion: '45.5.0' };
  writeFileSync(join(contents, 'Info.plist'), build(info));
}

/**
 * A stand-in for Electron's macOS distribution (which cannot be downloaded here): an `Electron.app` with the layout
 * electron-builder rewrites (Info.plist, Contents/MacOS, the helper apps in Contents/Frameworks) and the fuse wire in
 * `Electron Framework.framework/Electron Framework`, where Electron keeps it on macOS.
 */
export function writeStubElectronMacDist(dir: string): string {
  const contents = join(dir, 'Electron.app', 'Contents');
  const script = Buffer.from('#!/bin/sh\necho "stub electron: no runtime on this machine" >&2\nexit 1\n');
  writeBundle(contents, 'Electron', 'com.github.Electron', script);
  mkdirSync(join(contents, 'Resources'), { recursive: true });
  const frameworks = join(contents, 'Frameworks');
  for (const helper of HELPERS) writeBundle(join(frameworks, `${helper}.app`, 'Contents'), helper, 'com.github.Electron.helper', script);
  const framework = join(frameworks, 'Electron Framework.framework');
  mkdirSync(framework, { recursive: true });
  writeFileSync(join(framework, 'Electron Framework'), Buffer.concat([Buffer.from('stub framework\n'), stubFuseWire(), Buffer.from('\n')]));
  writeFileSync(join(dir, 'LICENSE'), 'stub\n');
  writeFileSync(join(dir, 'version'), '45.5.0');
  return join(dir, 'Electron.app');
}
