import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stubFuseWire } from './stub-electron';

/** Debian's mingw-w64 (gcc-mingw-w64-x86-64, binutils-mingw-w64-x86-64): a C compiler and resource compiler for Windows. */
export const mingw = { gcc: '/usr/bin/x86_64-w64-mingw32-gcc', windres: '/usr/bin/x86_64-w64-mingw32-windres' };
export const hasMingw = existsSync(mingw.gcc) && existsSync(mingw.windres);

// Electron's version resource, as electron.exe ships it: electron-builder rewrites it for the app and files the
// asar integrity under the language it finds there (exactly one).
const VERSION_RESOURCE = `1 VERSIONINFO
FILEVERSION 45,5,0,0
PRODUCTVERSION 45,5,0,0
FILETYPE 1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904b0"
    BEGIN
      VALUE "CompanyName", "GitHub, Inc."
      VALUE "FileDescription", "Electron"
      VALUE "FileVersion", "45.5.0"
      VALUE "InternalName", "electron.exe"
      VALUE "OriginalFilename", "electron.exe"
      VALUE "ProductName", "Electron"
      VALUE "ProductVersion", "45.5.0"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
`;

/** The fuse wire as a C string literal: the bytes electron-builder finds by the sentinel and flips in place. */
function wireLiteral(): string {
  return `"${[...stubFuseWire()].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('')}"`;
}

/**
 * A stand-in for Electron's Windows distribution (which cannot be downloaded here): `electron.exe`, a real (tiny)
 * PE built with mingw-w64 that carries Electron's version resource and its fuse wire, so electron-builder can embed
 * the asar integrity resource and flip the fuses as it does in the real one.
 */
export function writeStubElectronWinDist(dir: string, work: string): string {
  mkdirSync(dir, { recursive: true });
  const source = join(work, 'stub-electron.c');
  writeFileSync(
    source,
    `#include <stdio.h>\n__attribute__((used)) static const char fuse_wire[] = ${wireLiteral()};\n` +
      'int main(void) { fputs("stub electron: no runtime on this machine\\n", stderr); return fuse_wire[0] == 0; }\n',
  );
  writeFileSync(join(work, 'stub-electron.rc'), VERSION_RESOURCE);
  execFileSync(mingw.windres, [join(work, 'stub-electron.rc'), '-O', 'coff', '-o', join(work, 'stub-electron.res')]);
  const executable = join(dir, 'electron.exe');
  execFileSync(mingw.gcc, ['-Os', '-s', '-o', executable, source, join(work, 'stub-electron.res')]);
  writeFileSync(join(dir, 'LICENSE'), 'stub\n');
  writeFileSync(join(dir, 'version'), '45.5.0');
  return executable;
}
