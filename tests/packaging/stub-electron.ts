import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Electron's fuse sentinel; the wire that follows is: version 1, its length, then one ASCII '0'/'1' per fuse. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron's fuse wire with every fuse in its shipped default state, as it sits inside Electron's binary. */
export function stubFuseWire(): Buffer {
  // Electron's shipped defaults, in wire order: RunAsNode 1, CookieEncryption 0, NODE_OPTIONS 1, inspect 1,
  // asar integrity 0, only-asar 0, browser V8 snapshot 0, file-protocol privileges 1, wasm trap handlers 1.
  const defaults = '101100011';
  return Buffer.concat([Buffer.from(SENTINEL, 'ascii'), Buffer.from([1, defaults.length]), Buffer.from(defaults, 'ascii')]);
}

/**
 * A stand-in for the Electron binary (which cannot be downloaded here): a shell script that
 * carries a real fuse wire with every fuse in Electron's default state, so electron-builder
 * can flip the configured fuses in it and `@electron/fuses` can read them back.
 */
export function writeStubElectronDist(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const wire = stubFuseWire();
  const body = Buffer.concat([Buffer.from('#!/bin/sh\necho "stub electron: no runtime on this machine" >&2\nexit 1\n# '), wire, Buffer.from('\n')]);
  const executable = join(dir, 'electron');
  writeFileSync(executable, body);
  chmodSync(executable, 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stub\n');
  writeFileSync(join(dir, 'version'), '45.5.0');
  return executable;
}
